package io.jhub.core;

import io.jhub.api.GitHost;
import io.jhub.api.HubDefaults;
import io.jhub.api.ProgressListener;
import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.core.internal.HubHttp;
import io.jhub.http.HttpEngine;
import io.jhub.http.download.FileDownloads;
import java.io.File;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.function.Consumer;
import javax.net.ssl.SSLContext;

/** The resolved, immutable configuration of a hub; also what its fetchers get as their {@link FetchContext}. */
final class HubSettings implements FetchContext {
    /** The folder of the writable cache that holds the fetchers' state directories, one per protocol. */
    static final String STATE = "state";
    final Path cacheDir;
    final GitHost defaultHost;
    final String protocol;
    final TrustPolicy trustPolicy;
    final Optional<TrustPrompt> trustPrompt;
    final boolean offline;
    final ProgressListener progress;
    final Duration connectTimeout;
    final Duration readTimeout;
    final SSLContext sslContext;
    final Map<String, String> environment;
    final Map<String, String> settings;
    final List<RepoFetcher> fetchers;
    final boolean serviceLoading;
    final Optional<HttpClient> httpClient;
    final OptionalLong cacheMaxSize;
    final List<Path> readOnlyCaches;
    // (an anonymous class, not a lambda: linking a lambda costs a fresh JVM milliseconds on every start)
    private volatile Consumer<Path> afterWeightsInstall = new Consumer<>() {
        @Override
        public void accept(Path installed) {
        }
    };
    final RefreshPolicy refresh;
    final Path lockFile;
    final boolean locked;
    private HttpEngine engine;
    private FileDownloads downloads;

    HubSettings(HubBuilder b, Map<String, String> env) {
        this.environment = Map.copyOf(env);
        this.cacheDir = b.cacheDir != null ? b.cacheDir : defaultCacheDir();
        this.defaultHost = b.defaultHost != null ? b.defaultHost
                : GitHost.parse(env("JHUB_GIT_HOST").orElse(HubDefaults.DEFAULT_GIT_HOST));
        this.protocol = b.protocol != null ? b.protocol
                : HubBuilder.checkProtocolName(env("JHUB_PROTOCOL").orElse(HubDefaults.DEFAULT_PROTOCOL));
        this.trustPolicy = b.trustPolicy;
        this.trustPrompt = Optional.ofNullable(b.trustPrompt);
        String offlineEnv = env(HubDefaults.ENV_OFFLINE).orElse("");
        this.offline = b.offline != null ? b.offline : offlineEnv.equals("1") || offlineEnv.equalsIgnoreCase("true");
        this.progress = b.progress;
        this.connectTimeout = b.connectTimeout;
        this.readTimeout = b.readTimeout;
        this.sslContext = b.sslContext;
        this.settings = Map.copyOf(b.settings);
        this.fetchers = List.copyOf(b.fetchers);
        this.serviceLoading = b.serviceLoading;
        this.httpClient = Optional.ofNullable(b.httpClient);
        this.cacheMaxSize = b.cacheMaxSize != null ? OptionalLong.of(b.cacheMaxSize) : maxSizeSetting();
        this.readOnlyCaches = b.readOnlyCaches != null ? b.readOnlyCaches : readOnlySetting();
        Optional<String> refreshSetting = setting(RefreshPolicy.SETTING);
        this.refresh = b.refresh != null ? b.refresh
                : refreshSetting.isPresent() ? RefreshPolicy.parse(refreshSetting.get()) : RefreshPolicy.always();
        this.lockFile = b.lockFile != null ? b.lockFile : Path.of(Lockfile.DEFAULT_NAME).toAbsolutePath();
        this.locked = b.locked;
    }

    /** {@code cache.maxSize}, else {@code JHUB_CACHE_MAX_SIZE}; unset means unbounded. */
    private OptionalLong maxSizeSetting() {
        Optional<String> setting = setting("cache.maxSize");
        if (setting.isPresent()) {
            return OptionalLong.of(ByteSize.parse(setting.get(), "The setting cache.maxSize"));
        }
        Optional<String> env = env("JHUB_CACHE_MAX_SIZE");
        return env.isPresent() ? OptionalLong.of(ByteSize.parse(env.get(), "JHUB_CACHE_MAX_SIZE"))
                : OptionalLong.empty();
    }

