package io.jhub.core.internal.source;

import io.jhub.api.DownloadException;
import io.jhub.api.FetchException;
import io.jhub.api.GitHost;
import io.jhub.api.HostUnreachableException;
import io.jhub.api.OfflineException;
import io.jhub.api.ProgressEvent;
import io.jhub.api.RefNotFoundException;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.api.spi.Resolution;
import io.jhub.core.RefreshPolicy;
import io.jhub.core.internal.cache.RepoCache;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The first stage of a load: which commit a call wants. A pinned commit, a ref that names a commit, the fetcher's
 * resolution of the ref, or (offline, or when the host cannot be reached) the cache's last resolution.
 */
final class CommitFinder {
    private final RepoCache cache;
    private final FetchContext context;
    private final boolean offline;
    private final RefreshPolicy refresh;

    CommitFinder(RepoCache cache, FetchContext context, boolean offline, RefreshPolicy refresh) {
        this.cache = cache;
        this.context = context;
        this.offline = offline;
        this.refresh = refresh;
    }

    Wanted wanted(GitHost host, RepoInfo repo, Optional<String> pinned, boolean skipValidation, boolean useCache,
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
        Optional<String> fresh = useCache && !offline ? freshResolution(host, repo) : Optional.empty();
        if (fresh.isPresent()) {
            // checked against the refs when it was recorded; not recorded again, so its age keeps growing
            return new Wanted(request, fresh, false, true, what);
        }
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

    /** The recorded resolution of the ref, when the refresh policy says it is young enough and its tree is here. */
    private Optional<String> freshResolution(GitHost host, RepoInfo repo) {
        if (refresh.minutes() == 0) {
            return Optional.empty();
        }
        Optional<RepoCache.ResolutionRecord> last = cache.resolution(host, repo);
        if (last.isEmpty() || !refresh.reuses(last.get().checkedAtMillis(), System.currentTimeMillis())
                || cache.installed(host, repo, last.get().commit()).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(last.get().commit());
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
