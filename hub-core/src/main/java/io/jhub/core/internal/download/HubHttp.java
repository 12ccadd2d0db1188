package io.jhub.core.internal.download;

import io.jhub.api.HubDefaults;
import io.jhub.core.Hub;
import io.jhub.core.http.DownloadOptions;
import io.jhub.core.http.HttpEngine;
import io.jhub.core.http.HttpLimits;
import java.time.Duration;
import java.util.Map;
import java.util.WeakHashMap;

/**
 * The HTTP engine and transfer settings a hub uses for downloads, one engine per hub (and per plain-http
 * choice). Settings: {@code http.retries}, {@code http.backoffBaseMillis}, {@code http.backoffMaxMillis}, the
 * {@link HttpLimits} ({@code http.lowSpeedLimit}, {@code http.lowSpeedTime}, {@code http.headersTimeout},
 * {@code http.deadline}),
 * {@code download.connections}, {@code download.parallelMinBytes}, {@code download.directConnections} (default
 * true: jhub's own blocking connections, straight or through an HTTP proxy, see
 * {@link HttpEngine.Builder#directConnections(boolean)}).
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

    private static final Map<Hub, HttpEngine[]> ENGINES = new WeakHashMap<>();
    private static final java.util.List<String> PROXY_VARIABLES = java.util.List.of("https_proxy", "HTTPS_PROXY",
            "http_proxy", "HTTP_PROXY", "no_proxy", "NO_PROXY");

    private HubHttp() {
    }

    /**
     * Returns the engine for a hub.
     *
     * @param hub the hub
     * @param allowPlainHttp whether http: is allowed
     * @return a shared engine
     */
    public static HttpEngine engine(Hub hub, boolean allowPlainHttp) {
        synchronized (ENGINES) {
            HttpEngine[] pair = ENGINES.computeIfAbsent(hub, h -> new HttpEngine[2]);
            int i = allowPlainHttp ? 1 : 0;
            if (pair[i] == null) {
                // a snapshot of the proxy variables, so the cached engine does not keep the hub reachable
                Map<String, String> proxyEnv = new java.util.HashMap<>();
                for (String n : PROXY_VARIABLES) {
                    hub.env(n).ifPresent(v -> proxyEnv.put(n, v));
                }
                HttpEngine.Builder b = HttpEngine.builder().connectTimeout(hub.connectTimeout())
                        .readTimeout(hub.readTimeout()).allowPlainHttp(allowPlainHttp)
                        .directConnections(booleanSetting(hub, "download.directConnections", true))
                        .environment(n -> java.util.Optional.ofNullable(proxyEnv.get(n)))
                        .retries(intSetting(hub, "http.retries", HubDefaults.HTTP_RETRIES, 0, 100))
                        .limits(HttpLimits.fromSettings(hub::setting))
                        .backoff(Duration.ofMillis(intSetting(hub, "http.backoffBaseMillis", 500, 1, 600_000)),
                                Duration.ofMillis(intSetting(hub, "http.backoffMaxMillis", 30_000, 1, 3_600_000)));
                hub.sslContext().ifPresent(b::sslContext);
                pair[i] = b.build();
            }
            return pair[i];
        }
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
                () -> intSetting(hub, "download.connections", DEFAULT_CONNECTIONS, 1, 32));
        long min = hub.setting("download.parallelMinBytes").map(v -> parse("download.parallelMinBytes", v, 1,
                Long.MAX_VALUE)).orElse(DEFAULT_PARALLEL_MIN);
        return new TransferSettings(connections, min, intSetting(hub, "http.retries", HubDefaults.HTTP_RETRIES, 0,
                100));
    }

    private static boolean booleanSetting(Hub hub, String key, boolean dflt) {
        return hub.setting(key).map(v -> switch (v.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new IllegalArgumentException("Setting " + key + " must be true or false, got \""
                    + v + "\"");
        }).orElse(dflt);
    }

    private static int intSetting(Hub hub, String key, int dflt, int min, int max) {
        return hub.setting(key).map(v -> (int) parse(key, v, min, max)).orElse(dflt);
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
