package io.jhub.core.http;

import io.jhub.core.Hub;
import io.jhub.core.internal.download.Downloader;
import java.net.URI;
import java.nio.file.Path;
import java.util.Objects;

/**
 * Downloads files into the hub's cache (the original hub's {@code download_from_url}, done safely). The file
 * lands in {@code <cache>/weights/<first 6 hex of sha256(url)>_<file name>}; it is written to a partial file,
 * verified (SHA-256 when known) and renamed into place, under a lock that holds across threads and processes,
 * so callers only ever see complete, verified files. Interrupted transfers resume, also in a later process; large
 * files on servers that honour ranges are fetched over several connections. A cache hit reads neither the
 * network nor the whole file.
 *
 * @since 0.1
 */
public final class Downloads {
    private Downloads() {
    }

    /**
     * Downloads with the hub running the current entry (see {@link Hub#current()}), else the default hub.
     *
     * @param uri a {@code https:} or {@code file:} URL
     * @param options what to check and how to transfer
     * @return the verified cached file
     * @throws io.jhub.api.DownloadException if the transfer fails
     * @throws io.jhub.api.IntegrityException if the file's SHA-256 is not the expected one (the file is deleted)
     * @throws io.jhub.api.OfflineException if offline and the file is not cached
     * @throws IllegalArgumentException if the URL is not https, file or allowed http
     */
    public static Path download(URI uri, DownloadOptions options) {
        return download(Hub.current().orElseGet(Hub::defaultHub), uri, options);
    }

    /**
     * Downloads with the given hub's cache, timeouts, TLS context, environment and offline mode.
     *
     * @param hub the hub
     * @param uri a {@code https:} or {@code file:} URL
     * @param options what to check and how to transfer
     * @return the verified cached file
     * @throws io.jhub.api.DownloadException if the transfer fails
     * @throws io.jhub.api.IntegrityException if the file's SHA-256 is not the expected one (the file is deleted)
     * @throws io.jhub.api.OfflineException if offline and the file is not cached
     * @throws IllegalArgumentException if the URL is not https, file or allowed http
     */
    public static Path download(Hub hub, URI uri, DownloadOptions options) {
        Objects.requireNonNull(uri, "uri");
        return new Downloader(hub, options).download(uri);
    }

    /**
     * Returns where the verified file of {@code uri} is or would be cached, without any I/O.
     *
     * @param hub the hub
     * @param uri the URL
     * @param options the options (only the file name override matters)
     * @return the cache path
     */
    public static Path cachePath(Hub hub, URI uri, DownloadOptions options) {
        return new Downloader(hub, options).cachePath(uri);
    }
}
