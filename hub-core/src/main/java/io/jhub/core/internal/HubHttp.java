package io.jhub.core.internal;

import io.jhub.api.spi.FetchContext;
import io.jhub.http.HttpEngine;
import io.jhub.http.download.FileDownloads;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Builds a hub's one HTTP engine and its file downloads from the hub's settings, timeouts, environment and TLS
 * context; both are shared by its fetchers (through {@link FetchContext#service(Class)}) and its weights.
 */
public final class HubHttp {
    private HubHttp() {
    }

    /**
     * Builds a hub's engine (no plain http; see {@link HttpEngine#withPlainHttp(boolean)}).
     *
     * @param hub the hub's settings, timeouts, environment and TLS context
     * @param client the application's own client, if it handed one in
     * @return a new engine
     * @throws IllegalArgumentException if a setting is malformed (the message names it)
     */
    public static HttpEngine engine(FetchContext hub, Optional<HttpClient> client) {
        HttpEngine.Builder b = HttpEngine.builder().context(hub);
        client.ifPresent(b::httpClient);
        return b.build();
    }

    /**
     * Builds a hub's file downloads: its cache, engine, offline mode, progress and {@code download.*} settings.
     *
     * @param hub the hub's settings
     * @param cacheDir the hub's cache directory
     * @param offline whether the hub is offline
     * @param engine the hub's engine
     * @return the downloads
     * @throws IllegalArgumentException if a setting is malformed (the message names it)
     */
    public static FileDownloads downloads(FetchContext hub, Path cacheDir, boolean offline, HttpEngine engine) {
        return FileDownloads.of(cacheDir, engine).offline(offline).progress(hub.progress()).settings(hub::setting);
    }
}
