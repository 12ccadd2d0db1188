package io.jhub.http.internal.download;

import io.jhub.api.ProgressListener;
import io.jhub.http.HttpEngine;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

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
 * @param readOnlyCaches cache roots searched before {@code cacheDir}, never written, locked or touched
 * @param afterInstall told the path of every file this site installed (a bounded cache evicts then)
 */
public record DownloadSite(Path cacheDir, HttpEngine engine, boolean offline, ProgressListener progress,
                           int connections, long parallelMinBytes, int retries, List<Path> readOnlyCaches,
                           Consumer<Path> afterInstall) {
    /**
     * A site with no read-only caches and nothing to tell after an install.
     *
     * @param cacheDir the cache's root directory
     * @param engine the HTTP engine
     * @param offline whether the network is forbidden
     * @param progress where progress goes unless the options say otherwise
     * @param connections parallel connections unless the options say otherwise
     * @param parallelMinBytes smallest file fetched in parallel ranges
     * @param retries how often a broken body or range is resumed
     */
    public DownloadSite(Path cacheDir, HttpEngine engine, boolean offline, ProgressListener progress,
            int connections, long parallelMinBytes, int retries) {
        this(cacheDir, engine, offline, progress, connections, parallelMinBytes, retries, List.of(), p -> { });
    }

    /**
     * Checks the components.
     *
     * @throws NullPointerException if one is null
     */
    public DownloadSite {
        Objects.requireNonNull(cacheDir, "cacheDir");
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(progress, "progress");
        readOnlyCaches = List.copyOf(readOnlyCaches);
        Objects.requireNonNull(afterInstall, "afterInstall");
    }

    /**
     * Returns a copy with other read-only caches and install hook.
     *
     * @param readOnly cache roots searched first
     * @param hook told every installed path
     * @return the copy
     */
    public DownloadSite withCaches(List<Path> readOnly, Consumer<Path> hook) {
        return new DownloadSite(cacheDir, engine, offline, progress, connections, parallelMinBytes, retries,
                readOnly, hook);
    }
}
