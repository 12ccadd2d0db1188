package io.jhub.fetch.ssh.internal;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import io.jhub.api.FetchException;
import io.jhub.api.HubDefaults;
import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.git.TreeLimits;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Everything one SSH connection needs, from the request, the fetcher settings, the environment and
 * {@code ~/.ssh/config} (its {@code Include}s expanded). Precedence: settings, then the config file's entry for the
 * host, then defaults.
 *
 * @param alias the host as the user wrote it (looked up in the config file and known_hosts)
 * @param hostName the host to connect to
 * @param port the port
 * @param user the login user
 * @param path the repository path on the server
 * @param identities private key files to offer, in order
 * @param passphrase the passphrase for encrypted keys
 * @param knownHosts the known_hosts file
 * @param agentSocket the ssh-agent socket, if one is to be used
 * @param uploadPack the remote command
 * @param protocolV2 whether to ask for protocol v2
 * @param connectTimeout connect timeout
 * @param readTimeout read timeout
 * @param ciphers the ciphers to offer, most preferred first, or empty for jsch's defaults
 * @param maxEntries the most tree entries written
 * @param maxBytes the most bytes received as a pack, unpacked as objects, and written as files
 */
public record SshSettings(String alias, String hostName, int port, String user, String path, List<Path> identities,
        Optional<String> passphrase, Path knownHosts, Optional<Path> agentSocket, String uploadPack,
        boolean protocolV2, Duration connectTimeout, Duration readTimeout, Optional<String> ciphers,
        long maxEntries, long maxBytes) {

    /** Setting: login user; default the config file's User, else {@code git}. */
    public static final String USER = "ssh.user";
    /** Setting: repository path on the server, with {owner} and {repo}; default {@code {owner}/{repo}.git}. */
    public static final String PATH_TEMPLATE = "ssh.pathTemplate";
    /** Setting: private key files, separated by commas; default the config's IdentityFile, else id_*. */
    public static final String IDENTITY = "ssh.identity";
    /** Setting: passphrase of encrypted private keys. */
    public static final String PASSPHRASE = "ssh.passphrase";
    /** Setting: known_hosts file; default the config's UserKnownHostsFile, else ~/.ssh/known_hosts. */
    public static final String KNOWN_HOSTS = "ssh.knownHosts";
    /** Setting: OpenSSH client config file; default ~/.ssh/config; {@code none} to ignore it. */
    public static final String CONFIG = "ssh.config";
    /** Setting: {@code false} to not use ssh-agent even if SSH_AUTH_SOCK is set. */
    public static final String AGENT = "ssh.agent";
    /** Setting: {@code 0} to speak protocol v0 only; default {@code 2} (with automatic fallback). */
    public static final String PROTOCOL = "ssh.protocol";
    /** Setting: the remote command; default {@code git-upload-pack}. */
    public static final String UPLOAD_PACK = "ssh.uploadPack";

    /** Setting: ciphers to offer, comma-separated, most preferred first; default jsch's list (AES-GCM first). */
    public static final String CIPHERS = "ssh.ciphers";

    /** Setting: the most entries a fetched tree may have; default {@link HubDefaults#MAX_ARCHIVE_ENTRIES}. */
    public static final String MAX_ENTRIES = "ssh.maxEntries";

    /**
     * Setting: the most bytes a fetch may receive as a pack, unpack as objects, or write as files; default
     * {@link HubDefaults#MAX_ARCHIVE_BYTES}.
     */
    public static final String MAX_BYTES = "ssh.maxBytes";

    private static final List<String> DEFAULT_KEYS = List.of("id_ed25519", "id_ecdsa", "id_rsa");

    /**
     * Compiles the settings for a request.
     *
     * @param request what to fetch
     * @param ctx settings and environment
     * @return the settings
     * @throws FetchException if the config file cannot be read or a setting is malformed
     */
    public static SshSettings from(FetchRequest request, FetchContext ctx) {
        Path home = Path.of(ctx.env("HOME").orElse(System.getProperty("user.home")));
        Path sshDir = home.resolve(".ssh");
        String alias = request.host().bareHost();
        ConfigRepository.Config cfg = config(ctx, home, alias);
        String hostName = blankToEmpty(cfg == null ? null : cfg.getHostname()).orElse(alias);
        int port = request.host().port().orElse(cfg != null && cfg.getPort() > 0 ? cfg.getPort() : 22);
        String user = ctx.setting(USER).or(() -> blankToEmpty(cfg == null ? null : cfg.getUser())).orElse("git");
        String template = ctx.setting(PATH_TEMPLATE).orElse("{owner}/{repo}.git");
        if (!template.contains("{repo}")) {
            throw new FetchException("The setting " + PATH_TEMPLATE + "=\"" + template + "\" has no {repo} "
                    + "placeholder; use for example \"{owner}/{repo}.git\".");
        }
        String path = template.replace("{owner}", request.repo().owner()).replace("{repo}", request.repo().name());
        List<Path> ids = new ArrayList<>();
        Optional<String> idSetting = ctx.setting(IDENTITY);
        if (idSetting.isPresent()) {
            for (String p : idSetting.get().split(",")) {
                if (!p.isBlank()) {
                    ids.add(expand(p.trim(), home));
                }
            }
        } else {
            String[] fromCfg = cfg == null ? null : cfg.getValues("IdentityFile");
            if (fromCfg != null) {
                for (String p : fromCfg) {
                    ids.add(expand(p, home));
                }
            }
            for (String k : DEFAULT_KEYS) {
                Path p = sshDir.resolve(k);
                if (Files.isRegularFile(p) && !ids.contains(p)) {
                    ids.add(p);
                }
            }
        }
        Path known = ctx.setting(KNOWN_HOSTS).map(p -> expand(p, home))
                .or(() -> blankToEmpty(cfg == null ? null : cfg.getValue("UserKnownHostsFile"))
                        .map(p -> expand(p.split(" ")[0], home)))
                .orElse(sshDir.resolve("known_hosts"));
        boolean agentOn = !ctx.setting(AGENT).map(v -> v.equalsIgnoreCase("false")).orElse(false);
        Optional<Path> agent = agentOn ? ctx.env("SSH_AUTH_SOCK").map(Path::of) : Optional.empty();
        String proto = ctx.setting(PROTOCOL).orElse("2");
        if (!proto.equals("2") && !proto.equals("0")) {
            throw new FetchException("The setting " + PROTOCOL + "=\"" + proto + "\" must be 2 or 0.");
        }
        return new SshSettings(alias, hostName, port, user, path, ids, ctx.setting(PASSPHRASE), known, agent,
                ctx.setting(UPLOAD_PACK).orElse("git-upload-pack"), proto.equals("2"), ctx.connectTimeout(),
                ctx.readTimeout(), ctx.setting(CIPHERS).map(String::trim).filter(v -> !v.isEmpty()),
                positive(ctx, MAX_ENTRIES, HubDefaults.MAX_ARCHIVE_ENTRIES),
                positive(ctx, MAX_BYTES, HubDefaults.MAX_ARCHIVE_BYTES));
    }

    private static long positive(FetchContext ctx, String key, long fallback) {
        return TreeLimits.positiveSetting(key, ctx.setting(key), fallback);
    }

    /**
     * Describes the remote for messages, as a git URL ({@code user@host:path} or {@code ssh://} with a port).
     *
     * @return the description
     */
    public String where() {
        String host = hostName.contains(":") ? "[" + hostName + "]" : hostName;
        return port == 22 ? user + "@" + host + ":" + path : "ssh://" + user + "@" + host + ":" + port + "/" + path;
    }

    /**
     * Hides the passphrase from {@code toString}.
     *
     * @return a description without secrets
     */
    @Override
    public String toString() {
        return "SshSettings[" + where() + ", identities=" + identities + ", knownHosts=" + knownHosts
                + ", agent=" + agentSocket + ", passphrase=" + (passphrase.isPresent() ? "(set)" : "(none)") + "]";
    }

    private static ConfigRepository.Config config(FetchContext ctx, Path home, String alias) {
        Path sshDir = home.resolve(".ssh");
        Optional<String> setting = ctx.setting(CONFIG);
        if (setting.isPresent() && setting.get().equalsIgnoreCase("none")) {
            return null;
        }
        Path file = setting.map(Path::of).orElse(sshDir.resolve("config"));
        if (!Files.isRegularFile(file)) {
            if (setting.isPresent()) {
                throw new FetchException("The SSH config file " + file + " (setting " + CONFIG + ") does not exist; "
                        + "fix the path or set it to \"none\".");
            }
            return null;
        }
        try {
            return OpenSSHConfig.parse(new SshConfigText(sshDir, home).read(file)).getConfig(alias);
        } catch (IOException e) {
            throw new FetchException("Cannot read the SSH config file " + file + ": " + e.getMessage(), e);
        }
    }

    private static Path expand(String p, Path home) {
        if (p.equals("~")) {
            return home;
        }
        return p.startsWith("~/") ? home.resolve(p.substring(2)) : Path.of(p);
    }

    private static Optional<String> blankToEmpty(String s) {
        return s == null || s.isBlank() ? Optional.empty() : Optional.of(s.trim());
    }
}
