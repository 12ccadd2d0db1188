package io.jhub.core.internal.cache;

import io.jhub.api.FetchException;
import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.Resolution;
import io.jhub.http.internal.cache.CacheFiles;
import io.jhub.http.internal.cache.CacheLock;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One install of a tree into a repository's cache directory, holding the repository's lock until closed: the
 * caller checks {@link #existing()}, else writes the tree into {@link #staging()} and calls {@link #complete}.
 * The cache never calls the writer; the caller drives each step. Closing removes whatever was not installed.
 *
 * <p>A tree whose commit was not checked against the repository's refs gets its {@code <commit>.unvalidated}
 * marker before it is renamed into place, and a checked tree loses it only after its rename, so a process killed
 * at any line never leaves an unchecked tree without its marker.
 */
public final class TreeInstall implements AutoCloseable {
    private final GitHost host;
    private final RepoInfo repo;
    private final Path dir;
    private final Optional<String> commit;
    private final boolean replace;
    private final boolean validated;
    private final CacheLock lock;
    private final Path staging;

    TreeInstall(GitHost host, RepoInfo repo, Path dir, Optional<String> commit, boolean replace, boolean validated,
            CacheLock lock) {
        this.host = host;
        this.repo = repo;
        this.dir = dir;
        this.commit = commit;
        this.validated = validated;
        this.lock = lock;
        // a checked install replaces an unchecked tree of the same commit
        this.replace = replace || commit.filter(c -> validated && RepoCache.unvalidated(dir.resolve(c))).isPresent();
        this.staging = CacheFiles.stagingFor(dir.resolve(commit.orElse("tree")));
    }

    /**
     * Returns the tree already installed for the commit, when it may be used instead of writing one.
     *
     * @return the installed tree, or empty when the caller must write one
     */
    public Optional<RepoCache.Installed> existing() {
        if (commit.isEmpty() || replace || !Files.isDirectory(dir.resolve(commit.get()))) {
            return Optional.empty();
        }
        return Optional.of(new RepoCache.Installed(dir.resolve(commit.get()), commit.get(), false));
    }

    /**
     * Returns the empty staging directory to write the tree into.
     *
     * @return the directory, created on first call
     * @throws FetchException if it cannot be created
     */
    public Path staging() {
        try {
            return Files.createDirectories(staging);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * Moves the written tree into place.
     *
     * @param written the commit the writer reports
     * @return the installed tree
     * @throws FetchException if the writer wrote another commit than requested, or the move fails
     */
    public RepoCache.Installed complete(Resolution written) {
        try {
            Optional<String> known = checkCommit(written);
            String id = known.isPresent() ? known.get() : "tree-" + TreeHash.of(staging);
            Path target = dir.resolve(id);
            if (Files.isDirectory(target) && !replace && !(validated && RepoCache.unvalidated(target))) {
                return new RepoCache.Installed(target, id, true);
            }
            if (!validated) {
                CacheFiles.writeAtomically(RepoCache.markerOf(target), "fetched with skip-validation\n");
            }
            if (Files.isDirectory(target)) {
                TreeSizes.drop(target); // the record describes the tree being replaced
                Path old = CacheFiles.stagingFor(target);
                Files.move(target, old);
                CacheFiles.moveIntoPlace(staging, target);
                CacheFiles.deleteQuietly(old);
                TreeSizes.drop(target); // in case a scan measured the old tree meanwhile
            } else {
                CacheFiles.moveIntoPlace(staging, target);
            }
            if (validated) {
                Files.deleteIfExists(RepoCache.markerOf(target));
            }
            Log.LOG.log(Level.DEBUG, () -> "Installed " + repo.path() + "@" + id + " at " + target);
            return new RepoCache.Installed(target, id, true);
        } catch (IOException e) {
            throw failed(e);
        }
    }

    /**
     * Wraps a failure of writing the tree.
     *
     * @param e what the writer or the cache threw
     * @return the exception to throw, saying the cache was left as it was
     */
    public FetchException failed(IOException e) {
        return new FetchException("Fetching " + repo + " from " + host + " into " + dir + " failed: "
                + e.getMessage() + ". The cache was left as it was; check the network, the free disk space"
                + " and that the cache directory is writable, then try again.", e);
    }

    /** Removes what was not installed and releases the repository's lock. */
    @Override
    public void close() {
        try {
            CacheFiles.deleteQuietly(staging);
        } finally {
            lock.close();
        }
    }

    private Optional<String> checkCommit(Resolution written) {
        if (commit.isPresent() && written.commit().isPresent() && !commit.equals(written.commit())) {
            throw new FetchException("The fetcher wrote commit " + written.commit().get() + " of " + repo
                    + " but " + commit.get() + " was requested; the remote changed during the fetch, try again.");
        }
        return commit.or(written::commit);
    }

    /** Holds the logger, so that a load which logs nothing never pays for finding the logging backend. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(RepoCache.class.getName());
    }
}
