/**
 * The one HTTP engine of jhub, over JDK sockets ({@link io.jhub.http.HttpEngine}: TLS with hostname verification,
 * keep-alive, chunked and fixed bodies, proxies from the environment, redirects whose credentials never cross
 * hosts, retries with {@code Retry-After}, timeouts and limits), or over an application's own
 * {@code java.net.http.HttpClient}; and the download engine ({@link io.jhub.http.download.FileDownloads}: ranges,
 * resume, parallel segments, verified atomic installs). JDK only.
 *
 * @since 0.2
 */
module io.jhub.http {
    requires transitive io.jhub.api;
    requires transitive java.net.http;

    exports io.jhub.http;
    exports io.jhub.http.download;
    // the crash-safe file writes and cross-process locks that the hub's caches share with downloads
    exports io.jhub.http.internal.cache to io.jhub.core;
    // the weights cache's layout and records, for the hub's cache inventory (jhub cache ls, eviction)
    exports io.jhub.http.internal.download to io.jhub.core;
}
