package io.jhub.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * Compiled classes of a hub repository in a hub's cache, keyed by the content they were compiled from.
 *
 * @param key the content key (32 hex digits)
 * @param dir the entry's directory
 * @param bytes the size of its files
 * @param lastUsed when a load last used it
 * @since 0.3
 */
public record CachedClasses(String key, Path dir, long bytes, Instant lastUsed) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if one is null
     */
    public CachedClasses {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }
}
