package io.jhub.core.internal.source;

import io.jhub.api.DownloadException;
import io.jhub.api.FetchException;
import io.jhub.api.GitHost;
import io.jhub.api.HostUnreachableException;
import io.jhub.api.OfflineException;
import io.jhub.api.RefNotFoundException;
import io.jhub.api.ProgressEvent;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.api.spi.Resolution;
import io.jhub.core.internal.cache.RepoCache;
import io.jhub.core.internal.cache.TreeInstall;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Brings a remote repository's tree into the cache: resolve the ref to a commit (or use the pinned commit, or
 * the last resolution when offline), reuse the installed tree, otherwise fetch it through the protocol's
 * fetcher into the cache's atomic install.
 */
public final class RepoSource {
    private final RepoCache cache;
    private final FetchContext context;
    private final boolean offline;

    /**
     * Creates the source.
     *
     * @param cache the tree cache
     * @param context what fetchers get
     * @param offline whether the network is forbidden
     */
    public RepoSource(RepoCache cache, FetchContext context, boolean offline) {
        this.cache = cache;
        this.context = context;
        this.offline = offline;
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
        Wanted wanted = wanted(host, repo, pinned, skipValidation, fetcher);
        Optional<RepoCache.Installed> cached = cached(host, repo, wanted, useCache);
        RepoCache.Installed tree = cached.isPresent() ? cached.get() : fetch(host, repo, wanted, useCache, fetcher);
        if (wanted.resolved() && !offline) {
            cache.recordResolution(host, repo, tree.commit());
        }
        // "done" only once the tree is in place: a fetch the tree writer refuses must not look finished
        context.progress().onProgress(new ProgressEvent(ProgressEvent.Phase.DONE, repo + " -> " + tree.commit(), 1,
                1));
        return tree;
    }

    /**
     * The commit a call wants.
     *
     * @param request what the fetcher gets when the tree must be fetched; its commit is the pinned one
     * @param commit the commit, when known before fetching
     * @param resolved whether {@code commit} came from resolving a ref (so it is recorded as the ref's resolution)
     * @param fromRefs whether the fetcher resolved {@code commit} from the repository's refs just now, so it is
     *     reachable by construction
     * @param what the repository and host, for messages
     */
    private record Wanted(FetchRequest request, Optional<String> commit, boolean resolved, boolean fromRefs,
            String what) {
        /** Whether the tree this call gets is checked against the repository's refs. */
        boolean validated() {
            return fromRefs || !request.skipValidation();
        }
    }

    private Wanted wanted(GitHost host, RepoInfo repo, Optional<String> pinned, boolean skipValidation,
            Supplier<RepoFetcher> fetcher) {
        String what = repo + " on " + host;
        if (pinned.isEmpty()) {
            pinned = commitNamedByRef(host, repo, what);
        }
        FetchRequest request = new FetchRequest(host, repo, pinned, skipValidation);
        if (pinned.isPresent()) {
            return new Wanted(request, pinned, false, false, what);
        }
        Optional<String> commit;
        boolean fromRefs = false;
        if (offline) {
            commit = Optional.of(cache.lastResolution(host, repo).orElseThrow(() -> new OfflineException(
                    "Offline: " + what + " has never been resolved, so its commit is unknown. Run the same call"
                            + " once with network access (without --offline / JHUB_OFFLINE), or pin --commit.")));
        } else {
            Resolved resolved = resolve(host, repo, request, fetcher);
            commit = resolved.commit();
            fromRefs = resolved.fromRefs();
        }
        if (commit.isEmpty() && repo.ref().filter(Resolution::isAbbreviatedCommitId).isPresent()) {
            // an abbreviated id the transport cannot resolve maps to one commit for good: reuse its tree
            commit = cache.lastResolution(host, repo).filter(c -> cache.installed(host, repo, c).isPresent());
        }
        return new Wanted(request, commit, true, fromRefs, what);
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
        try (TreeInstall install = cache.beginInstall(host, repo, wanted.commit(), !useCache, wanted.validated())) {
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

    /**
     * A ref that is a full commit id needs no resolution; an abbreviated one that names exactly one cached commit
     * is that commit (commits never change, so no network is needed).
     */
    private Optional<String> commitNamedByRef(GitHost host, RepoInfo repo, String what) {
        Optional<String> ref = repo.ref().map(r -> r.toLowerCase(Locale.ROOT));
        if (ref.isEmpty()) {
            return Optional.empty();
        }
        if (Resolution.isFullCommitId(ref.get())) {
            return ref;
        }
        if (!Resolution.isAbbreviatedCommitId(ref.get())) {
            return Optional.empty();
        }
        List<String> cached = cache.installedWithPrefix(host, repo, ref.get());
        if (cached.size() > 1) {
            throw new RefNotFoundException("The abbreviated commit id \"" + ref.get() + "\" of " + what
                    + " is ambiguous: it matches the cached commits " + String.join(", ", cached)
                    + ". Give more digits or the full commit id.");
        }
        return cached.isEmpty() ? Optional.empty() : Optional.of(cached.get(0));
    }

    /** A resolved commit, and whether it came from the repository's refs rather than the cache's record. */
    private record Resolved(Optional<String> commit, boolean fromRefs) {
    }

    private Resolved resolve(GitHost host, RepoInfo repo, FetchRequest request, Supplier<RepoFetcher> fetcher) {
        context.progress().onProgress(new ProgressEvent(ProgressEvent.Phase.RESOLVE, repo.toString(), 0, -1));
        Resolution r;
        try {
            r = fetcher.get().resolve(request, context);
        } catch (DownloadException e) {
            if (e.status().isPresent()) {
                throw e;
            }
            return new Resolved(lastResolutionOr(host, repo, e), false);
        } catch (HostUnreachableException e) {
            return new Resolved(lastResolutionOr(host, repo, e), false);
        } catch (IOException e) {
            throw new FetchException("Resolving " + repo + " on " + host + " failed: " + e.getMessage()
                    + ". Check the host, the protocol and the network, then try again.", e);
        }
        // the resolution is recorded only once its tree is in the cache, so a failed fetch changes nothing
        return new Resolved(r.commit(), r.commit().isPresent());
    }

    /** The network failed while resolving: the last resolved commit if its tree is cached, else {@code failure}. */
    private Optional<String> lastResolutionOr(GitHost host, RepoInfo repo, FetchException failure) {
        Optional<String> last = cache.lastResolution(host, repo)
                .filter(c -> cache.installed(host, repo, c).isPresent());
        if (last.isEmpty()) {
            throw failure;
        }
        Log.LOG.log(Level.WARNING, "Cannot reach " + host + " to resolve " + repo + " (" + failure.getMessage()
                + "); using the cached commit " + last.get() + " from the last resolution.");
        return last;
    }

    /** Holds the logger, so that a load which logs nothing never pays for finding the logging backend. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(RepoSource.class.getName());
    }
}
