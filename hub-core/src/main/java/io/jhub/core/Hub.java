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
import io.jhub.core.internal.load.RepoLoader;
import io.jhub.core.internal.lock.LockVerifier;
import io.jhub.core.internal.lock.LockedDownload;
import io.jhub.core.internal.lock.LockedMode;
import io.jhub.core.internal.registry.ProtocolRegistry;
import io.jhub.core.internal.source.RepoSource;
import io.jhub.core.internal.trust.TrustStore;
import io.jhub.http.download.DownloadOptions;
import io.jhub.http.download.FileDownloads;
import io.jhub.http.internal.cache.UseStamps;
import io.jhub.http.internal.download.Hashing;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;

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
    private final CacheAdmin cacheAdmin;
    private final ConcurrentHashMap<String, HubModule> modules = new ConcurrentHashMap<>();
    private volatile ProtocolRegistry registry;
    private final Optional<LockedMode> locked;

    Hub(HubSettings settings) {
        this.settings = settings;
        this.repoCache = new RepoCache(settings.cacheDir, settings.readOnlyCaches);
        this.source = new RepoSource(repoCache, settings, settings.offline, settings.refresh);
        this.locked = settings.locked ? Optional.of(new LockedMode(settings.lockFile)) : Optional.empty();
        this.trustStore = new TrustStore(settings.cacheDir);
        this.cacheAdmin = new CacheAdmin(settings.cacheDir, settings.cacheMaxSize, settings.readOnlyCaches,
                repoCache);
        List<Path> compiledLayers = new ArrayList<>();
        for (Path readOnly : settings.readOnlyCaches) {
            compiledLayers.add(readOnly.resolve("compiled"));
        }
        // no lambdas or method references on the path of every load: each first link costs a fresh JVM time
        Consumer<Path> afterInstall = cacheAdmin.afterInstallAction();
        this.loader = new RepoLoader(settings.cacheDir.resolve("compiled"), compiledLayers, settings.progress,
                afterInstall);
        settings.afterWeightsInstall(afterInstall);
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
     * Names a remote repository, for calls with per-call options. Besides {@code owner/name[:ref]} it takes the
     * forms people paste ({@link RepoSpec}): {@code https://host/owner/name[.git][/tree/REF]},
     * {@code git@host:owner/name.git} and {@code ssh://[user@]host[:port]/owner/name.git}, which also set the
     * call's host and protocol.
     *
     * @param repo the repository, in any form {@link RepoSpec#parse(String)} accepts
     * @return the repository handle
     * @throws InvalidRepoException if {@code repo} is malformed, or names an SSH user other than {@code git} and
     *         this hub's {@code ssh.user} setting
     */
    public HubRepo repo(String repo) {
        return repo(RepoSpec.parse(repo));
    }

    /**
     * Names a remote repository from a parsed spec; its host and protocol, when it names them, become the
     * call's.
     *
     * @param spec the repository
     * @return the repository handle
     * @throws InvalidRepoException if the spec names an SSH user other than {@code git} and this hub's
     *         {@code ssh.user} setting (a login user is a hub setting, not a per-call option)
     * @since 0.2
     */
    public HubRepo repo(RepoSpec spec) {
        Objects.requireNonNull(spec, "spec");
        if (spec.user().isPresent() && !spec.user().get().equals(settings.setting("ssh.user").orElse("git"))) {
            throw new InvalidRepoException("The repository " + spec + " names the SSH user \"" + spec.user().get()
                    + "\", but this hub logs in as " + settings.setting("ssh.user").orElse("git") + ": set it with"
                    + " Hub.builder().setting(\"ssh.user\", \"" + spec.user().get() + "\") (jhub --set ssh.user="
                    + spec.user().get() + ").");
        }
        HubRepo r = HubRepo.remote(this, spec.repo());
        if (spec.host().isPresent()) {
            r = r.gitHost(spec.host().get().toString());
        }
        if (spec.protocol().isPresent()) {
            r = r.protocol(spec.protocol().get());
        }
        return r;
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
     * Returns the fetchers this hub found (given to the builder or service-loaded), with their modules.
     *
     * @return one record per protocol, sorted by protocol name
     * @throws io.jhub.api.InvalidProtocolException if two fetchers claim the same protocol
     * @since 0.2
     */
    public List<FetcherInfo> fetchers() {
        return registry().fetchers().values().stream().map(FetcherInfo::of).toList();
    }

    /**
     * Returns every setting key this hub or one of its fetchers reads, for checking keys before use (a key no
     * one reads is most likely misspelt). Settings given to the builder are not checked against it, so that
     * a fetcher that declares no keys still gets its settings.
     *
     * @return the hub's own keys, then each fetcher's
     * @throws io.jhub.api.InvalidProtocolException if two fetchers claim the same protocol
     * @since 0.2
     */
    public List<io.jhub.api.spi.SettingKey> knownSettings() {
        List<io.jhub.api.spi.SettingKey> keys = new java.util.ArrayList<>(
                io.jhub.core.internal.registry.CoreSettingKeys.KEYS);
        registry().fetchers().values().forEach(f -> keys.addAll(f.settingKeys()));
        return List.copyOf(keys);
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
     * Removes a remote repository on the given host from the trusted list.
     *
     * @param repo {@code owner/name} (a ref is ignored)
     * @param host {@code host} or {@code host:port}
     * @return true if it was removed, false if it was not in the list
     * @throws io.jhub.api.InvalidRepoException if {@code repo} is malformed
     * @throws io.jhub.api.InvalidGitHostException if {@code host} is malformed
     * @since 0.2
     */
    public boolean untrust(String repo, String host) {
        return trustStore.remove(trustKey(GitHost.parse(host), RepoInfo.parse(repo)));
    }

    /**
     * Returns the file that holds the trusted list, for messages.
     *
     * @return {@code <cache>/trusted_list} (it may not exist yet)
     * @since 0.2
     */
    public Path trustedListFile() {
        return trustStore.file();
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
     * Returns the repositories in the cache that have at least one fetched commit.
     *
     * @return the cached repositories, sorted
     * @throws CacheException if the cache cannot be read
     */
    public List<CachedRepo> cachedRepos() {
        return repoCache.list().stream().filter(e -> !e.commits().isEmpty())
                .map(e -> new CachedRepo(e.key(), e.dir(), e.commits())).toList();
    }

    /**
     * Lists what the writable cache holds, like {@code hf cache ls}: every fetched commit, every compiled-classes
     * entry and every downloaded file, each with its size and last use.
     *
     * @return the inventory
     * @throws CacheException if the cache cannot be read
     * @since 0.3
     */
    public CacheInfo cacheInfo() {
        return cacheAdmin.info();
    }

    /**
     * Removes the trees of a repository on this hub's default host from the cache. Compiled classes are kept;
     * they are keyed by content.
     *
     * @param repo {@code owner/name}
     * @return true if anything was removed
     * @throws io.jhub.api.InvalidRepoException if {@code repo} is malformed
     * @throws CacheException if a commit is in use by a process, or cannot be removed
     */
    public boolean removeFromCache(String repo) {
        return removed(removeRepo(repo));
    }

    /**
     * Removes the trees of a repository on the given host from the cache. Compiled classes are kept.
     *
     * @param repo {@code owner/name}
     * @param host {@code host} or {@code host:port}
     * @return true if anything was removed
     * @throws io.jhub.api.InvalidRepoException if {@code repo} is malformed
     * @throws io.jhub.api.InvalidGitHostException if {@code host} is malformed
     * @throws CacheException if a commit is in use by a process, or cannot be removed
     * @since 0.2
     */
    public boolean removeFromCache(String repo, String host) {
        return removed(removeRepo(repo, host));
    }

    private static boolean removed(CacheRemoval r) {
        if (!r.inUse().isEmpty()) {
            throw new CacheException("Cannot remove " + String.join(", ", r.inUse()) + ": a running jhub process"
                    + " uses it. Stop that process and try again.");
        }
        return !r.removed().isEmpty();
    }

    /**
     * Removes fetched commits of a repository on this hub's default host: all of them ({@code owner/name}, with
     * its recorded ref resolutions) or one ({@code owner/name@commit}, a full id or a unique prefix). A commit in
     * use by a running process stays and is reported in {@link CacheRemoval#inUse()}.
     *
     * @param repo {@code owner/name} or {@code owner/name@commit}
     * @return what was removed and the bytes freed; nothing removed and nothing in use means it was not cached
     * @throws io.jhub.api.InvalidRepoException if {@code repo} is malformed or a commit prefix is ambiguous
     * @throws CacheException if an entry cannot be removed
     * @since 0.3
     */
    public CacheRemoval removeRepo(String repo) {
        return cacheAdmin.removeRepo(settings.defaultHost, repo);
    }

    /**
     * Removes fetched commits of a repository on the given host; see {@link #removeRepo(String)}.
     *
     * @param repo {@code owner/name} or {@code owner/name@commit}
     * @param host {@code host} or {@code host:port}
     * @return what was removed and the bytes freed
     * @throws io.jhub.api.InvalidRepoException if {@code repo} is malformed or a commit prefix is ambiguous
     * @throws io.jhub.api.InvalidGitHostException if {@code host} is malformed
     * @throws CacheException if an entry cannot be removed
     * @since 0.3
     */
    public CacheRemoval removeRepo(String repo, String host) {
        return cacheAdmin.removeRepo(GitHost.parse(host), repo);
    }

    /**
     * Removes a downloaded file from the cache, named by its cached name ({@code 1a2b3c_model.pt}), by its file
     * name when only one cached file has it ({@code model.pt}), or by its URL.
     *
     * @param nameOrUrl the name or URL
     * @return what was removed and the bytes freed; nothing removed and nothing in use means it was not cached
     * @throws IllegalArgumentException if a file name matches several cached files
     * @throws CacheException if the file cannot be removed
     * @since 0.3
     */
    public CacheRemoval removeWeights(String nameOrUrl) {
        return cacheAdmin.removeWeights(Objects.requireNonNull(nameOrUrl, "nameOrUrl"));
    }

    /**
     * Empties the cache: fetched trees, compiled classes and downloaded weights. The trusted list stays, and so
     * does every entry a running process uses.
     *
     * @throws CacheException if something cannot be removed
     */
    public void cleanCache() {
        cleanCache(false);
    }

    /**
     * Empties the cache, or tells what that would remove. The trusted list stays, and so does every entry a
     * running process uses (listed in {@link CacheRemoval#inUse()}).
     *
     * @param dryRun true to remove nothing and report what would go
     * @return what was (or would be) removed and the bytes freed
     * @throws CacheException if something cannot be removed
     * @since 0.3
     */
    public CacheRemoval cleanCache(boolean dryRun) {
        CacheRemoval r = cacheAdmin.clean(dryRun);
        if (!dryRun) {
            modules.clear();
        }
        return r;
    }

    /**
     * Removes least-recently-used entries (commits, compiled classes, weights) until the cache is at most
     * {@code maxBytes}, and every entry not used for {@code olderThan}; entries in use by a process stay.
     *
     * @param maxBytes the size to get under; {@link Long#MAX_VALUE} for no size bound
     * @param olderThan remove entries last used longer ago than this; {@link java.time.temporal.ChronoUnit#FOREVER}'s
     *     duration for no age bound
     * @param dryRun true to remove nothing and report what would go
     * @return what was (or would be) removed and the bytes freed
     * @throws IllegalArgumentException if {@code maxBytes} or {@code olderThan} is negative
     * @throws CacheException if something cannot be removed
     * @since 0.3
     */
    public CacheRemoval pruneCache(long maxBytes, Duration olderThan, boolean dryRun) {
        Objects.requireNonNull(olderThan, "olderThan");
        if (maxBytes < 0 || olderThan.isNegative()) {
            throw new IllegalArgumentException("pruneCache needs a size and an age of 0 or more, got " + maxBytes
                    + " bytes and " + olderThan);
        }
        Optional<Instant> cutoff = olderThan.compareTo(Duration.ofDays(365L * 10_000)) >= 0 ? Optional.empty()
                : Optional.of(Instant.now().minus(olderThan));
        return cacheAdmin.prune(maxBytes, cutoff, dryRun);
    }

    /**
     * Returns the maximum size of the cache, when bounded ({@link HubBuilder#cacheMaxSize(long)},
     * {@code cache.maxSize}, {@code JHUB_CACHE_MAX_SIZE}).
     *
     * @return bytes, or empty for an unbounded cache
     * @since 0.3
     */
    public OptionalLong cacheMaxSize() {
        return settings.cacheMaxSize;
    }

    /**
     * Returns the read-only cache layers searched before the writable cache.
     *
     * @return the directories, in search order
     * @since 0.3
     */
    public List<Path> readOnlyCaches() {
        return settings.readOnlyCaches;
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
        return used(locked.isPresent() ? lockedTree(r, locked.get()) : remoteTree(r, source));
    }

    private RepoCache.Installed remoteTree(HubRepo r, RepoSource from) {
        RepoInfo repo = r.remoteRepo().orElseThrow();
        if (r.abbreviatedCommit().isPresent()) {
            repo = repo.withRef(r.abbreviatedCommit().get());
        }
        GitHost host = r.hostOr(settings.defaultHost);
        String protocol = r.protocolOr(settings.protocol);
        ProtocolRegistry reg = registry();
        reg.fetcher(protocol);
        return from.tree(host, repo, r.pinnedCommit(), r.useCacheOption(), r.skipValidationOption(),
                () -> reg.fetcher(protocol));
    }

    /** Stamps a tree of the hub's own cache as used now, and lets a bounded cache evict after an install. */
    private RepoCache.Installed used(RepoCache.Installed t) {
        if (repoCache.writable(t.tree())) {
            UseStamps.touch(RepoCache.stampOf(t.tree()));
            if (t.fetched()) {
                cacheAdmin.afterInstall(t.tree());
            }
        }
        return t;
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
        lock.checkTree(t.tree(), rec, repoCache.writable(t.tree()));
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
        // locking always asks the remote, whatever the refresh policy: a lock records what the ref names now
        RepoSource always = new RepoSource(repoCache, settings, settings.offline, RefreshPolicy.always());
        RepoCache.Installed t = used(remoteTree(r, always));
        TreeStamp stamp = StampFiles.read(t.tree()).filter(s -> s.unchanged(t.tree())).orElseGet(() -> {
            try {
                TreeStamp now = TreeStamp.scan(t.tree());
                if (repoCache.writable(t.tree())) {
                    StampFiles.write(t.tree(), now);
                }
                return now;
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
            return new Lockfile.Weights(uri.toString(), Files.size(file), Hashing.sha256Hex(file));
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
        RepoCache.Installed first = tree(r);
        // plain branches instead of lambdas here: a fresh JVM links each lambda on first use (bench/core)
        if (r.localDir().isPresent()) {
            // a local directory may change between calls: load it again (the compiled cache makes that cheap)
            return loader.load(first.tree(), r.hubconf(), r.localDir().get().toString(), this);
        }
        RepoCache.Installed t = first;
        if (repoCache.writable(first.tree())) {
            UseStamps.hold(RepoCache.stampOf(first.tree()));
            if (!Files.isDirectory(first.tree())) { // evicted by another process before the hold: fetch it again
                t = tree(r);
                UseStamps.hold(RepoCache.stampOf(t.tree()));
            }
        }
        RepoCache.Installed held = t;
        RepoInfo repo = r.remoteRepo().orElseThrow();
        checkTrust(r, repo);
        String name = repo.path() + "@" + held.commit().substring(0, Math.min(12, held.commit().length()));
        String key = held.tree() + "\n" + r.hubconf();
        Hub hub = this;
        return modules.computeIfAbsent(key, new Function<>() { // an anonymous class: see the constructor
            @Override
            public HubModule apply(String k) {
                return loader.load(held.tree(), r.hubconf(), name, hub);
            }
        });
    }

    private void checkTrust(HubRepo r, RepoInfo repo) {
        GitHost host = r.hostOr(settings.defaultHost);
        String key = trustKey(host, repo);
        if (r.trustOption() || settings.trustPolicy == TrustPolicy.TRUST_ALL) {
            trustStore.add(key);
            return;
        }
        if (trustStore.isTrusted(key)) {
            return;
        }
        if (settings.trustPrompt.isPresent() && settings.trustPrompt.get().trust(repo.path(), host)) {
            trustStore.add(key);
            return;
        }
        throw new UntrustedRepoException("Repository " + repo.path() + " on " + host + " is not trusted, so jhub will"
                + " not compile or run its code. Review it, then either trust it in the call (hub.repo(\""
                + repo + "\").trust(true)), or add it to the trusted list once (hub.trust(\"" + repo.path()
                + "\", \"" + host + "\"); the list is " + trustStore.file() + ").", repo.path(), host.toString());
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
