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
     * Returns the installed tree for a request, fetching it if needed.
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
        RepoCache.Installed tree = locate(host, repo, pinned, useCache, skipValidation, fetcher);
        // "done" only once the tree is in place: a fetch the tree writer refuses must not look finished
        context.progress().onProgress(new ProgressEvent(ProgressEvent.Phase.DONE, repo + " -> " + tree.commit(), 1,
                1));
        return tree;
    }

    private RepoCache.Installed locate(GitHost host, RepoInfo repo, Optional<String> pinned, boolean useCache,
            boolean skipValidation, Supplier<RepoFetcher> fetcher) {
        String what = repo + " on " + host;
        if (pinned.isEmpty()) {
            pinned = commitNamedByRef(host, repo, what);
        }
        FetchRequest request = new FetchRequest(host, repo, pinned, skipValidation);
        Optional<String> commit = pinned;
        // a commit the fetcher resolved from the repository's refs just now is reachable by construction
        boolean fromRefs = false;
        if (commit.isEmpty()) {
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
        }
        boolean validated = fromRefs || !skipValidation;
        if (commit.isPresent()) {
            Optional<Path> there = cache.installed(host, repo, commit.get());
            boolean unchecked = there.isPresent() && validated && cache.unvalidated(there.get());
            if (unchecked && offline) {
                throw new OfflineException("Offline: the cached tree of commit " + commit.get() + " of " + what
                        + " at " + there.get() + " was fetched with --skip-validation (skipValidation(true)), so"
                        + " nobody checked that a branch or tag of the repository reaches it. Load it with"
                        + " --skip-validation (skipValidation(true)) if you trust it, or go online once so that"
                        + " jhub can check it.");
            }
            if (there.isPresent() && (useCache || offline) && !unchecked) {
                if (pinned.isEmpty() && !offline) {
                    cache.recordResolution(host, repo, commit.get());
                }
                return new RepoCache.Installed(there.get(), commit.get(), false);
            }
            if (offline) {
                throw new OfflineException("Offline: commit " + commit.get() + " of " + what + " is not in the"
                        + " cache at " + cache.repoDir(host, repo) + ". Fetch it once with network access: jhub"
                        + " fetch " + repo + " --host " + host + ".");
            }
        }
        boolean skip = !validated || fromRefs;
        FetchRequest pinnedRequest = pinned.isPresent() ? request
                : commit.map(c -> request.withCommit(c).withSkipValidation(skip)).orElse(request);
        RepoFetcher f = fetcher.get();
        RepoCache.Installed installed = cache.install(host, repo, commit,
                staging -> f.fetch(pinnedRequest, staging, context), !useCache, validated);
        if (pinned.isEmpty()) {
            cache.recordResolution(host, repo, installed.commit());
        }
        return installed;
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
