package io.jhub.core.internal.cache;

import io.jhub.api.CacheException;
import io.jhub.api.GitHost;
import io.jhub.api.ProgressListener;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.Resolution;
import io.jhub.http.internal.cache.CacheFiles;
import io.jhub.http.internal.cache.CacheLock;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Fetched trees under {@code <cache>/repos/<host>/<owner>/<name>/<commit>/}, immutable once installed, with the
 * last resolution of each ref in {@code refs/}. Installs happen under the repository's lock into a unique
 * staging directory that is renamed into place, so no reader ever sees a partial tree; a staging directory left
 * by a killed process is removed by the next holder of the lock.
 *
 * <p>A tree installed without checking that the repository's refs reach its commit (skip-validation) has a
 * marker file {@code <commit>.unvalidated} beside it (see {@link TreeInstall}); its last use is the modification
 * time of {@code <commit>.used}.
 *
 * <p>Read-only layers (prepared caches) are searched for trees before this cache, and for ref resolutions after
 * it; nothing in them is ever written, locked or touched.
 */
public final class RepoCache {
    static final String LOCK = ".lock";
    private static final String UNVALIDATED = ".unvalidated";
    private static final String USED = ".used";

    /**
     * An installed tree.
     *
     * @param tree its directory
     * @param commit the commit id (or {@code tree-<hash>} when the transport could not tell)
     * @param fetched whether this call fetched it
     */
    public record Installed(Path tree, String commit, boolean fetched) {
    }

    /**
     * One cached repository, for listings.
     *
     * @param dir the repository's cache directory
     * @param key {@code host/owner/name}
     * @param commits the installed commits
     */
    public record Entry(Path dir, String key, List<String> commits) {
    }

    private final Path root;
    private final List<RepoCache> layers;

    /**
     * Creates a view of the tree cache.
     *
     * @param cacheRoot the hub's cache directory
     */
    public RepoCache(Path cacheRoot) {
        this(cacheRoot, List.of());
    }

    /**
     * Creates a view of the tree cache with read-only layers.
     *
     * @param cacheRoot the hub's writable cache directory
     * @param readOnlyRoots prepared cache directories, searched in order before it
     */
    public RepoCache(Path cacheRoot, List<Path> readOnlyRoots) {
        this.root = cacheRoot.resolve("repos");
        List<RepoCache> prepared = new ArrayList<>(); // a loop, not a stream: see Hub's constructor
        for (Path readOnly : readOnlyRoots) {
            prepared.add(new RepoCache(readOnly));
        }
        this.layers = List.copyOf(prepared);
    }

    /**
     * Tells whether a tree lies in the writable cache (so its use may be recorded there).
     *
     * @param tree an installed tree
     * @return false for a tree of a read-only layer
     */
    public boolean writable(Path tree) {
        return tree.startsWith(root);
    }

    /**
     * Returns the last-use stamp of an installed tree.
     *
     * @param tree the tree
     * @return {@code <commit>.used} beside it
     */
    public static Path stampOf(Path tree) {
        return tree.resolveSibling(tree.getFileName() + USED);
    }

    /**
     * Returns the directory of one repository.
     *
     * @param host the host
     * @param repo the repository (its ref is ignored)
     * @return the directory (it may not exist)
     */
    public Path repoDir(GitHost host, RepoInfo repo) {
        String hostDir = host.host().replace(':', '-') + host.port().stream().mapToObj(p -> "@" + p)
                .findFirst().orElse("");
        return root.resolve(hostDir).resolve(repo.owner()).resolve(repo.name());
    }

    /**
     * Returns the commit a ref resolved to last time.
     *
     * @param host the host
     * @param repo the repository; its ref (or the default branch) is looked up
     * @return the commit, if recorded
     */
    public Optional<String> lastResolution(GitHost host, RepoInfo repo) {
        return resolution(host, repo).map(ResolutionRecord::commit);
    }

    /**
     * A ref's recorded resolution.
     *
     * @param commit the commit it resolved to
     * @param checkedAtMillis when the remote was last asked, 0 if unknown (a record from before refresh policies)
     */
    public record ResolutionRecord(String commit, long checkedAtMillis) {
    }

