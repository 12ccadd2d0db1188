package io.jhub.core;

import io.jhub.api.GitHost;
import io.jhub.api.HubDefaults;
import io.jhub.api.ProgressListener;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.core.internal.CurrentHub;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import javax.net.ssl.SSLContext;

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

    private final Settings settings;

    private Hub(Settings settings) {
        this.settings = settings;
    }

    /**
     * Returns a builder with every option at its default.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
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
        return CurrentHub.get().map(Hub.class::cast);
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
     * Returns how long to wait for a connection.
     *
     * @return the connect timeout
     */
    public Duration connectTimeout() {
        return settings.connectTimeout;
    }

    /**
     * Returns how long to wait for the next bytes of a response.
     *
     * @return the read timeout
     */
    public Duration readTimeout() {
        return settings.readTimeout;
    }

    /**
     * Returns the TLS context given to the builder.
     *
     * @return the context, or empty for the JVM default
     */
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(settings.sslContext);
    }

    /**
     * Returns an environment variable as this hub sees it.
     *
     * @param name the variable
     * @return its value, if set and not empty
     */
    public Optional<String> env(String name) {
        return settings.env(name);
    }

    /**
     * Returns a setting: the builder's value, else the system property {@code jhub.<key>}.
     *
     * @param key the setting's name, such as {@code https.token.example.org}
     * @return its value, if set
     */
    public Optional<String> setting(String key) {
        return settings.setting(key);
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

    Settings settings() {
        return settings;
    }

    /**
     * Configures a {@link Hub}. Every setter validates its argument and throws {@link NullPointerException} or
     * {@link IllegalArgumentException} at once.
     *
     * @since 0.1
     */
    public static final class Builder {
        private Path cacheDir;
        private GitHost defaultHost;
        private String protocol;
        private TrustPolicy trustPolicy = TrustPolicy.TRUSTED_LIST;
        private Boolean offline;
        private ProgressListener progress = ProgressListener.NONE;
        private Duration connectTimeout = HubDefaults.HTTP_CONNECTION_TIMEOUT;
        private Duration readTimeout = HubDefaults.HTTP_READ_TIMEOUT;
        private SSLContext sslContext;
        private Map<String, String> environment;
        private final Map<String, String> settings = new LinkedHashMap<>();
        private final List<RepoFetcher> fetchers = new ArrayList<>();
        private boolean serviceLoading = true;

        private Builder() {
        }

        /**
         * Sets the cache root. Default: {@code JHUB_HOME}, else {@code $XDG_CACHE_HOME/jhub}, else
         * {@code ~/.cache/jhub}.
         *
         * @param dir the directory (created when first needed)
         * @return this builder
         */
        public Builder cacheDir(Path dir) {
            this.cacheDir = Objects.requireNonNull(dir, "dir").toAbsolutePath().normalize();
            return this;
        }

        /**
         * Sets the host used when a call names none. Default {@code github.com}.
         *
         * @param host {@code host} or {@code host:port}
         * @return this builder
         * @throws io.jhub.api.InvalidGitHostException if the host is malformed
         */
        public Builder gitHost(String host) {
            this.defaultHost = GitHost.parse(host);
            return this;
        }

        /**
         * Sets the protocol used when a call names none. Default {@code HTTPS}.
         *
         * @param name a protocol name, compared ignoring case
         * @return this builder
         */
        public Builder protocol(String name) {
            this.protocol = checkProtocolName(name);
            return this;
        }

        /**
         * Sets when remote code may run. Default {@link TrustPolicy#TRUSTED_LIST}.
         *
         * @param policy the policy
         * @return this builder
         */
        public Builder trustPolicy(TrustPolicy policy) {
            this.trustPolicy = Objects.requireNonNull(policy, "policy");
            return this;
        }

        /**
         * Forbids or allows network access. Default: {@code JHUB_OFFLINE} is {@code 1} or {@code true}.
         *
         * @param value true for no network at all
         * @return this builder
         */
        public Builder offline(boolean value) {
            this.offline = value;
            return this;
        }

        /**
         * Sets where progress goes. Default: nowhere.
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder progress(ProgressListener listener) {
            this.progress = Objects.requireNonNull(listener, "listener");
            return this;
        }

        /**
         * Sets the connect timeout. Default 5 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder connectTimeout(Duration timeout) {
            this.connectTimeout = positive(timeout, "connectTimeout");
            return this;
        }

        /**
         * Sets the read timeout. Default 120 s.
         *
         * @param timeout a positive duration
         * @return this builder
         */
        public Builder readTimeout(Duration timeout) {
            this.readTimeout = positive(timeout, "readTimeout");
            return this;
        }

        /**
         * Sets the TLS context for HTTPS (a private CA, a test certificate). Default: the JVM's.
         *
         * @param context the context
         * @return this builder
         */
        public Builder sslContext(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Replaces the process environment as this hub sees it (tokens, proxies, {@code JHUB_*}).
         *
         * @param env the variables
         * @return this builder
         */
        public Builder environment(Map<String, String> env) {
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
        public Builder setting(String key, String value) {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(value, "value");
            if (key.isBlank()) {
                throw new IllegalArgumentException("setting key must not be blank");
            }
            settings.put(key, value);
            return this;
        }

        /**
         * Adds a fetcher besides those found with {@link java.util.ServiceLoader}.
         *
         * @param fetcher the fetcher; its protocol name must not clash with another
         * @return this builder
         */
        public Builder fetcher(RepoFetcher fetcher) {
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
        public Builder serviceLoading(boolean enabled) {
            this.serviceLoading = enabled;
            return this;
        }

        /**
         * Builds the hub.
         *
         * @return a new hub
         */
        public Hub build() {
            Map<String, String> env = environment != null ? environment : System.getenv();
            return new Hub(new Settings(this, env));
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
            if (!name.matches("[A-Za-z][A-Za-z0-9_-]{0,31}")) {
                throw new IllegalArgumentException("Invalid protocol name \"" + name
                        + "\": use letters, digits, '-' or '_', starting with a letter, such as HTTPS or SSH.");
            }
            return name.toUpperCase(Locale.ROOT);
        }
    }

    /** The resolved, immutable configuration of a hub. */
    static final class Settings {
        final Path cacheDir;
        final GitHost defaultHost;
        final String protocol;
        final TrustPolicy trustPolicy;
        final boolean offline;
        final ProgressListener progress;
        final Duration connectTimeout;
        final Duration readTimeout;
        final SSLContext sslContext;
        final Map<String, String> environment;
        final Map<String, String> settings;
        final List<RepoFetcher> fetchers;
        final boolean serviceLoading;

        Settings(Builder b, Map<String, String> env) {
            this.environment = Map.copyOf(env);
            this.cacheDir = b.cacheDir != null ? b.cacheDir : defaultCacheDir();
            this.defaultHost = b.defaultHost != null ? b.defaultHost
                    : GitHost.parse(env("JHUB_GIT_HOST").orElse(HubDefaults.DEFAULT_GIT_HOST));
            this.protocol = b.protocol != null ? b.protocol
                    : Builder.checkProtocolName(env("JHUB_PROTOCOL").orElse(HubDefaults.DEFAULT_PROTOCOL));
            this.trustPolicy = b.trustPolicy;
            this.offline = b.offline != null ? b.offline
                    : env(HubDefaults.ENV_OFFLINE).map(v -> v.equals("1") || v.equalsIgnoreCase("true"))
                    .orElse(false);
            this.progress = b.progress;
            this.connectTimeout = b.connectTimeout;
            this.readTimeout = b.readTimeout;
            this.sslContext = b.sslContext;
            this.settings = Map.copyOf(b.settings);
            this.fetchers = List.copyOf(b.fetchers);
            this.serviceLoading = b.serviceLoading;
        }

        Optional<String> env(String name) {
            return Optional.ofNullable(environment.get(name)).filter(v -> !v.isEmpty());
        }

        Optional<String> setting(String key) {
            return Optional.ofNullable(settings.get(key)).or(() -> Optional.ofNullable(System.getProperty("jhub." + key)));
        }

        private Path defaultCacheDir() {
            return env(HubDefaults.ENV_HOME).map(Path::of)
                    .or(() -> env("XDG_CACHE_HOME").map(x -> Path.of(x, "jhub")))
                    .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache", "jhub"))
                    .toAbsolutePath().normalize();
        }
    }
}
