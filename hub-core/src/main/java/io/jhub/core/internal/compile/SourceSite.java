package io.jhub.core.internal.compile;

import java.util.Objects;

/**
 * A place in a hub repository's sources, for reports.
 *
 * @param file the source file relative to the repository root, {@code /}-separated
 * @param line the 1-based line, or 0 when unknown
 * @param column the 1-based column, or 0 when unknown
 */
public record SourceSite(String file, long line, long column) {
    /**
     * Validates the fields.
     */
    public SourceSite {
        Objects.requireNonNull(file, "file");
    }
}
