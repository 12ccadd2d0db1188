package io.jhub.pretrained;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Loads a verified weights file into a model, changing the model in place. A model's own method fits directly:
 * {@code Classifier::loadWeights} for {@code void loadWeights(Path file)}.
 *
 * @param <M> the model type
 * @since 0.1
 */
@FunctionalInterface
public interface WeightsLoader<M> {
    /**
     * Loads the weights.
     *
     * @param model the model to fill
     * @param weights the verified cached file (read it, never change it)
     * @throws IOException if the file cannot be read or parsed
     */
    void load(M model, Path weights) throws IOException;
}
