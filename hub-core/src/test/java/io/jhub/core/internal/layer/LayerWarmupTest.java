package io.jhub.core.internal.layer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The start-up warm-up must really define a layer, or it silently does nothing for every fresh JVM. */
class LayerWarmupTest {
    @Test
    void definesAnEmptyLayerAndLooksAClassUpThroughItsLoader() {
        assertTrue(LayerWarmup.warm(), "the warm-up layer could not be defined");
    }
}
