package io.jhub.http.internal.download;

import io.jhub.api.ProgressListener;
import io.jhub.http.HttpEngine;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Where and how downloads run: everything a download needs besides its URL and options.
 *
 * @param cacheDir the cache's root directory
 * @param engine the HTTP engine
 * @param offline whether the network is forbidden
 * @param progress where progress goes unless the options say otherwise
 * @param connections parallel connections unless the options say otherwise
 * @param parallelMinBytes smallest file fetched in parallel ranges
 * @param retries how often a broken body or range is resumed
 */
public record DownloadSite(Path cacheDir, HttpEngine engine, boolean offline, ProgressListener progress,
                           int connections, long parallelMinBytes, int retries) {
    /**
     * Checks the components.
     *
     * @throws NullPointerException if one is null
     */
    public DownloadSite {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(progress, "progress");
    }
}
