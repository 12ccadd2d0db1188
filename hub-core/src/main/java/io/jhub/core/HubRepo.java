package io.jhub.core;

import io.jhub.api.GitHost;
import io.jhub.api.HubDefaults;
import io.jhub.api.InvalidRepoException;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.Resolution;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One repository of a {@link Hub} with per-call options, the Java form of the seed's keyword arguments:
 * {@code hub.repo("owner/name:main").commit("1a2b3c4").load("resnet18", Map.of("pretrained", true))}.
 * Immutable: each option method returns a new value. Obtain it with {@link Hub#repo(String)} or
 * {@link Hub#repo(Path)}.
 *
 * @since 0.1
 */
public final class HubRepo {
    private final Hub hub;
    private final Optional<RepoInfo> remote;
    private final Optional<Path> local;
    private final Optional<String> commit;
    private final boolean useCache;
    private final String hubconfEntry;
    private final Optional<GitHost> host;
    private final Optional<String> protocol;
    private final boolean trust;
    private final boolean skipValidation;

    private HubRepo(Hub hub, Optional<RepoInfo> remote, Optional<Path> local, Optional<String> commit,
            boolean useCache, String hubconfEntry, Optional<GitHost> host, Optional<String> protocol,
            boolean trust, boolean skipValidation) {
        this.hub = hub;
        this.remote = remote;
        this.local = local;
        this.commit = commit;
        this.useCache = useCache;
        this.hubconfEntry = hubconfEntry;
        this.host = host;
        this.protocol = protocol;
        this.trust = trust;
        this.skipValidation = skipValidation;
    }

    static HubRepo remote(Hub hub, RepoInfo repo) {
        return new HubRepo(hub, Optional.of(repo), Optional.empty(), Optional.empty(), true,
                HubDefaults.DEFAULT_HUBCONF_ENTRY, Optional.empty(), Optional.empty(), false, false);
    }

    static HubRepo local(Hub hub, Path dir) {
        return new HubRepo(hub, Optional.empty(), Optional.of(dir.toAbsolutePath().normalize()), Optional.empty(),
                true, HubDefaults.DEFAULT_HUBCONF_ENTRY, Optional.empty(), Optional.empty(), false, false);
    }

    /**
     * Pins a commit. A full id is used as is; an abbreviated one (4 to 39 hex digits) is resolved like a ref,
     * and from the cache alone when it names exactly one cached commit.
     *
     * @param id the commit id
     * @return a copy with the commit pinned
     * @throws InvalidRepoException if {@code id} is neither a full nor an abbreviated commit id
     */
    public HubRepo commit(String id) {
        Objects.requireNonNull(id, "id");
        if (!Resolution.isFullCommitId(id.toLowerCase(java.util.Locale.ROOT)) && !Resolution.isAbbreviatedCommitId(id)) {
            throw new InvalidRepoException("Invalid commit \"" + id + "\": give 4 to 39 hex digits, e.g. "
                    + "\"1a2b3c4\", or a full 40-digit (or 64-digit SHA-256) id.");
        }
        return new HubRepo(hub, remote, local, Optional.of(id.toLowerCase(java.util.Locale.ROOT)), useCache,
                hubconfEntry, host, protocol, trust, skipValidation);
    }

    /**
     * Chooses whether an installed tree may be reused (default true). False fetches the tree again, like
     * torch.hub's {@code force_reload=True}; the commit is still resolved cheaply first.
     *
     * @param value false to fetch again
     * @return a copy with the option set
     */
    public HubRepo useCache(boolean value) {
        return new HubRepo(hub, remote, local, commit, value, hubconfEntry, host, protocol, trust, skipValidation);
    }

    /**
     * Names the entry file, relative to the repository root. Default {@code hubconf.java}.
     *
     * @param path a relative path ending in {@code .java}
     * @return a copy with the option set
     * @throws IllegalArgumentException if the path is absolute, escapes the root or is not a .java file
     */
    public HubRepo hubconfEntry(String path) {
        Objects.requireNonNull(path, "path");
        Path p = Path.of(path).normalize();
        if (p.isAbsolute() || p.startsWith("..") || !path.endsWith(".java")) {
            throw new IllegalArgumentException("Invalid hubconf entry \"" + path + "\": give a .java file relative"
                    + " to the repository root, such as \"hubconf.java\" or \"src/hubconf.java\".");
        }
        return new HubRepo(hub, remote, local, commit, useCache, p.toString().replace('\\', '/'), host, protocol,
                trust, skipValidation);
    }

    /**
     * Sets the git host for this call.
     *
     * @param hostAndPort {@code host} or {@code host:port}
     * @return a copy with the option set
     * @throws io.jhub.api.InvalidGitHostException if the host is malformed
     */
    public HubRepo gitHost(String hostAndPort) {
        return new HubRepo(hub, remote, local, commit, useCache, hubconfEntry, Optional.of(GitHost.parse(hostAndPort)),
                protocol, trust, skipValidation);
    }

    /**
     * Sets the protocol for this call, such as {@code HTTPS} or {@code SSH}.
     *
     * @param name the protocol name
     * @return a copy with the option set
     */
    public HubRepo protocol(String name) {
        return new HubRepo(hub, remote, local, commit, useCache, hubconfEntry, host,
                Optional.of(HubBuilder.checkProtocolName(name)), trust, skipValidation);
    }

    /**
     * Trusts this repository for this call and records it in the trusted list, like torch.hub's
     * {@code trust_repo=True}.
     *
     * @param value true to trust
     * @return a copy with the option set
     */
    public HubRepo trust(boolean value) {
        return new HubRepo(hub, remote, local, commit, useCache, hubconfEntry, host, protocol, value, skipValidation);
    }

    /**
     * Chooses whether a pinned commit (a full id given as the ref or with {@link #commit(String)}) is checked to
     * be reachable from a branch or tag of the repository before its tree is fetched (default false: checked).
     * Hosts such as GitHub serve the commits of forks under the parent repository's URLs; skip the check only for
     * a commit you know and trust, such as one from a fork or a deleted branch.
     *
     * @param value true to skip the check
     * @return a copy with the option set
     */
    public HubRepo skipValidation(boolean value) {
        return new HubRepo(hub, remote, local, commit, useCache, hubconfEntry, host, protocol, trust, value);
    }

    /**
     * Brings the tree into the cache without compiling or running anything (no trust needed).
     *
     * @return the directory of the installed tree (or the local directory)
     */
    public Path fetch() {
        return hub.tree(this).tree();
    }

    /**
     * Loads the repository: fetch, trust check, compile (or reuse), define its module layer.
     *
     * @return the loaded module
     */
    public HubModule importModule() {
        return hub.importModule(this);
    }

    /**
     * Lists the entries: the public static methods of the hubconf class, sorted.
     *
     * @return the entry names
     */
    public List<String> list() {
        return importModule().entries();
    }

    /**
     * Returns an entry's documentation (its Javadoc).
     *
     * @param entry the entry name
     * @return the documentation
     * @throws io.jhub.api.EntryNotFoundException if there is no such entry
     */
    public String help(String entry) {
        return importModule().help(entry);
    }

    /**
     * Calls an entry with positional arguments.
     *
     * @param entry the entry name
     * @param args the arguments
     * @return what the entry returned
     */
    public Object load(String entry, Object... args) {
        return importModule().invoke(entry, Arrays.asList(args), Map.of());
    }

    /**
     * Calls an entry with named arguments, bound by parameter name.
     *
     * @param entry the entry name
     * @param named the arguments by parameter name
     * @return what the entry returned
     */
    public Object load(String entry, Map<String, ?> named) {
        return importModule().invoke(entry, List.of(), named);
    }

    /**
     * Calls an entry with positional arguments followed by named ones.
     *
     * @param entry the entry name
     * @param positional the leading arguments
     * @param named the remaining arguments by parameter name
     * @return what the entry returned
     */
    public Object load(String entry, List<?> positional, Map<String, ?> named) {
        return importModule().invoke(entry, positional, named);
    }

    /**
     * Calls an entry and checks the result's type.
     *
     * @param entry the entry name
     * @param type the expected result type
     * @param args positional arguments
     * @param <T> the result type
     * @return what the entry returned
     */
    public <T> T load(String entry, Class<T> type, Object... args) {
        return importModule().invoke(entry, type, Arrays.asList(args), Map.of());
    }

    /**
     * Describes the repository as the user named it.
     *
     * @return {@code owner/name[:ref]} or the local directory
     */
    @Override
    public String toString() {
        return remote.map(RepoInfo::toString).orElseGet(() -> local.orElseThrow().toString());
    }

    Optional<RepoInfo> remoteRepo() {
        return remote;
    }

    Optional<Path> localDir() {
        return local;
    }

    Optional<String> pinnedCommit() {
        return commit.filter(Resolution::isFullCommitId);
    }

    Optional<String> abbreviatedCommit() {
        return commit.filter(c -> !Resolution.isFullCommitId(c));
    }

    boolean useCacheOption() {
        return useCache;
    }

    String hubconf() {
        return hubconfEntry;
    }

    GitHost hostOr(GitHost fallback) {
        return host.orElse(fallback);
    }

    String protocolOr(String fallback) {
        return protocol.orElse(fallback);
    }

    boolean trustOption() {
        return trust;
    }

    boolean skipValidationOption() {
        return skipValidation;
    }
}
