package io.jhub.core.internal.compile;

import java.util.Objects;

/**
 * One public static method of a hubconf class, as the compiler saw it.
 *
 * @param name the method name
 * @param signature the method as source text, such as {@code classify(Path image, int topK)}
 * @param doc its Javadoc without comment markers, empty if it has none
 */
public record EntryDoc(String name, String signature, String doc) {
    /**
     * Validates the fields.
     */
    public EntryDoc {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(signature, "signature");
        Objects.requireNonNull(doc, "doc");
    }
}