    /** {@code cache.readOnly}, else {@code JHUB_CACHE_READONLY}: directories separated by the path separator. */
    private List<Path> readOnlySetting() {
        Optional<String> setting = setting("cache.readOnly");
        String source = setting.isPresent() ? "The setting cache.readOnly" : "JHUB_CACHE_READONLY";
        Optional<String> value = setting.isPresent() ? setting : env("JHUB_CACHE_READONLY");
        if (value.isEmpty()) {
            return List.of();
        }
        List<Path> dirs = new ArrayList<>();
        for (String part : value.get().split(java.util.regex.Pattern.quote(File.pathSeparator))) {
            if (!part.isBlank()) {
                dirs.add(HubBuilder.readOnlyDir(Path.of(part.strip()), source));
            }
        }
        return List.copyOf(dirs);
    }

    /**
     * Sets what is told about every weights file the hub's downloads install (before the first download).
     *
     * @param hook the hub's eviction
     */
    void afterWeightsInstall(Consumer<Path> hook) {
        this.afterWeightsInstall = hook;
    }

    @Override
    public Duration connectTimeout() {
        return connectTimeout != null ? connectTimeout : HubDefaults.HTTP_CONNECTION_TIMEOUT;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout != null ? readTimeout : HubDefaults.HTTP_READ_TIMEOUT;
    }

    @Override
    public ProgressListener progress() {
        return progress;
    }

    @Override
    public Optional<SSLContext> sslContext() {
        return Optional.ofNullable(sslContext);
    }

    @Override
    public Optional<String> env(String name) {
        // plain code rather than Optional chains here and below: each lambda's first use costs a fresh JVM time
        String value = environment.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    @Override
    public Optional<String> setting(String key) {
        String value = settings.get(key);
        return Optional.ofNullable(value != null ? value : System.getProperty("jhub." + key));
    }

    /**
     * Offers the hub's {@link HttpEngine} and its {@link FileDownloads}, made on first use and shared by its
     * downloads and fetchers.
     *
     * @throws IllegalArgumentException if an HTTP setting ({@code http.retries}, a limit) or, for the downloads, a
     *         {@code download.*} setting is malformed
     */
    @Override
    public <T> Optional<T> service(Class<T> type) {
        if (type != HttpEngine.class && type != FileDownloads.class) {
            return Optional.empty();
        }
        synchronized (this) {
            if (engine == null) {
                engine = HubHttp.engine(this, httpClient);
            }
            if (type == HttpEngine.class) {
                return Optional.of(type.cast(engine));
            }
            if (downloads == null) {
                downloads = HubHttp.downloads(this, cacheDir, offline, engine).readOnlyCaches(readOnlyCaches)
                        .afterInstall(afterWeightsInstall);
            }
            return Optional.of(type.cast(downloads));
        }
    }

    /**
     * Returns {@code <cache>/state/<protocol in lower case>}: the writable cache always exists, so every fetcher
     * gets one. The directory is not created here (this runs on every ref lookup); the fetcher creates it when it
     * first writes. {@code jhub cache clean} deletes it with the rest.
     *
     * @throws IllegalArgumentException if {@code protocol} is not a protocol name
     */
    @Override
    public Optional<Path> stateDirectory(String protocol) {
        String name = HubBuilder.checkProtocolName(protocol).toLowerCase(java.util.Locale.ROOT);
        return Optional.of(cacheDir.resolve(STATE).resolve(name));
    }

    private Path defaultCacheDir() {
        Optional<String> home = env(HubDefaults.ENV_HOME);
        Optional<String> xdg = env("XDG_CACHE_HOME");
        Path dir = home.isPresent() ? Path.of(home.get())
                : xdg.isPresent() ? Path.of(xdg.get(), "jhub")
                : Path.of(System.getProperty("user.home"), ".cache", "jhub");
        return dir.toAbsolutePath().normalize();
    }
}
