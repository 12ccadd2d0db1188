package io.jhub.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * A repository in a hub's cache.
 *
 * @param key {@code host/owner/name}
 * @param dir its cache directory
 * @param commits the commits whose trees are installed, sorted
 * @since 0.1
 */
public record CachedRepo(String key, Path dir, List<String> commits) {
    /**
     * Validates and copies the fields.
     */
    public CachedRepo {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(dir, "dir");
        commits = List.copyOf(commits);
    }
}
