package io.jhub.core;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Objects;

/**
 * The fetched tree of one commit in a hub's cache.
 *
 * @param repo the repository as {@code host/owner/name} (a port is written {@code host@port})
 * @param commit the commit id (or {@code tree-<hash>} when the transport could not tell)
 * @param dir the tree's directory
 * @param bytes the size of its files
 * @param lastUsed when a load or fetch last used it
 * @param validated false if it was fetched with skip-validation
 * @since 0.3
 */
public record CachedCommit(String repo, String commit, Path dir, long bytes, Instant lastUsed, boolean validated) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if one is null
     */
    public CachedCommit {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(commit, "commit");
        Objects.requireNonNull(dir, "dir");
        Objects.requireNonNull(lastUsed, "lastUsed");
    }
}
