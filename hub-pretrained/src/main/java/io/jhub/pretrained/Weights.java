package io.jhub.pretrained;

import io.jhub.core.Hub;
import io.jhub.http.download.DownloadOptions;
import io.jhub.http.download.FileDownloads;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * The one entry point for weights files: downloads by URL into the hub's cache (the original hub's
 * {@code download_from_url}, done safely). The file lands in
 * {@code <cache>/weights/<first 6 hex of sha256(url)>_<file name>}; it is written to a partial file, verified
 * (SHA-256 when known) and renamed into place under a lock that holds across threads and processes, so callers
 * only ever see complete, verified files. Interrupted transfers resume, also in a later process; large files on
 * servers that honour ranges are fetched over several connections. A cache hit reads neither the network nor the
 * whole file. This is what {@code jhub download <url>} and {@link Pretrained} call; the hub's
 * {@link FileDownloads} do the work.
 *
 * @since 0.1
 */
public final class Weights {
    private Weights() {
    }

    /**
     * Downloads with default options and the current entry's hub (else the default hub).
     *
     * @param uri a {@code https:} or {@code file:} URL
     * @return the verified cached file
     * @throws io.jhub.api.DownloadException if the transfer fails
     * @throws io.jhub.api.OfflineException if offline and the file is not cached
     * @throws IllegalArgumentException if the URL is not https or file
     */
    public static Path download(URI uri) {
        return download(uri, DownloadOptions.defaults());
    }

    /**
     * Downloads with the current entry's hub (see {@link Hub#current()}), else the default hub.
     *
     * @param uri a {@code https:} or {@code file:} URL
     * @param options hash, file name, progress, offline, connections
     * @return the verified cached file
     * @throws io.jhub.api.DownloadException if the transfer fails
     * @throws io.jhub.api.IntegrityException if the hash does not match (the file is deleted)
     * @throws io.jhub.api.OfflineException if offline and the file is not cached
     * @throws IllegalArgumentException if the URL is not https, file or allowed http
     */
    public static Path download(URI uri, DownloadOptions options) {
        return download(Hub.current().orElseGet(Hub::defaultHub), uri, options);
    }

    /**
     * Downloads with the given hub's cache, engine (timeouts, TLS context, proxies, limits), settings, progress and
     * offline mode.
     *
     * @param hub the hub
     * @param uri a {@code https:} or {@code file:} URL
     * @param options hash, file name, progress, offline, connections
     * @return the verified cached file
     * @throws io.jhub.api.DownloadException if the transfer fails
     * @throws io.jhub.api.IntegrityException if the hash does not match (the file is deleted)
     * @throws io.jhub.api.OfflineException if offline and the file is not cached
     * @throws IllegalArgumentException if the URL is not https, file or allowed http, or a hub setting is malformed
     */
    public static Path download(Hub hub, URI uri, DownloadOptions options) {
        return Objects.requireNonNull(hub, "hub").download(uri, options);
    }

    /**
     * Returns where the verified file of {@code uri} is or would be cached in the hub's cache, without any I/O.
     *
     * @param hub the hub
     * @param uri the URL
     * @param options the options (only the file name override matters)
     * @return the cache path
     * @throws IllegalArgumentException if the URL is not https, file or allowed http
     */
    public static Path cachePath(Hub hub, URI uri, DownloadOptions options) {
        return downloads(hub).cachePath(uri, options);
    }

    private static FileDownloads downloads(Hub hub) {
        Objects.requireNonNull(hub, "hub");
        return hub.service(FileDownloads.class)
                .orElseThrow(() -> new IllegalStateException("The hub offers no FileDownloads"));
    }
}