    /**
     * Returns a ref's recorded resolution: the commit on the first line of its record, and when the remote was
     * last asked on the second.
     *
     * @param host the host
     * @param repo the repository; its ref (or the default branch) is looked up
     * @return the record, if any
     */
    public Optional<ResolutionRecord> resolution(GitHost host, RepoInfo repo) {
        Optional<String> text = CacheFiles.readIfExists(refFile(host, repo)).filter(s -> !s.isEmpty());
        if (text.isEmpty()) {
            for (RepoCache layer : layers) {
                Optional<ResolutionRecord> prepared = layer.resolution(host, repo);
                if (prepared.isPresent()) {
                    return prepared;
                }
            }
            return Optional.empty();
        }
        String[] lines = text.get().split("\n");
        long at = 0;
        if (lines.length > 1) {
            try {
                at = Long.parseLong(lines[1].strip());
            } catch (NumberFormatException e) {
                at = 0; // a damaged time only costs one more lookup
            }
        }
        return Optional.of(new ResolutionRecord(lines[0].strip(), at));
    }

    /**
     * Records what a ref resolved to, atomically (a killed process leaves the old record or the new one).
     *
     * @param host the host
     * @param repo the repository with its ref
     * @param commit the commit
     * @param askedRemote true if the remote was asked just now: the record's time becomes now
     */
    public void recordResolution(GitHost host, RepoInfo repo, String commit, boolean askedRemote) {
        Optional<ResolutionRecord> last = resolution(host, repo);
        if (askedRemote || last.isEmpty() || !last.get().commit().equals(commit)) {
            long at = askedRemote ? System.currentTimeMillis() : last.map(ResolutionRecord::checkedAtMillis).orElse(0L);
            CacheFiles.writeAtomically(refFile(host, repo), commit + "\n" + at + "\n");
        }
    }

    /**
     * Returns the installed tree of a commit.
     *
     * @param host the host
     * @param repo the repository
     * @param commit the commit
     * @return the tree, if installed
     */
    public Optional<Path> installed(GitHost host, RepoInfo repo, String commit) {
        if (!isTreeName(commit)) {
            return Optional.empty(); // never a path built from anything else (a lockfile's text, say)
        }
        for (RepoCache layer : layers) {
            Optional<Path> prepared = layer.installed(host, repo, commit);
            if (prepared.isPresent()) {
                return prepared;
            }
        }
        Path tree = repoDir(host, repo).resolve(commit);
        return Files.isDirectory(tree) ? Optional.of(tree) : Optional.empty();
    }

    /**
     * Tells whether a name can be an installed tree's: a full commit id, or {@code tree-} and the 40 lower-case hex
     * digits of {@link TreeHash} (a tree a fetcher delivered without a commit id).
     *
     * @param id the name
     * @return true if it is one
     */
    public static boolean isTreeName(String id) {
        if (Resolution.isFullCommitId(id)) {
            return true;
        }
        if (id.length() != 45 || !id.startsWith("tree-")) {
            return false;
        }
        for (int i = 5; i < id.length(); i++) {
            char c = id.charAt(i);
            if ((c < '0' || c > '9') && (c < 'a' || c > 'f')) {
                return false;
            }
        }
        return true;
    }

    /**
     * Tells whether an installed tree was fetched without checking its commit against the repository's refs.
     *
     * @param tree an installed tree
     * @return true if its commit was never validated
     */
    public static boolean unvalidated(Path tree) {
        return Files.exists(markerOf(tree));
    }

    /**
     * Returns the installed commits whose full id starts with a prefix.
     *
     * @param host the host
     * @param repo the repository
     * @param prefix lower-case hex digits
     * @return the matching commit ids, sorted
     */
    public List<String> installedWithPrefix(GitHost host, RepoInfo repo, String prefix) {
        java.util.TreeSet<String> found = new java.util.TreeSet<>();
        for (RepoCache layer : layers) {
            found.addAll(layer.installedWithPrefix(host, repo, prefix));
        }
        Path dir = repoDir(host, repo);
        if (Files.isDirectory(dir)) {
            commitsIn(dir).stream().filter(c -> Resolution.isFullCommitId(c) && c.startsWith(prefix))
                    .forEach(found::add);
        }
        return List.copyOf(found);
    }

