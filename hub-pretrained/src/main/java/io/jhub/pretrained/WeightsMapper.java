package io.jhub.pretrained;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Makes a model with loaded weights from a model without them, for immutable models.
 *
 * @param <M> the model type
 * @since 0.1
 */
@FunctionalInterface
public interface WeightsMapper<M> {
    /**
     * Returns the model with the weights loaded.
     *
     * @param model the model as the entry built it
     * @param weights the verified cached file (read it, never change it)
     * @return the model to hand back from the entry
     * @throws IOException if the file cannot be read or parsed
     */
    M apply(M model, Path weights) throws IOException;
}
