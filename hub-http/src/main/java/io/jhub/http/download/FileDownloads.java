package io.jhub.http.download;

import io.jhub.api.HubDefaults;
import io.jhub.api.ProgressListener;
import io.jhub.http.HttpEngine;
import io.jhub.http.internal.WholeSetting;
import io.jhub.http.internal.download.DownloadSite;
import io.jhub.http.internal.download.Downloader;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Downloads files into a cache directory (the original hub's {@code download_from_url}, done safely). The file
 * lands in {@code <cache>/weights/<first 6 hex of sha256(url)>_<file name>}; it is written to a partial file,
 * verified (SHA-256 when known) and renamed into place, under a lock that holds across threads and processes,
 * so callers only ever see complete, verified files. Interrupted transfers resume, also in a later process; large
 * files on servers that honour ranges are fetched over several connections. A cache hit reads neither the
 * network nor the whole file.
 *
 * <p>An instance is immutable and safe to share: its inputs are explicit (the cache directory, the engine, the
 * offline mode, the progress listener and the transfer tuning); a {@link DownloadOptions} can override some of
 * them per download.
 *
 * @since 0.2
 */
public final class FileDownloads {
    /** Smallest file fetched in parallel ranges unless the settings say otherwise (8 MiB). */
    public static final long DEFAULT_PARALLEL_MIN = 8L << 20;
    /**
     * Parallel connections unless the settings or the options say otherwise: one per core, 2 to 4. TLS decryption
     * makes each connection CPU-bound, so more connections than cores only add overhead.
     */
    public static final int DEFAULT_CONNECTIONS = Math.max(2, Math.min(4, Runtime.getRuntime().availableProcessors()));

    private final DownloadSite site;

    private FileDownloads(DownloadSite site) {
        this.site = site;
    }

    /**
     * Returns downloads into {@code cacheDir} over {@code engine}, online, reporting nowhere, with the default
     * tuning.
     *
     * @param cacheDir the cache's root directory (files go to its {@code weights} directory)
     * @param engine the engine for {@code https:} (and, when an option allows it, {@code http:}) URLs
     * @return the downloads
     */
    public static FileDownloads of(Path cacheDir, HttpEngine engine) {
        return new FileDownloads(new DownloadSite(Objects.requireNonNull(cacheDir, "cacheDir"),
                Objects.requireNonNull(engine, "engine"), false, ProgressListener.NONE, DEFAULT_CONNECTIONS,
                DEFAULT_PARALLEL_MIN, HubDefaults.HTTP_RETRIES));
    }

    /**
     * Returns a copy that never uses the network when {@code offline} is true (cached files only).
     *
     * @param offline whether the network is forbidden
     * @return the copy
     */
    public FileDownloads offline(boolean offline) {
        DownloadSite s = site;
        return new FileDownloads(new DownloadSite(s.cacheDir(), s.engine(), offline, s.progress(), s.connections(),
                s.parallelMinBytes(), s.retries()).withCaches(s.readOnlyCaches(), s.afterInstall()));
    }

    /**
     * Returns a copy that reports progress to {@code listener}.
     *
     * @param listener the listener
     * @return the copy
     */
    public FileDownloads progress(ProgressListener listener) {
        DownloadSite s = site;
        return new FileDownloads(new DownloadSite(s.cacheDir(), s.engine(), s.offline(),
                Objects.requireNonNull(listener, "listener"), s.connections(), s.parallelMinBytes(), s.retries())
                .withCaches(s.readOnlyCaches(), s.afterInstall()));
    }

    /**
     * Returns a copy tuned by a hub's settings: {@code download.connections} (1 to 32),
     * {@code download.parallelMinBytes} (at least 1) and {@code http.retries} (0 to 100, how often a broken body
     * or range is resumed). Unset settings keep this instance's values.
     *
     * @param settings a lookup returning a setting's value, empty when unset
     * @return the copy
     * @throws IllegalArgumentException if a setting is malformed (the message names it)
     */
    public FileDownloads settings(Function<String, Optional<String>> settings) {
        Objects.requireNonNull(settings, "settings");
        DownloadSite s = site;
        return new FileDownloads(new DownloadSite(s.cacheDir(), s.engine(), s.offline(), s.progress(),
                (int) WholeSetting.read(settings, "download.connections", s.connections(), 1, 32),
                WholeSetting.read(settings, "download.parallelMinBytes", s.parallelMinBytes(), 1, Long.MAX_VALUE),
                (int) WholeSetting.read(settings, "http.retries", s.retries(), 0, 100))
                .withCaches(s.readOnlyCaches(), s.afterInstall()));
    }

    /**
     * Returns a copy that looks for a file in prepared, read-only caches before its own: a verified file found
     * there is used in place, and nothing there is ever written, locked or touched.
     *
     * @param roots cache roots (each holding a {@code weights} directory), searched in order
     * @return the copy
     * @since 0.3
     */
    public FileDownloads readOnlyCaches(List<Path> roots) {
        return new FileDownloads(site.withCaches(List.copyOf(roots), site.afterInstall()));
    }

    /**
     * Returns a copy that tells {@code hook} the path of every file it installs, after the install (a bounded
     * cache evicts other entries then). The hook's failures propagate to the download call.
     *
     * @param hook receives the installed file
     * @return the copy
     * @since 0.3
     */
    public FileDownloads afterInstall(Consumer<Path> hook) {
        return new FileDownloads(site.withCaches(site.readOnlyCaches(), Objects.requireNonNull(hook, "hook")));
    }

    /**
     * Returns the verified cached file of {@code uri}, downloading it first if needed.
     *
     * @param uri a {@code https:} or {@code file:} URL ({@code http:} when the options allow it)
     * @param options what to check and how to transfer
     * @return the verified cached file
     * @throws io.jhub.api.DownloadException if the transfer fails
     * @throws io.jhub.api.IntegrityException if the file's SHA-256 is not the expected one (the file is deleted)
     * @throws io.jhub.api.OfflineException if offline and the file is not cached
     * @throws IllegalArgumentException if the URL is not https, file or allowed http
     */
    public Path download(URI uri, DownloadOptions options) {
        Objects.requireNonNull(uri, "uri");
        return new Downloader(site, options).download(uri);
    }

    /**
     * Returns where the verified file of {@code uri} is or would be cached, without any I/O.
     *
     * @param uri the URL
     * @param options the options (only the file name override matters)
     * @return the cache path
     * @throws IllegalArgumentException if the URL is not https, file or allowed http
     */
    public Path cachePath(URI uri, DownloadOptions options) {
        Objects.requireNonNull(uri, "uri");
        return new Downloader(site, options).cachePath(uri);
    }
}