    /**
     * Starts installing a tree: takes the repository's lock and removes what a killed process left. Use it in a
     * try-with-resources block; see {@link TreeInstall}.
     *
     * @param host the host
     * @param repo the repository
     * @param commit the commit, when known before fetching
     * @param replace write the tree again even if the commit is installed
     * @param validated whether the tree to be written was checked against the repository's refs; an installed
     *     tree that was not checked is replaced by a checked one
     * @return the install, holding the lock until closed
     */
    public TreeInstall beginInstall(GitHost host, RepoInfo repo, Optional<String> commit, boolean replace,
            boolean validated) {
        return beginInstall(host, repo, commit, replace, validated, ProgressListener.NONE);
    }

    /**
     * Starts installing a tree as {@link #beginInstall(GitHost, RepoInfo, Optional, boolean, boolean)} does,
     * reporting a wait for another process's lock to {@code progress}.
     *
     * @param host the host
     * @param repo the repository
     * @param commit the commit, when known before fetching
     * @param replace write the tree again even if the commit is installed
     * @param validated whether the tree to be written was checked against the repository's refs
     * @param progress where a lock wait is reported
     * @return the install, holding the lock until closed
     */
    public TreeInstall beginInstall(GitHost host, RepoInfo repo, Optional<String> commit, boolean replace,
            boolean validated, ProgressListener progress) {
        Path dir = repoDir(host, repo);
        CacheLock lock = CacheLock.acquire(dir.resolve(LOCK), progress);
        try {
            removeOrphans(dir);
        } catch (RuntimeException e) {
            lock.close();
            throw e;
        }
        return new TreeInstall(host, repo, dir, commit, replace, validated, lock);
    }

    /**
     * Lists the cached repositories.
     *
     * @return every repository with at least a lock file, sorted by key
     */
    public List<Entry> list() {
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        // host/owner/name/.lock: never walk into the trees themselves
        try (Stream<Path> walk = Files.walk(root, 4)) {
            List<Entry> out = new ArrayList<>();
            walk.filter(p -> p.getFileName().toString().equals(LOCK)).map(Path::getParent).sorted()
                    .forEach(dir -> out.add(new Entry(dir, root.relativize(dir).toString().replace('\\', '/'),
                            commitsIn(dir))));
            return out;
        } catch (IOException | UncheckedIOException e) {
            throw new CacheException("Cannot list the cache at " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Removes one repository's recorded ref resolutions, once its trees are gone.
     *
     * @param host the host
     * @param repo the repository
     * @return true if there were any
     * @throws CacheException if they cannot be removed
     */
    public boolean removeRecords(GitHost host, RepoInfo repo) {
        Path refs = repoDir(host, repo).resolve("refs");
        if (!Files.isDirectory(refs)) {
            return false;
        }
        try (CacheLock ignored = CacheLock.acquire(repoDir(host, repo).resolve(LOCK))) {
            Path doomed = CacheFiles.stagingFor(refs);
            Files.move(refs, doomed);
            CacheFiles.deleteRecursively(doomed);
            return true;
        } catch (IOException e) {
            throw new CacheException("Cannot remove " + refs + ": " + e.getMessage()
                    + ". Check that the cache directory is writable.", e);
        }
    }

    private static List<String> commitsIn(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isDirectory).map(p -> p.getFileName().toString())
                    .filter(n -> !n.startsWith(".") && !n.equals("refs")).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    /**
     * Removes hidden scratch entries (our staging directories, a fetcher's temp files beside its target); only
     * lock holders create them, so any present now was left by a killed process.
     */
    private static void removeOrphans(Path dir) throws UncheckedIOException {
        try (Stream<Path> s = Files.list(dir)) {
            s.filter(p -> p.getFileName().toString().startsWith(".") && !p.getFileName().toString().equals(LOCK))
                    .forEach(CacheFiles::deleteQuietly);
        } catch (IOException e) {
            Log.LOG.log(Level.DEBUG, "Cannot list " + dir + " for clean-up: " + e.getMessage());
        }
    }

    static Path markerOf(Path tree) {
        return tree.resolveSibling(tree.getFileName() + UNVALIDATED);
    }

    private Path refFile(GitHost host, RepoInfo repo) {
        String name = repo.ref().map(r -> URLEncoder.encode(r, StandardCharsets.UTF_8)).orElse("HEAD");
        return repoDir(host, repo).resolve("refs").resolve(name);
    }

    /** Holds the logger, so that a load which logs nothing never pays for finding the logging backend. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger(RepoCache.class.getName());
    }
}
