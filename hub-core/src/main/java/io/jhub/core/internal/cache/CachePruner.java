package io.jhub.core.internal.cache;

import io.jhub.http.internal.cache.UseStamps;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Chooses and removes entries, least recently used first, until the cache fits a size and nothing older than a
 * cut-off remains; an entry in use, or one the caller keeps (the one just installed), is never removed. A dry
 * run checks use the same way and reports exactly what a real run would remove at that moment.
 */
public final class CachePruner {
    private final CacheInventory inventory;
    private final EntryRemover remover;

    /**
     * The outcome of a prune.
     *
     * @param removed the entries removed (or, in a dry run, that would be)
     * @param inUse the entries that should have gone but are in use
     * @param bytesFreed the bytes of {@code removed}
     */
    public record Result(List<CacheEntry> removed, List<CacheEntry> inUse, long bytesFreed) {
    }

    /**
     * Creates a pruner of one cache.
     *
     * @param cacheRoot the cache's root directory
     */
    public CachePruner(Path cacheRoot) {
        this.inventory = new CacheInventory(cacheRoot);
        this.remover = new EntryRemover(cacheRoot);
    }

    /**
     * Prunes the cache.
     *
     * @param maxBytes the size to get under ({@link Long#MAX_VALUE} for no bound)
     * @param cutoff entries last used before this instant go whatever the size
     * @param keep entries never removed (paths as the inventory lists them)
     * @param dryRun remove nothing, report what would go
     * @return what went
     */
    public Result prune(long maxBytes, Optional<Instant> cutoff, Set<Path> keep, boolean dryRun) {
        List<CacheEntry> all = new ArrayList<>(inventory.scan());
        return removeInOrder(all, maxBytes, cutoff, keep, dryRun);
    }

    /**
     * Removes the given entries (all of them, as far as not in use). Asked for explicitly, this also removes weights
     * files that only this process holds (it was handed them, and now removes them itself); another process's
     * hold, and this process's holds on trees and compiled classes (its layers read them), still keep an entry.
     *
     * @param entries the entries
     * @param dryRun remove nothing, report what would go
     * @return what went
     */
    public Result removeAll(List<CacheEntry> entries, boolean dryRun) {
        List<Path> ownWeights = new ArrayList<>();
        for (CacheEntry e : entries) {
            if (e.kind() == CacheEntry.Kind.WEIGHTS && UseStamps.letGo(e.stamp())) {
                ownWeights.add(e.stamp());
            }
        }
        Result r = removeInOrder(new ArrayList<>(entries), -1, Optional.empty(), Set.of(), dryRun);
        if (dryRun) {
            ownWeights.forEach(UseStamps::hold); // a dry run changes nothing
        }
        return r;
    }

    private Result removeInOrder(List<CacheEntry> entries, long maxBytes, Optional<Instant> cutoff, Set<Path> keep,
            boolean dryRun) {
        if (!dryRun) {
            remover.emptyTrash();
        }
        entries.sort(Comparator.comparing(CacheEntry::lastUsed).thenComparing(e -> e.path().toString()));
        long total = entries.stream().mapToLong(CacheEntry::bytes).sum();
        List<CacheEntry> removed = new ArrayList<>();
        List<CacheEntry> inUse = new ArrayList<>();
        long freed = 0;
        for (CacheEntry e : entries) {
            boolean old = cutoff.isPresent() && e.lastUsed().isBefore(cutoff.get());
            if (keep.contains(e.path()) || !old && total <= maxBytes) {
                continue;
            }
            EntryRemover.Outcome outcome = dryRun ? (remover.inUse(e) ? EntryRemover.Outcome.IN_USE
                    : EntryRemover.Outcome.REMOVED) : remover.remove(e);
            if (outcome == EntryRemover.Outcome.IN_USE) {
                inUse.add(e);
                continue;
            }
            total -= e.bytes();
            if (outcome == EntryRemover.Outcome.REMOVED) {
                removed.add(e);
                freed += e.bytes();
            }
        }
        return new Result(removed, inUse, freed);
    }
}
