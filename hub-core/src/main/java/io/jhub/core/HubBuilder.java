package io.jhub.core;

import io.jhub.api.GitHost;
import io.jhub.api.ProgressListener;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.core.internal.layer.LayerWarmup;
import io.jhub.http.HttpLimits;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import javax.net.ssl.SSLContext;

/**
 * Configures a {@link Hub}; obtained from {@link Hub#builder()}. Every setter validates its argument and throws
 * {@link NullPointerException} or {@link IllegalArgumentException} at once.
 *
 * @since 0.1
 */
public final class HubBuilder {
    // package-private: HubSettings reads them when the hub is built
    Path cacheDir;
    GitHost defaultHost;
    String protocol;
    TrustPolicy trustPolicy = TrustPolicy.TRUSTED_LIST;
    TrustPrompt trustPrompt;
    Boolean offline;
    ProgressListener progress = ProgressListener.logging();
    // null until set: HubDefaults' Duration constants initialize java.time (BigInteger included) in a fresh JVM
    // whose warm load needs no timeout
    Duration connectTimeout;
    Duration readTimeout;
    SSLContext sslContext;
    HttpClient httpClient;
    Map<String, String> environment;
    final Map<String, String> settings = new LinkedHashMap<>();
    final List<RepoFetcher> fetchers = new ArrayList<>();
    boolean serviceLoading = true;
    Long cacheMaxSize;
    List<Path> readOnlyCaches;
    RefreshPolicy refresh;
    Path lockFile;
    boolean locked;

    HubBuilder() {
    }

    /**
     * Sets the cache root. Default: {@code JHUB_HOME}, else {@code $XDG_CACHE_HOME/jhub}, else
     * {@code ~/.cache/jhub}.
     *
     * @param dir the directory (created when first needed)
     * @return this builder
     * @throws IllegalArgumentException if {@code dir} is the empty path, which would mean the working directory
     */
    public HubBuilder cacheDir(Path dir) {
        if (Objects.requireNonNull(dir, "dir").toString().isEmpty()) {
            throw new IllegalArgumentException("The cache directory is an empty path; name a directory, or leave"
                    + " it unset to use JHUB_HOME, $XDG_CACHE_HOME/jhub or ~/.cache/jhub.");
        }
        this.cacheDir = dir.toAbsolutePath().normalize();
        return this;
    }

    /**
     * Sets the host used when a call names none. Default {@code github.com}.
     *
     * @param host {@code host} or {@code host:port}
     * @return this builder
     * @throws io.jhub.api.InvalidGitHostException if the host is malformed
     */
    public HubBuilder gitHost(String host) {
        this.defaultHost = GitHost.parse(host);
        return this;
    }

    /**
     * Sets the protocol used when a call names none. Default {@code HTTPS}.
     *
     * @param name a protocol name, compared ignoring case
     * @return this builder
     */
    public HubBuilder protocol(String name) {
        this.protocol = checkProtocolName(name);
        return this;
    }

