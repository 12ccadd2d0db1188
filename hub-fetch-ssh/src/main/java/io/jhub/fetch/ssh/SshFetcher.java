package io.jhub.fetch.ssh;

import io.jhub.api.FetchException;
import io.jhub.api.GitProtocolException;
import io.jhub.api.ProgressEvent;
import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.api.spi.SettingKey;
import io.jhub.api.spi.Resolution;
import io.jhub.git.wire.RefResolver;
import io.jhub.fetch.ssh.internal.SshCommitCheck;
import io.jhub.fetch.ssh.internal.SshConnection;
import io.jhub.fetch.ssh.internal.SshSettings;
import io.jhub.fetch.ssh.internal.UploadPack;
import io.jhub.git.pack.PackObjects;
import io.jhub.git.pack.TreeWalk;
import io.jhub.git.TreeLimits;
import io.jhub.git.TreeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Comparator;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The {@code SSH} protocol: git over SSH without a git binary. Connects with jsch, runs
 * {@code git-upload-pack} on the server, speaks protocol v2 (falling back to v0), resolves refs with
 * {@code ls-refs}, and fetches a shallow pack of one commit, which it verifies and writes out as a plain tree.
 *
 * <p>Settings (from {@link FetchContext#setting(String)}): {@code ssh.user}, {@code ssh.pathTemplate},
 * {@code ssh.identity}, {@code ssh.passphrase}, {@code ssh.knownHosts}, {@code ssh.config}, {@code ssh.agent},
 * {@code ssh.protocol}, {@code ssh.uploadPack}, {@code ssh.ciphers}, {@code ssh.maxEntries}, {@code ssh.maxBytes};
 * environment: {@code HOME}, {@code SSH_AUTH_SOCK}. The tree is written by the shared {@link TreeWriter} of
 * {@code io.jhub.git}, within those limits.
 *
 * @since 0.1
 */
public final class SshFetcher implements RepoFetcher {
    private static final System.Logger LOG = System.getLogger(SshFetcher.class.getName());

    /** Creates the fetcher; it keeps no state between calls. */
    public SshFetcher() {
        // stateless
    }

    /**
     * Returns {@code SSH}.
     *
     * @return the protocol name
     */
    @Override
    public String protocol() {
        return "SSH";
    }

    /**
     * Describes the fetcher.
     *
     * @return a one-line description
     */
    @Override
    public String description() {
        return "git over SSH (jsch, protocol v2 with v0 fallback, shallow pack; no git binary needed)";
    }

    /**
     * Returns the {@code ssh.*} settings this fetcher reads.
     *
     * @return the keys
     */
    @Override
    public List<SettingKey> settingKeys() {
        return List.of(SettingKey.of(SshSettings.USER, "login user (default: the ssh config's User, else git)"),
                SettingKey.of(SshSettings.PATH_TEMPLATE, "repository path on the server ({owner}/{repo}.git)"),
                SettingKey.of(SshSettings.IDENTITY, "private key files, comma-separated"),
                SettingKey.of(SshSettings.PASSPHRASE, "passphrase of encrypted private keys"),
                SettingKey.of(SshSettings.KNOWN_HOSTS, "known_hosts file (~/.ssh/known_hosts)"),
                SettingKey.of(SshSettings.CONFIG, "OpenSSH config file (~/.ssh/config; none to ignore it)"),
                SettingKey.of(SshSettings.AGENT, "false: do not use ssh-agent"),
                SettingKey.of(SshSettings.PROTOCOL, "git protocol version, 2 (default) or 0"),
                SettingKey.of(SshSettings.UPLOAD_PACK, "remote command (git-upload-pack)"),
                SettingKey.of(SshSettings.CIPHERS, "ciphers to offer, most preferred first"),
                SettingKey.of(SshSettings.MAX_ENTRIES, "most entries a fetched tree may have"),
                SettingKey.of(SshSettings.MAX_BYTES, "most bytes a fetch may receive, unpack or write"));
    }

    /**
     * Resolves the ref with the server's ref advertisement ({@code ls-refs} in v2); downloads no objects.
     *
     * @param request what to resolve
     * @param context settings and environment
     * @return the commit id
     * @throws IOException on an I/O failure
     */
    @Override
    public Resolution resolve(FetchRequest request, FetchContext context) throws IOException {
        Objects.requireNonNull(request, "request");
        SshSettings s = SshSettings.from(request, Objects.requireNonNull(context, "context"));
        if (request.commit().isPresent() && Resolution.isFullCommitId(request.commit().get())) {
            return Resolution.of(request.commit().get());
        }
        context.progress().onProgress(new ProgressEvent(ProgressEvent.Phase.RESOLVE, s.where(), 0, -1));
        try (SshConnection c = SshConnection.open(s, s.protocolV2())) {
            UploadPack up = start(c, s);
            try {
                return Resolution.of(RefResolver.resolve(up.refs(), request.revision(), s.where()));
            } catch (IOException | GitProtocolException e) {
                throw explain(e, c, s);
            } finally {
                up.end();
            }
        }
    }

    /**
     * Fetches a shallow pack of the commit and writes its tree into {@code target}.
     *
     * @param request what to fetch
     * @param target an empty directory
     * @param context settings and environment
     * @return the commit id written
     * @throws IOException on an I/O failure
     */
    @Override
    public Resolution fetch(FetchRequest request, Path target, FetchContext context) throws IOException {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(target, "target");
        SshSettings s = SshSettings.from(request, Objects.requireNonNull(context, "context"));
        Path parent = target.toAbsolutePath().getParent();
        Path work = Files.createTempDirectory(parent, ".jhub-ssh-");
        try {
            String commit;
            PackObjects objects;
            try (SshConnection c = SshConnection.open(s, s.protocolV2())) {
                UploadPack up = start(c, s);
                try {
                    commit = request.commit().filter(Resolution::isFullCommitId).orElse(null);
                    if (commit == null) {
                        commit = RefResolver.resolve(up.refs(), request.revision(), s.where());
                    } else if (!request.skipValidation()) {
                        SshCommitCheck.check(up.refs(), s, commit);
                    }
                    LOG.log(System.Logger.Level.DEBUG, "fetching {0} from {1} (protocol v{2})", commit, s.where(),
                            up.version());
                    String subject = s.where();
                    try (InputStream pack = up.fetch(commit, text -> { })) {
                        objects = PackObjects.receive(pack, work, s.maxBytes(), SshSettings.MAX_BYTES,
                                n -> context.progress().onProgress(new ProgressEvent(
                                        ProgressEvent.Phase.DOWNLOAD, subject, n, -1)));
                    }
                } catch (IOException | GitProtocolException e) {
                    throw explain(e, c, s);
                }
            }
            try (objects; TreeWriter writer = new TreeWriter(target, new TreeLimits(s.maxEntries(),
                    s.maxBytes(), "the settings ssh.maxEntries and ssh.maxBytes"))) {
                String subject = s.where();
                new TreeWalk(objects, s.maxBytes()).write(commit, writer, n -> context.progress().onProgress(
                        new ProgressEvent(ProgressEvent.Phase.EXTRACT, subject, n, -1)));
            }
            return Resolution.of(commit);
        } finally {
            deleteTree(work);
        }
    }

    private static UploadPack start(SshConnection c, SshSettings s) throws IOException {
        try {
            return UploadPack.start(c.in(), c.out());
        } catch (IOException | GitProtocolException e) {
            throw explain(e, c, s);
        }
    }

    /** Adds what the server printed on stderr, or the timeout, to a protocol or I/O failure. */
    private static RuntimeException explain(Exception e, SshConnection c, SshSettings s) {
        if (c.timedOut()) {
            return new FetchException("No data from " + s.where() + " for " + s.readTimeout().toSeconds()
                    + " s (the read timeout); the server is stuck or the network is down. Try again later.", e);
        }
        String err = c.stderr();
        String detail = err.isEmpty() ? "" : " The server said: " + err;
        if (e instanceof GitProtocolException g) {
            return new GitProtocolException("git over SSH with " + s.where() + " failed: " + g.getMessage() + detail,
                    g);
        }
        if (e instanceof RuntimeException r) {
            return r; // already a HubException that says what to do
        }
        return new FetchException("git over SSH with " + s.where() + " failed: " + e.getMessage() + detail, e);
    }

    private static void deleteTree(Path dir) {
        try (Stream<Path> all = Files.walk(dir)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.log(System.Logger.Level.WARNING, "could not delete the temporary file {0}: {1}", p, e);
                }
            });
        } catch (IOException e) {
            LOG.log(System.Logger.Level.WARNING, "could not clean up {0}: {1}", dir, e);
        }
    }
}
