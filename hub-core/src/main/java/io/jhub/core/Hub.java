package io.jhub.core;

import io.jhub.api.CacheException;
import io.jhub.api.GitHost;
import io.jhub.api.InvalidRepoException;
import io.jhub.api.ProgressListener;
import io.jhub.api.RepoInfo;
import io.jhub.api.UntrustedRepoException;
import io.jhub.core.internal.CurrentHub;
import io.jhub.core.internal.cache.RepoCache;
import io.jhub.core.internal.cache.StampFiles;
import io.jhub.core.internal.cache.TreeStamp;
import io.jhub.core.internal.lock.LockHashes;
import io.jhub.core.internal.lock.LockVerifier;
import io.jhub.core.internal.lock.LockedDownload;
import io.jhub.core.internal.lock.LockedMode;
import io.jhub.http.download.DownloadOptions;
import io.jhub.http.download.FileDownloads;
import java.net.URI;
import io.jhub.core.internal.load.RepoLoader;
import io.jhub.core.internal.registry.ProtocolRegistry;
import io.jhub.core.internal.source.RepoSource;
import io.jhub.core.internal.trust.TrustStore;
import io.jhub.http.internal.cache.CacheFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Loads code and weights from hub repositories. Build one with {@link #builder()}, or use the static
 * conveniences, which use {@link #defaultHub()}.
 *
 * <p>A hub is thread-safe. It memoises the module layer of each repository and commit it loads, so repeated
 * loads in one process compile and define nothing again.
 *
 * @since 0.1
 */
public final class Hub {
    private static final class DefaultHolder {
        static final Hub INSTANCE = builder().build();
    }

    private final HubSettings settings;
    private final RepoCache repoCache;
    private final RepoSource source;
    private final TrustStore trustStore;
    private final RepoLoader loader;
    private final ConcurrentHashMap<String, HubModule> modules = new ConcurrentHashMap<>();
    private volatile ProtocolRegistry registry;
    private final Optional<LockedMode> locked;

    Hub(HubSettings settings) {
        this.settings = settings;
        this.repoCache = new RepoCache(settings.cacheDir);
        this.source = new RepoSource(repoCache, settings, settings.offline, settings.refresh);
        this.locked = settings.locked ? Optional.of(new LockedMode(settings.lockFile, settings.cacheDir))
                : Optional.empty();
        this.trustStore = new TrustStore(settings.cacheDir);
        this.loader = new RepoLoader(settings.cacheDir.resolve("compiled"), settings.progress);
    }

    /**
     * Loads an entry of a remote repository with the default hub, like the seed's {@code hub.load}.
     *
     * @param repo {@code owner/name[:ref]}
     * @param entry the entry name
     * @param args positional arguments
     * @return what the entry returned
     */
    public static Object load(String repo, String entry, Object... args) {
        return defaultHub().repo(repo).load(entry, args);
    }

    /**
     * Loads an entry of a local repository directory with the default hub (torch.hub's {@code source='local'}).
     *
     * @param dir the repository directory
     * @param entry the entry name
     * @param args positional arguments
     * @return what the entry returned
     */
    public static Object load(Path dir, String entry, Object... args) {
        return defaultHub().repo(dir).load(entry, args);
    }

    /**
     * Lists the entries of a remote repository with the default hub.
     *
     * @param repo {@code owner/name[:ref]}
     * @return the entry names, sorted
     */
    public static List<String> list(String repo) {
        return defaultHub().repo(repo).list();
    }

    /**
     * Lists the entries of a local repository directory with the default hub.
     *
     * @param dir the repository directory
     * @return the entry names, sorted
     */
    public static List<String> list(Path dir) {
        return defaultHub().repo(dir).list();
    }

    /**
     * Returns the documentation of an entry of a remote repository, with the default hub.
     *
     * @param repo {@code owner/name[:ref]}
     * @param entry the entry name
     * @return the entry's Javadoc
     */
    public static String help(String repo, String entry) {
        return defaultHub().repo(repo).help(entry);
    }

    /**
     * Returns the documentation of an entry of a local repository directory, with the default hub.
     *
     * @param dir the repository directory
     * @param entry the entry name
     * @return the entry's Javadoc
     */
    public static String help(Path dir, String entry) {
        return defaultHub().repo(dir).help(entry);
    }

    /**
     * Loads a remote repository's module with the default hub, like the seed's {@code import_module}.
     *
     * @param repo {@code owner/name[:ref]}
     * @return the loaded module
     */
    public static HubModule importModule(String repo) {
        return defaultHub().repo(repo).importModule();
    }

    /**
     * Loads a local repository directory's module with the default hub.
     *
     * @param dir the repository directory
     * @return the loaded module
     */
    public static HubModule importModule(Path dir) {
        return defaultHub().repo(dir).importModule();
    }

    /**
     * Names a remote repository, for calls with per-call options.
     *
     * @param repo {@code owner/name[:ref]}
     * @return the repository handle
     * @throws InvalidRepoException if {@code repo} is malformed
     */
    public HubRepo repo(String repo) {
        return HubRepo.remote(this, RepoInfo.parse(repo));
    }

    /**
     * Names a local repository directory; local code is always trusted.
     *
     * @param dir the directory holding {@code hubconf.java}
     * @return the repository handle
     */
    public HubRepo repo(Path dir) {
        return HubRepo.local(this, Objects.requireNonNull(dir, "dir"));
    }

    /**
     * Returns the protocols this hub can fetch with, and their fetchers' descriptions.
     *
     * @return protocol name to description, sorted by name
     * @throws io.jhub.api.InvalidProtocolException if two fetchers claim the same protocol
     */
    public Map<String, String> protocols() {
        Map<String, String> out = new LinkedHashMap<>();
        registry().fetchers().forEach((name, f) -> out.put(name, f.description()));
        return out;
    }

    /**
     * Adds a remote repository on this hub's default host to the trusted list in the cache directory.
     *
     * @param repo {@code owner/name} (a ref is ignored)
     * @return true if it was added, false if it was already trusted
     * @throws io.jhub.api.InvalidRepoException if {@code repo} is malformed
     */
    public boolean trust(String repo) {
        return trustStore.add(trustKey(settings.defaultHost, RepoInfo.parse(repo)));
    }

    /**
     * Adds a remote repository on the given host to the trusted list in the cache directory.
     *
     * @param repo {@code owner/name} (a ref is ignored)
     * @param host {@code host} or {@code host:port}
     * @return true if it was added, false if it was already trusted
     * @throws io.jhub.api.InvalidRepoException if {@code repo} is malformed
     * @throws io.jhub.api.InvalidGitHostException if {@code host} is malformed
     * @since 0.2
     */
    public boolean trust(String repo, String host) {
        return trustStore.add(trustKey(GitHost.parse(host), RepoInfo.parse(repo)));
    }

    /**
     * Returns the trusted repositories, as {@code host/owner/name}.
     *
     * @return the trusted list
     */
    public List<String> trustedRepos() {
        return trustStore.entries();
    }

    /**
     * Returns the repositories in the cache.
     *
     * @return the cached repositories, sorted
     */
    public List<CachedRepo> cachedRepos() {
        return repoCache.list().stream().map(e -> new CachedRepo(e.key(), e.dir(), e.commits())).toList();
    }

    /**
     * Removes the trees of a repository on this hub's default host from the cache. Compiled classes are kept;
     * they are keyed by content.
     *
     * @param repo {@code owner/name}
     * @return true if anything was removed
     * @throws io.jhub.api.InvalidRepoException if {@code repo} is malformed
     */
    public boolean removeFromCache(String repo) {
        return repoCache.remove(settings.defaultHost, RepoInfo.parse(repo));
    }

    /**
     * Removes the trees of a repository on the given host from the cache. Compiled classes are kept.
     *
     * @param repo {@code owner/name}
     * @param host {@code host} or {@code host:port}
     * @return true if anything was removed
     * @throws io.jhub.api.InvalidRepoException if {@code repo} is malformed
     * @throws io.jhub.api.InvalidGitHostException if {@code host} is malformed
     * @since 0.2
     */
    public boolean removeFromCache(String repo, String host) {
        return repoCache.remove(GitHost.parse(host), RepoInfo.parse(repo));
    }

    /**
     * Empties the cache: fetched trees, compiled classes and downloaded weights. The trusted list stays.
     *
     * @throws CacheException if something cannot be removed
     */
    public void cleanCache() {
        for (String dir : List.of("repos", "compiled", "weights")) {
            Path p = settings.cacheDir.resolve(dir);
            if (Files.exists(p)) {
                Path doomed = CacheFiles.stagingFor(p);
                try {
                    Files.move(p, doomed);
                    CacheFiles.deleteRecursively(doomed);
                } catch (IOException e) {
                    throw new CacheException("Cannot remove " + p + ": " + e.getMessage()
                            + ". Close programs that use it and try again.", e);
                }
            }
        }
        modules.clear();
    }

    RepoCache.Installed tree(HubRepo r) {
        if (r.localDir().isPresent()) {
            Path dir = r.localDir().get();
            if (!Files.isDirectory(dir)) {
                throw new InvalidRepoException("Local repository \"" + dir + "\" is not a directory: give the"
                        + " directory that holds " + r.hubconf() + ", or owner/name for a remote repository.");
            }
            return new RepoCache.Installed(dir, "local", false);
        }
        if (locked.isPresent()) {
            return lockedTree(r, locked.get());
        }
        RepoInfo repo = r.remoteRepo().orElseThrow();
        if (r.abbreviatedCommit().isPresent()) {
            repo = repo.withRef(r.abbreviatedCommit().get());
        }
        GitHost host = r.hostOr(settings.defaultHost);
        String protocol = r.protocolOr(settings.protocol);
        ProtocolRegistry reg = registry();
        reg.fetcher(protocol);
        return source.tree(host, repo, r.pinnedCommit(), r.useCacheOption(), r.skipValidationOption(),
                () -> reg.fetcher(protocol));
    }

    /** Locked mode: the recorded commit with no ref lookup, and its tree checked against the recorded hash. */
    private RepoCache.Installed lockedTree(HubRepo r, LockedMode lock) {
        RepoInfo repo = r.remoteRepo().orElseThrow();
        GitHost host = r.hostOr(settings.defaultHost);
        String protocol = r.protocolOr(settings.protocol);
        Optional<String> asked = r.pinnedCommit().isPresent() ? r.pinnedCommit() : r.abbreviatedCommit();
        Lockfile.Repo rec = lock.repo(host, protocol, repo, asked);
        // the lockfile names the commit: no reachability check (that would be a ref lookup); the tree hash decides
        RepoCache.Installed t = source.tree(host, repo, Optional.of(rec.commit()), r.useCacheOption(), true,
                () -> registry().fetcher(protocol));
        lock.checkTree(t.tree(), rec);
        return t;
    }

    /**
     * Resolves (always asking the remote, whatever the refresh policy) and fetches a repository as an unlocked
     * hub would, and returns the lockfile record of what it got:
     * host, protocol, the ref asked for, the commit and the tree's hash. {@code jhub lock} writes these records.
     *
     * @param r the repository and its options (host, protocol, ref, commit)
     * @return the record
     * @throws InvalidRepoException if {@code r} is a local directory
     * @since 0.3
     */
    public Lockfile.Repo lockRecord(HubRepo r) {
        if (r.remoteRepo().isEmpty()) {
            throw new InvalidRepoException("A local directory (" + r + ") cannot be locked: lock a remote"
                    + " repository, owner/name[:ref].");
        }
        RepoInfo repo = r.remoteRepo().get();
        GitHost host = r.hostOr(settings.defaultHost);
        String protocol = r.protocolOr(settings.protocol);
        ProtocolRegistry reg = registry();
        reg.fetcher(protocol);
        RepoInfo asked = r.abbreviatedCommit().isPresent() ? repo.withRef(r.abbreviatedCommit().get()) : repo;
        // locking always asks the remote, whatever the refresh policy: a lock records what the ref names now
        RepoSource always = new RepoSource(repoCache, settings, settings.offline, RefreshPolicy.always());
        RepoCache.Installed t = always.tree(host, asked, r.pinnedCommit(), r.useCacheOption(),
                r.skipValidationOption(), () -> reg.fetcher(protocol));
        TreeStamp stamp = StampFiles.read(t.tree()).filter(s -> s.unchanged(t.tree())).orElseGet(() -> {
            try {
                return StampFiles.scanAndWrite(t.tree());
            } catch (IOException e) {
                throw new CacheException("Cannot hash the cached tree " + t.tree() + ": " + e.getMessage(), e);
            }
        });
        return new Lockfile.Repo(host.toString(), protocol, repo.path(), repo.ref().orElse("HEAD"), t.commit(),
                stamp.digest());
    }

    /**
     * Downloads a weights file as an unlocked hub would and returns its lockfile record (the URL as given, the
     * size and the SHA-256 of the bytes received).
     *
     * @param uri the original URL (not a mirror's)
     * @param options the download options; an expected SHA-256 there is checked as usual
     * @return the record
     * @throws io.jhub.api.IntegrityException if the bytes do not match the expected hash
     * @since 0.3
     */
    public Lockfile.Weights lockRecord(URI uri, DownloadOptions options) {
        Path file = downloads().download(uri, options);
        try {
            return new Lockfile.Weights(uri.toString(), Files.size(file), LockHashes.sha256(file));
        } catch (IOException e) {
            throw new CacheException("Cannot hash the downloaded file " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Returns the verified cached file of a weights URL, downloading it first if needed; every weights download
     * of {@code io.jhub.pretrained} goes through here. In locked mode the URL must be recorded in the lockfile,
     * the download is checked against the recorded SHA-256, and a cached file against its stamp (re-hashed when
     * its size or modification time changed).
     *
     * @param uri the URL
     * @param options hash, file name, progress, offline, connections
     * @return the verified cached file
     * @throws io.jhub.api.LockMismatchException in locked mode, for a URL not recorded or bytes that differ
     * @throws io.jhub.api.IntegrityException if the bytes do not match an expected hash
     * @since 0.3
     */
    public Path download(URI uri, DownloadOptions options) {
        Objects.requireNonNull(uri, "uri");
        if (locked.isEmpty()) {
            return downloads().download(uri, options);
        }
        return LockedDownload.download(locked.get(), downloads(), uri, options);
    }

    /**
     * Re-hashes every tree and weights file a lockfile records, ignoring the cheap stamps.
     *
     * @param lock the lockfile's records
     * @return one line per file that differs and per record not in the cache; empty when all match
     * @since 0.3
     */
    public List<String> verify(Lockfile lock) {
        FileDownloads d = downloads();
        return new LockVerifier(repoCache, url -> d.cachePath(URI.create(url), DownloadOptions.defaults()))
                .verify(Objects.requireNonNull(lock, "lock"));
    }

    /**
     * Returns when a ref recorded in the cache is looked up on the remote again.
     *
     * @return the policy
     * @since 0.3
     */
    public RefreshPolicy refreshPolicy() {
        return settings.refresh;
    }

    /**
     * Returns the lockfile of a hub in locked mode.
     *
     * @return the lockfile's path, or empty when the hub is not locked
     * @since 0.3
     */
    public Optional<Path> lockFile() {
        return locked.map(LockedMode::file);
    }

    private FileDownloads downloads() {
        return settings.service(FileDownloads.class).orElseThrow();
    }

    HubModule importModule(HubRepo r) {
        RepoCache.Installed t = tree(r);
        // plain branches instead of lambdas here: a fresh JVM links each lambda on first use (bench/core)
        if (r.localDir().isPresent()) {
            // a local directory may change between calls: load it again (the compiled cache makes that cheap)
            return loader.load(t.tree(), r.hubconf(), r.localDir().get().toString(), this);
        }
        RepoInfo repo = r.remoteRepo().orElseThrow();
        checkTrust(r, repo);
        String name = repo.path() + "@" + t.commit().substring(0, Math.min(12, t.commit().length()));
        String key = t.tree() + "\n" + r.hubconf();
        return modules.computeIfAbsent(key, k -> loader.load(t.tree(), r.hubconf(), name, this));
    }

    private void checkTrust(HubRepo r, RepoInfo repo) {
        GitHost host = r.hostOr(settings.defaultHost);
        String key = trustKey(host, repo);
        if (r.trustOption() || settings.trustPolicy == TrustPolicy.TRUST_ALL) {
            trustStore.add(key);
            return;
        }
        if (!trustStore.isTrusted(key)) {
            String hostOpt = host.equals(settings.defaultHost) ? "" : " --host " + host;
            throw new UntrustedRepoException("Repository " + repo.path() + " on " + host + " is not trusted, so"
                    + " jhub will not compile or run its code. Review it, then either trust it in the call"
                    + " (hub.repo(\"" + repo + "\").trust(true), or --trust on the command line), or add it to the"
                    + " trusted list once: jhub trust " + repo.path() + hostOpt + " (the list is "
                    + trustStore.file() + ").");
        }
    }

    private static String trustKey(GitHost host, RepoInfo repo) {
        return host + "/" + repo.path();
    }

    private ProtocolRegistry registry() {
        ProtocolRegistry r = registry;
        if (r == null) {
            synchronized (this) {
                r = registry;
                if (r == null) {
                    r = ProtocolRegistry.discover(settings.fetchers, settings.serviceLoading);
                    registry = r;
                }
            }
        }
        return r;
    }

    /**
     * Returns a builder with every option at its default.
     *
     * @return a new builder
     */
    public static HubBuilder builder() {
        return new HubBuilder();
    }

    /**
     * Returns the hub the static conveniences use: configured from the environment only.
     *
     * @return the shared default hub
     */
    public static Hub defaultHub() {
        return DefaultHolder.INSTANCE;
    }

    /**
     * Returns the hub that is running an entry on this thread, so code inside an entry (for example pretrained
     * weights) uses the caller's cache, offline mode and progress.
     *
     * @return the hub, or empty outside an entry
     */
    public static Optional<Hub> current() {
        return CurrentHub.get();
    }

    /**
     * Returns the root of this hub's cache.
     *
     * @return the cache directory (it may not exist yet)
     */
    public Path cacheDir() {
        return settings.cacheDir;
    }

    /**
     * Tells whether this hub may use the network.
     *
     * @return true when all network access is forbidden
     */
    public boolean offline() {
        return settings.offline;
    }

    /**
     * Returns where this hub reports progress.
     *
     * @return the listener
     */
    public ProgressListener progress() {
        return settings.progress;
    }

    /**
     * Returns a service this hub shares with its fetchers and downloads, as its fetchers'
     * {@link io.jhub.api.spi.FetchContext#service(Class)} offers it: its one {@link io.jhub.http.HttpEngine} and
     * its {@link io.jhub.http.download.FileDownloads} (this hub's cache, engine, offline mode, progress and
     * {@code download.*} settings), made on first use.
     *
     * @param type the service's type
     * @param <T> the type
     * @return the hub's instance, or empty for a type it does not offer
     * @throws IllegalArgumentException if an HTTP setting ({@code http.retries}, a limit) or, for the downloads, a
     *         {@code download.*} setting is malformed
     */
    public <T> Optional<T> service(Class<T> type) {
        return settings.service(type);
    }

    /**
     * Returns the host used when a call names none.
     *
     * @return the default git host
     */
    public GitHost defaultHost() {
        return settings.defaultHost;
    }

    /**
     * Returns the protocol used when a call names none.
     *
     * @return the default protocol name
     */
    public String defaultProtocol() {
        return settings.protocol;
    }
}
