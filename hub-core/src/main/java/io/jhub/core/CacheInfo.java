package io.jhub.core;

import java.nio.file.Path;
import java.util.List;
import java.util.Objects;

/**
 * What a hub's writable cache holds, as {@link Hub#cacheInfo()} found it: like {@code hf cache ls}.
 *
 * @param cacheDir the cache's root directory
 * @param commits fetched trees, sorted by repository and commit
 * @param compiled compiled classes, sorted by key
 * @param weights downloaded files, sorted by name
 * @param readOnlyCaches the read-only layers searched before this cache (not listed here)
 * @since 0.3
 */
public record CacheInfo(Path cacheDir, List<CachedCommit> commits, List<CachedClasses> compiled,
                        List<CachedWeights> weights, List<Path> readOnlyCaches) {
    /**
     * Checks and copies the fields.
     *
     * @throws NullPointerException if one is null
     */
    public CacheInfo {
        Objects.requireNonNull(cacheDir, "cacheDir");
        commits = List.copyOf(commits);
        compiled = List.copyOf(compiled);
        weights = List.copyOf(weights);
        readOnlyCaches = List.copyOf(readOnlyCaches);
    }

    /**
     * Returns the size of every listed entry together.
     *
     * @return bytes
     */
    public long totalBytes() {
        return commits.stream().mapToLong(CachedCommit::bytes).sum()
                + compiled.stream().mapToLong(CachedClasses::bytes).sum()
                + weights.stream().mapToLong(CachedWeights::bytes).sum();
    }
}
