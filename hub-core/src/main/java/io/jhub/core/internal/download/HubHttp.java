package io.jhub.core.internal.download;

import io.jhub.api.HubDefaults;
import io.jhub.core.Hub;
import io.jhub.core.http.DownloadOptions;
import io.jhub.core.http.HttpEngine;
import io.jhub.core.http.HttpLimits;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The HTTP engine and transfer settings of a hub: one engine per hub, shared by its downloads and its fetchers
 * (through {@link io.jhub.api.spi.FetchContext#service(Class)}). Settings: {@code http.retries},
 * {@code http.backoffBaseMillis}, {@code http.backoffMaxMillis}, the {@link HttpLimits} ({@code http.lowSpeedLimit},
 * {@code http.lowSpeedTime}, {@code http.headersTimeout}, {@code http.deadline}), {@code download.connections},
 * {@code download.parallelMinBytes}.
 */
public final class HubHttp {
    /** Smallest file fetched in parallel ranges unless the hub says otherwise. */
    public static final long DEFAULT_PARALLEL_MIN = 8L << 20;
    /**
     * Parallel connections unless the hub or the options say otherwise: one per core, 2 to 4. TLS decryption
     * makes each connection CPU-bound, so more connections than cores only add overhead (bench/download).
     */
    public static final int DEFAULT_CONNECTIONS =
            Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private static final java.util.List<String> PROXY_VARIABLES = java.util.List.of("https_proxy", "HTTPS_PROXY",
            "http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY");

    private HubHttp() {
    }

    /**
     * Returns the engine for a hub's downloads: the hub's one engine, allowing plain http or not.
     *
     * @param hub the hub
     * @param allowPlainHttp whether http: is allowed
     * @return an engine sharing the hub's connections
     * @throws IllegalArgumentException if an HTTP setting is malformed
     */
    public static HttpEngine engine(Hub hub, boolean allowPlainHttp) {
        return hub.service(HttpEngine.class).orElseThrow(() -> new IllegalStateException("the hub has no engine"))
                .withPlainHttp(allowPlainHttp);
    }

    /**
     * Builds a hub's engine from its settings (no plain http; see {@link HttpEngine#withPlainHttp(boolean)}).
     *
     * @param hub the hub's settings, timeouts, environment and TLS context
     * @param client the application's own client, if it handed one in
     * @return a new engine
     * @throws IllegalArgumentException if a setting is malformed (the message names it)
     */
    public static HttpEngine build(io.jhub.api.spi.FetchContext hub, java.util.Optional<java.net.http.HttpClient>
            client) {
        // a snapshot of the proxy variables, so the engine does not keep the hub reachable
        Map<String, String> proxyEnv = new java.util.HashMap<>();
        for (String n : PROXY_VARIABLES) {
            hub.env(n).ifPresent(v -> proxyEnv.put(n, v));
        }
        HttpEngine.Builder b = HttpEngine.builder().connectTimeout(hub.connectTimeout())
                .readTimeout(hub.readTimeout())
                .environment(n -> java.util.Optional.ofNullable(proxyEnv.get(n)))
                .retries(intSetting(hub::setting, "http.retries", HubDefaults.HTTP_RETRIES, 0, 100))
                .limits(HttpLimits.fromSettings(hub::setting))
                .backoff(Duration.ofMillis(intSetting(hub::setting, "http.backoffBaseMillis", 500, 1, 600_000)),
                        Duration.ofMillis(intSetting(hub::setting, "http.backoffMaxMillis", 30_000, 1, 3_600_000)));
        hub.sslContext().ifPresent(b::sslContext);
        client.ifPresent(b::httpClient);
        return b.build();
    }

    /**
     * Returns the transfer tuning for one download.
     *
     * @param hub the hub
     * @param options the download's options
     * @return the settings
     */
    public static TransferSettings transferSettings(Hub hub, DownloadOptions options) {
        int connections = options.connections().orElseGet(
                () -> intSetting(hub::setting, "download.connections", DEFAULT_CONNECTIONS, 1, 32));
        long min = hub.setting("download.parallelMinBytes").map(v -> parse("download.parallelMinBytes", v, 1,
                Long.MAX_VALUE)).orElse(DEFAULT_PARALLEL_MIN);
        return new TransferSettings(connections, min, intSetting(hub::setting, "http.retries", HubDefaults.HTTP_RETRIES,
                0, 100));
    }

    private static int intSetting(Function<String, Optional<String>> settings, String key, int dflt, int min,
                                  int max) {
        return settings.apply(key).map(v -> (int) parse(key, v, min, max)).orElse(dflt);
    }

    private static long parse(String key, String value, long min, long max) {
        try {
            long v = Long.parseLong(value.trim());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " must be a whole number between " + min + " and "
                    + max + ", got \"" + value + "\"");
        }
    }
}