    /**
     * Sets when remote code may run. Default {@link TrustPolicy#TRUSTED_LIST}.
     *
     * @param policy the policy
     * @return this builder
     */
    public HubBuilder trustPolicy(TrustPolicy policy) {
        this.trustPolicy = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Asks someone whether to trust a remote repository that is not in the trusted list, instead of failing at
     * once (torch.hub's {@code trust_repo="check"}); see {@link TrustPrompt}. Default: never ask.
     *
     * @param prompt the question to ask; a yes is recorded in the trusted list
     * @return this builder
     * @since 0.2
     */
    public HubBuilder trustPrompt(TrustPrompt prompt) {
        this.trustPrompt = Objects.requireNonNull(prompt, "prompt");
        return this;
    }

    /**
     * Forbids or allows network access. Default: {@code JHUB_OFFLINE} is {@code 1} or {@code true}.
     *
     * @param value true for no network at all
     * @return this builder
     */
    public HubBuilder offline(boolean value) {
        this.offline = value;
        return this;
    }

    /**
     * Sets where progress goes. Default: {@link ProgressListener#logging()}, which logs steps longer than a few
     * seconds through {@link System.Logger} at INFO and is silent for short ones; {@link
     * ProgressListener#console()} draws the {@code jhub} command's line; {@link ProgressListener#NONE} turns it
     * off.
     *
     * @param listener the listener
     * @return this builder
     */
    public HubBuilder progress(ProgressListener listener) {
        this.progress = Objects.requireNonNull(listener, "listener");
        return this;
    }

    /**
     * Sets the connect timeout. Default 5 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public HubBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = positive(timeout, "connectTimeout");
        return this;
    }

    /**
     * Sets the read timeout. Default 120 s.
     *
     * @param timeout a positive duration
     * @return this builder
     */
    public HubBuilder readTimeout(Duration timeout) {
        this.readTimeout = positive(timeout, "readTimeout");
        return this;
    }

    /**
     * Sets the TLS context for HTTPS (a private CA, a test certificate). Default: the JVM's.
     *
     * @param context the context
     * @return this builder
     */
    public HubBuilder sslContext(SSLContext context) {
        this.sslContext = Objects.requireNonNull(context, "context");
        return this;
    }

    /**
     * Sends every HTTP request of this hub (downloads and the HTTPS fetcher) over the application's own client,
     * with its proxy, authenticator and TLS context, instead of jhub's own connections. Redirects, retries,
     * credentials, timeouts and limits stay jhub's. Default: none.
     *
     * @param client a client built with {@code followRedirects(HttpClient.Redirect.NEVER)}
     * @return this builder
     * @throws IllegalArgumentException if the client follows redirects itself
     */
    public HubBuilder httpClient(HttpClient client) {
        io.jhub.http.HttpEngine.builder().httpClient(client); // the one check of a handed-in client
        this.httpClient = client;
        return this;
    }

    /**
     * Replaces the process environment as this hub sees it (tokens, proxies, {@code JHUB_*}).
     *
     * @param env the variables
     * @return this builder
     */
    public HubBuilder environment(Map<String, String> env) {
        this.environment = Map.copyOf(Objects.requireNonNull(env, "env"));
        return this;
    }

    /**
     * Sets a fetcher or download setting, such as {@code https.token.example.org} or {@code ssh.user}.
     *
     * @param key the setting's name
     * @param value its value
     * @return this builder
     */
    public HubBuilder setting(String key, String value) {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(value, "value");
        if (key.isBlank()) {
            throw new IllegalArgumentException("setting key must not be blank");
        }
        settings.put(key, value);
        return this;
    }

    /**
     * Sets the minimum transfer rate, the headers deadline and the overall deadline of every HTTP request the hub
     * makes (downloads and the HTTPS fetcher), as the settings {@code http.lowSpeedLimit},
     * {@code http.lowSpeedTime}, {@code http.headersTimeout} and {@code http.deadline}; a later
     * {@link #setting(String, String)} of one of them wins. Default {@link HttpLimits#defaults()}.
     *
     * @param limits the limits
     * @return this builder
     */
    public HubBuilder httpLimits(HttpLimits limits) {
        settings.putAll(Objects.requireNonNull(limits, "limits").toSettings());
        return this;
    }

    /**
     * Adds a fetcher besides those found with {@link java.util.ServiceLoader}.
     *
     * @param fetcher the fetcher; its protocol name must not clash with another
     * @return this builder
     */
    public HubBuilder fetcher(RepoFetcher fetcher) {
        Objects.requireNonNull(fetcher, "fetcher");
        checkProtocolName(fetcher.protocol());
        fetchers.add(fetcher);
        return this;
    }

    /**
     * Turns the {@link java.util.ServiceLoader} lookup of fetchers on or off. Default on.
     *
     * @param enabled false to use only the fetchers given to {@link #fetcher(RepoFetcher)}
     * @return this builder
     */
    public HubBuilder serviceLoading(boolean enabled) {
        this.serviceLoading = enabled;
        return this;
    }

    /**
     * Bounds the cache: after each install (a tree, compiled classes, a weights file), the least recently used
     * entries are evicted until the cache is at most this size; an entry in use by any process and the entry just
     * installed never are. Default: the setting {@code cache.maxSize}, else {@code JHUB_CACHE_MAX_SIZE} (such as
     * {@code 20G}), else unbounded.
     *
     * @param bytes the maximum size in bytes, at least 0
     * @return this builder
     * @throws IllegalArgumentException if {@code bytes} is negative
     * @since 0.3
     */
    public HubBuilder cacheMaxSize(long bytes) {
        if (bytes < 0) {
            throw new IllegalArgumentException("The cache's maximum size must be 0 or more bytes, got " + bytes);
        }
        this.cacheMaxSize = bytes;
        return this;
    }

    /**
     * Sets when a ref recorded in the cache is looked up on the remote again. Default: the setting
     * {@value RefreshPolicy#SETTING}, else {@link RefreshPolicy#always()}.
     *
     * @param policy the policy
     * @return this builder
     * @since 0.3
     */
    public HubBuilder refreshPolicy(RefreshPolicy policy) {
        this.refresh = Objects.requireNonNull(policy, "policy");
        return this;
    }

    /**
     * Names prepared caches (baked into an image, mounted read-only) that are searched for trees, compiled
     * classes and weights before the writable cache; nothing in them is ever written, locked, touched or
     * evicted. Make one with the normal commands on a cache directory, then share it. Default: the setting
     * {@code cache.readOnly}, else {@code JHUB_CACHE_READONLY} (directories separated by the path separator).
     *
     * @param dirs cache directories, searched in order
     * @return this builder
     * @throws IllegalArgumentException if one is not an existing directory
     * @since 0.3
     */
    public HubBuilder readOnlyCaches(List<Path> dirs) {
        List<Path> checked = new ArrayList<>();
        for (Path dir : Objects.requireNonNull(dirs, "dirs")) {
            checked.add(readOnlyDir(Objects.requireNonNull(dir, "dir"), "A read-only cache"));
        }
        this.readOnlyCaches = List.copyOf(checked);
        return this;
    }

    static Path readOnlyDir(Path dir, String source) {
        Path abs = dir.toAbsolutePath().normalize();
        if (!java.nio.file.Files.isDirectory(abs)) {
            throw new IllegalArgumentException(source + " names \"" + dir + "\", which is not a directory: name a"
                    + " prepared jhub cache directory (one made with jhub fetch/load/download --cache-dir DIR).");
        }
        return abs;
    }

    /**
     * Names the lockfile that locked mode uses. Default {@value Lockfile#DEFAULT_NAME} in the working directory.
     *
     * @param file the lockfile
     * @return this builder
     * @since 0.3
     */
    public HubBuilder lockFile(Path file) {
        this.lockFile = Objects.requireNonNull(file, "file").toAbsolutePath().normalize();
        return this;
    }

    /**
     * Turns locked mode on or off (default off). A locked hub reads its lockfile when built, makes no ref lookup,
     * uses exactly the commits and weights hashes recorded there, and refuses any repository or weights URL that
     * is not recorded or differs (a {@link io.jhub.api.LockMismatchException} quoting the lockfile's line).
     *
     * @param value true for locked mode
     * @return this builder
     * @since 0.3
     */
    public HubBuilder locked(boolean value) {
        this.locked = value;
        return this;
    }

    /**
     * Builds the hub.
     *
     * @return a new hub
     * @throws IllegalArgumentException if {@code cache.maxSize} or {@code JHUB_CACHE_MAX_SIZE} is not a size, or
     *     {@code cache.readOnly} or {@code JHUB_CACHE_READONLY} names something that is not a directory, or the
     *     {@value RefreshPolicy#SETTING} setting is malformed
     * @throws io.jhub.api.InvalidLockfileException in locked mode, if the lockfile is missing or malformed
     */
    public Hub build() {
        LayerWarmup.start(); // once per JVM: the JDK's layer code warms up while the hub reads its settings
        Map<String, String> env = environment != null ? environment : System.getenv();
        return new Hub(new HubSettings(this, env));
    }

    private static Duration positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
        return d;
    }

    static String checkProtocolName(String name) {
        Objects.requireNonNull(name, "protocol");
        if (!isProtocolName(name)) {
            throw new IllegalArgumentException("Invalid protocol name \"" + name
                    + "\": use letters, digits, '-' or '_', starting with a letter, such as HTTPS or SSH.");
        }
        return name.toUpperCase(Locale.ROOT);
    }

    /** {@code [A-Za-z][A-Za-z0-9_-]{0,31}}, checked without a regular expression (part of every start-up). */
    private static boolean isProtocolName(String name) {
        if (name.isEmpty() || name.length() > 32 || !isAsciiLetter(name.charAt(0))) {
            return false;
        }
        for (int i = 1; i < name.length(); i++) {
            char c = name.charAt(i);
            if (!isAsciiLetter(c) && !(c >= '0' && c <= '9') && c != '_' && c != '-') {
                return false;
            }
        }
        return true;
    }

    private static boolean isAsciiLetter(char c) {
        return c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z';
    }
}
