package io.jhub.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * A downloaded file (weights) in a hub's cache.
 *
 * @param name the cached file's name, {@code <first 6 hex of sha256(url)>_<file name>}
 * @param url the URL it came from, without credentials or query (empty for files cached by older versions)
 * @param file the file
 * @param bytes its size
 * @param sha256 its verified SHA-256, when computed
 * @param lastUsed when a download call last used it
 * @since 0.3
 */
public record CachedWeights(String name, Optional<String> url, Path file, long bytes, Optional<String> sha256,
                            Instant lastUsed) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if one is null
     */
    public CachedWeights {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(sha256, "sha256");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }
}
