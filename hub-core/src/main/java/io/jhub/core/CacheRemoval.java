package io.jhub.core;

import java.util.List;

/**
 * What a removal from the cache did (or, for a dry run, would do).
 *
 * @param removed the entries removed, such as {@code github.com/owner/name@<commit>}, {@code compiled <key>} or
 *     {@code weights <name>}
 * @param inUse entries that were asked for but stay, because a process uses or writes them
 * @param bytesFreed the size of the removed entries
 * @param dryRun true if nothing was actually removed
 * @since 0.3
 */
public record CacheRemoval(List<String> removed, List<String> inUse, long bytesFreed, boolean dryRun) {
    /**
     * Copies the lists.
     *
     * @throws NullPointerException if one is null
     */
    public CacheRemoval {
        removed = List.copyOf(removed);
        inUse = List.copyOf(inUse);
    }
}
