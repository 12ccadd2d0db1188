package io.jhub.core.internal.source;

import io.jhub.api.GitHost;
import io.jhub.api.OfflineException;
import io.jhub.api.ProgressEvent;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.api.spi.Resolution;
import io.jhub.core.RefreshPolicy;
import io.jhub.core.internal.cache.RepoCache;
import io.jhub.core.internal.cache.TreeInstall;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Brings a remote repository's tree into the cache, in stages that only ever call forward: which commit is
 * wanted ({@link CommitFinder}); whether the cache holds a tree of it this call may use; otherwise the fetcher
 * writes it into a {@link TreeInstall} of the cache. A tree fetched with skip-validation is not used by a call
 * that validates: it is fetched again (online) or refused (offline).
 */
public final class RepoSource {
    private final RepoCache cache;
    private final FetchContext context;
    private final boolean offline;
    private final CommitFinder finder;
    private final RefreshPolicy refresh;

    /**
     * Creates the source.
     *
     * @param cache the tree cache
     * @param context what fetchers get
     * @param offline whether the network is forbidden
     * @param refresh when a ref recorded in the cache is looked up again
     */
    public RepoSource(RepoCache cache, FetchContext context, boolean offline, RefreshPolicy refresh) {
        this.cache = cache;
        this.context = context;
        this.offline = offline;
        this.finder = new CommitFinder(cache, context, offline, refresh);
        this.refresh = refresh;
    }

    /**
     * Returns the installed tree for a request, fetching it if needed. The stages, in order: which commit is
     * wanted; whether the cache has a tree of it this call may use; otherwise fetch it into the cache.
     *
     * @param host the git host
     * @param repo the repository with its optional ref
     * @param pinned a full commit id that wins over the ref
     * @param useCache false to fetch again even when the commit is installed
     * @param skipValidation true to fetch a pinned commit without checking it against the repository's refs
     * @param fetcher supplies the protocol's fetcher (only asked when the network is used)
     * @return the installed tree
     */
    public RepoCache.Installed tree(GitHost host, RepoInfo repo, Optional<String> pinned, boolean useCache,
            boolean skipValidation, Supplier<RepoFetcher> fetcher) {
        Wanted wanted = finder.wanted(host, repo, pinned, skipValidation, useCache, fetcher);
        Optional<RepoCache.Installed> cached = cached(host, repo, wanted, useCache);
        RepoCache.Installed tree = cached.isPresent() ? cached.get() : fetch(host, repo, wanted, useCache, fetcher);
        if (wanted.resolved() && !offline) {
            // the time of a lookup matters only to a minutes or never policy: under always, an unchanged
            // resolution is not written again, so a warm load of a branch writes nothing
            cache.recordResolution(host, repo, tree.commit(), wanted.fromRefs() && refresh.minutes() != 0);
        }
        // "done" only once the tree is in place: a fetch the tree writer refuses must not look finished
        context.progress().onProgress(new ProgressEvent(ProgressEvent.Phase.DONE, repo + " -> " + tree.commit(), 1,
                1));
        return tree;
    }

    /** The cached tree of the wanted commit, if this call may use it; offline, the tree must be there. */
    private Optional<RepoCache.Installed> cached(GitHost host, RepoInfo repo, Wanted wanted, boolean useCache) {
        if (wanted.commit().isEmpty()) {
            return Optional.empty();
        }
        String commit = wanted.commit().get();
        Optional<Path> there = cache.installed(host, repo, commit);
        boolean unchecked = there.isPresent() && wanted.validated() && RepoCache.unvalidated(there.get());
        if (unchecked && offline) {
            throw new OfflineException("Offline: the cached tree of commit " + commit + " of " + wanted.what()
                    + " at " + there.get() + " was fetched with --skip-validation (skipValidation(true)), so"
                    + " nobody checked that a branch or tag of the repository reaches it. Load it with"
                    + " --skip-validation (skipValidation(true)) if you trust it, or go online once so that"
                    + " jhub can check it.");
        }
        if (there.isPresent() && (useCache || offline) && !unchecked) {
            return Optional.of(new RepoCache.Installed(there.get(), commit, false));
        }
        if (offline) {
            throw new OfflineException("Offline: commit " + commit + " of " + wanted.what() + " is not in the"
                    + " cache at " + cache.repoDir(host, repo) + ". Fetch it once with network access: jhub"
                    + " fetch " + repo + " --host " + host + ".");
        }
        return Optional.empty();
    }

    /** Fetches the wanted tree through the protocol's fetcher into the cache. */
    private RepoCache.Installed fetch(GitHost host, RepoInfo repo, Wanted wanted, boolean useCache,
            Supplier<RepoFetcher> fetcher) {
        FetchRequest request = wanted.request();
        if (request.commit().isEmpty() && wanted.commit().isPresent()) {
            // a commit resolved from the refs just now needs no reachability check
            request = request.withCommit(wanted.commit().get()).withSkipValidation(!wanted.validated()
                    || wanted.fromRefs());
        }
        RepoFetcher f = fetcher.get();
        try (TreeInstall install = cache.beginInstall(host, repo, wanted.commit(), !useCache, wanted.validated(),
                context.progress())) {
            Optional<RepoCache.Installed> raced = install.existing();
            if (raced.isPresent()) {
                return raced.get();
            }
            Resolution written;
            try {
                written = f.fetch(request, install.staging(), context);
            } catch (IOException e) {
                throw install.failed(e);
            }
            return install.complete(written);
        }
    }
}
