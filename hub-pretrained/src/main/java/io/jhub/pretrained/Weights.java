package io.jhub.pretrained;

import io.jhub.core.Hub;
import io.jhub.core.http.DownloadOptions;
import io.jhub.core.http.Downloads;
import java.net.URI;
import java.nio.file.Path;

/**
 * Downloads weights files by URL into the hub's cache: once, verified, resumable, in parallel ranges when large.
 * This is what {@code jhub download <url>} calls.
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
     */
    public static Path download(URI uri) {
        return Downloads.download(uri, DownloadOptions.defaults());
    }

    /**
     * Downloads with the current entry's hub (else the default hub).
     *
     * @param uri a {@code https:} or {@code file:} URL
     * @param options hash, file name, progress, offline, connections
     * @return the verified cached file
     * @throws io.jhub.api.DownloadException if the transfer fails
     * @throws io.jhub.api.IntegrityException if the hash does not match (the file is deleted)
     * @throws io.jhub.api.OfflineException if offline and the file is not cached
     */
    public static Path download(URI uri, DownloadOptions options) {
        return Downloads.download(uri, options);
    }

    /**
     * Downloads with the given hub.
     *
     * @param hub the hub whose cache, settings, TLS and offline mode to use
     * @param uri a {@code https:} or {@code file:} URL
     * @param options hash, file name, progress, offline, connections
     * @return the verified cached file
     * @throws io.jhub.api.DownloadException if the transfer fails
     * @throws io.jhub.api.IntegrityException if the hash does not match (the file is deleted)
     * @throws io.jhub.api.OfflineException if offline and the file is not cached
     */
    public static Path download(Hub hub, URI uri, DownloadOptions options) {
        return Downloads.download(hub, uri, options);
    }
}
