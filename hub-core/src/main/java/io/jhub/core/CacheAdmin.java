package io.jhub.core;

import io.jhub.api.GitHost;
import io.jhub.api.InvalidRepoException;
import io.jhub.api.RepoInfo;
import io.jhub.core.internal.cache.CacheEntry;
import io.jhub.core.internal.cache.CacheInventory;
import io.jhub.core.internal.cache.CachePruner;
import io.jhub.core.internal.cache.RepoCache;
import io.jhub.http.internal.cache.CacheFiles;
import io.jhub.http.internal.download.CacheLayout;
import java.lang.System.Logger.Level;
import java.net.URI;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Consumer;

/** A hub's cache administration: the inventory as public records, removals, pruning, and eviction. */
final class CacheAdmin {
    private final Path root;
    private final OptionalLong maxBytes;
    private final List<Path> readOnly;
    private final RepoCache repos;
    private final CacheInventory inventory;
    private final CachePruner pruner;

    CacheAdmin(Path root, OptionalLong maxBytes, List<Path> readOnly, RepoCache repos) {
        this.root = root;
        this.maxBytes = maxBytes;
        this.readOnly = readOnly;
        this.repos = repos;
        this.inventory = new CacheInventory(root);
        this.pruner = new CachePruner(root);
    }

    CacheInfo info() {
        List<CachedCommit> commits = new ArrayList<>();
        List<CachedClasses> compiled = new ArrayList<>();
        List<CachedWeights> weights = new ArrayList<>();
        for (CacheEntry e : inventory.scan()) {
            switch (e.kind()) {
                case TREE -> commits.add(new CachedCommit(e.group(), e.id(), e.path(), e.bytes(), e.lastUsed(),
                        e.validated()));
                case COMPILED -> compiled.add(new CachedClasses(e.id(), e.path(), e.bytes(), e.lastUsed()));
                case WEIGHTS -> weights.add(new CachedWeights(e.id(), e.url(), e.path(), e.bytes(), e.sha256(),
                        e.lastUsed()));
            }
        }
        return new CacheInfo(root, commits, compiled, weights, readOnly);
    }

    /** Removes a repository's commits ({@code owner/name}) or one of them ({@code owner/name@commit}). */
    CacheRemoval removeRepo(GitHost host, String spec) {
        int at = spec.indexOf('@');
        String path = at < 0 ? spec : spec.substring(0, at);
        Optional<String> commit = at < 0 ? Optional.empty() : Optional.of(spec.substring(at + 1));
        if (path.contains(":") || commit.filter(c -> !c.matches("[0-9a-f]{4,64}|tree-[0-9a-f]{40}")).isPresent()) {
            throw new InvalidRepoException("Cannot remove \"" + spec + "\" from the cache: name it as owner/name or"
                    + " owner/name@commit (a commit id or a unique prefix of 4 or more lower-case hex digits, as"
                    + " jhub cache ls shows it).");
        }
        RepoInfo repo = RepoInfo.parse(path);
        Path dir = repos.repoDir(host, repo);
        List<CacheEntry> matches = inventory.scan().stream().filter(e -> e.kind() == CacheEntry.Kind.TREE
                && e.path().getParent().equals(dir) && commit.map(c -> e.id().startsWith(c)).orElse(true)).toList();
        if (commit.isPresent() && matches.size() > 1) {
            throw new InvalidRepoException("The commit prefix \"" + commit.get() + "\" of " + path + " matches "
                    + matches.size() + " cached commits (" + String.join(", ", matches.stream().map(CacheEntry::id)
                    .toList()) + "); give more digits.");
        }
        CacheRemoval removal = removal(pruner.removeAll(matches, false), false);
        if (commit.isEmpty() && removal.inUse().isEmpty()) {
            repos.removeRecords(host, repo);
        }
        return removal;
    }

    /** Removes weights by cached file name, by the URL's file name when unique, or by URL. */
    CacheRemoval removeWeights(String nameOrUrl) {
        List<CacheEntry> all = inventory.scan().stream().filter(e -> e.kind() == CacheEntry.Kind.WEIGHTS).toList();
        List<CacheEntry> matches;
        if (nameOrUrl.contains("://")) {
            String name = CacheLayout.of(root, URI.create(nameOrUrl), Optional.empty()).name();
            matches = all.stream().filter(e -> e.id().equals(name) || e.url().filter(nameOrUrl::equals).isPresent())
                    .toList();
        } else {
            matches = all.stream().filter(e -> e.id().equals(nameOrUrl)).toList();
            if (matches.isEmpty()) {
                matches = all.stream().filter(e -> e.id().substring(e.id().indexOf('_') + 1).equals(nameOrUrl))
                        .toList();
            }
            if (matches.size() > 1) {
                throw new IllegalArgumentException("\"" + nameOrUrl + "\" names " + matches.size() + " cached files ("
                        + String.join(", ", matches.stream().map(CacheEntry::id).toList()) + "); give the full"
                        + " cached name or the URL.");
            }
        }
        return removal(pruner.removeAll(matches, false), false);
    }

    CacheRemoval clean(boolean dryRun) {
        CacheRemoval removal = removal(pruner.removeAll(inventory.scan(), dryRun), dryRun);
        if (!dryRun && removal.inUse().isEmpty()) {
            for (RepoCache.Entry r : repos.list()) {
                CacheFiles.deleteQuietly(r.dir().resolve("refs"));
            }
            CacheFiles.deleteQuietly(root.resolve("compiled").resolve("stamps"));
        }
        if (!dryRun) {
            // the fetchers' state is a hint no entry depends on: it goes even when entries in use stay
            CacheFiles.deleteQuietly(root.resolve(HubSettings.STATE));
        }
        return removal;
    }

    CacheRemoval prune(long max, Optional<Instant> cutoff, boolean dryRun) {
        return removal(pruner.prune(max, cutoff, Set.of(), dryRun), dryRun);
    }

    /**
     * Returns {@link #afterInstall(Path)} as an action for the installers (an anonymous class, not a method
     * reference, which a fresh JVM would have to link on every start).
     */
    Consumer<Path> afterInstallAction() {
        return new Consumer<>() {
            @Override
            public void accept(Path installed) {
                afterInstall(installed);
            }
        };
    }

    /** Evicts least-recently-used entries after an install, when the cache has a maximum size. */
    void afterInstall(Path installed) {
        if (maxBytes.isEmpty()) {
            return;
        }
        CachePruner.Result r = pruner.prune(maxBytes.getAsLong(), Optional.empty(), Set.of(installed), false);
        for (CacheEntry e : r.removed()) {
            Log.LOG.log(Level.INFO, () -> "Evicted " + e.describe() + " (" + ByteSize.format(e.bytes())
                    + ", last used " + e.lastUsed() + ") to keep the cache under "
                    + ByteSize.format(maxBytes.getAsLong()));
        }
        if (!r.inUse().isEmpty()) {
            Log.LOG.log(Level.DEBUG, () -> "Kept entries in use although the cache is over its maximum size: "
                    + r.inUse().stream().map(CacheEntry::describe).toList());
        }
    }

    OptionalLong maxBytes() {
        return maxBytes;
    }

    private static CacheRemoval removal(CachePruner.Result r, boolean dryRun) {
        return new CacheRemoval(r.removed().stream().map(CacheEntry::describe).toList(),
                r.inUse().stream().map(CacheEntry::describe).toList(), r.bytesFreed(), dryRun);
    }

    /** Holds the logger, so that a load which logs nothing never pays for finding the logging backend. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("io.jhub.core.cache");
    }
}
