package io.jhub.example.logging;

import io.jhub.core.Hub;
import io.jhub.http.download.DownloadOptions;
import io.jhub.http.download.FileDownloads;
import java.net.URI;
import java.nio.file.Path;

/**
 * A class-path application whose logging backend (SLF4J, Log4j, or none) is chosen only by the jars and the
 * configuration on its class path: it downloads one file through a hub, so jhub logs, and logs a line itself.
 * {@code Main <cache-dir> <url>}.
 */
public final class Main {
    private static final System.Logger LOG = System.getLogger("io.jhub.example.logging");

    private Main() {
    }

    /**
     * Downloads {@code args[1]} into the cache {@code args[0]} and prints the cached file's path.
     *
     * @param args the cache directory and a URL (a {@code file:} URL works without network)
     */
    public static void main(String[] args) {
        Hub hub = Hub.builder().cacheDir(Path.of(args[0])).build();
        FileDownloads downloads = hub.service(FileDownloads.class).orElseThrow();
        Path file = downloads.download(URI.create(args[1]), DownloadOptions.defaults());
        LOG.log(System.Logger.Level.INFO, "the application downloaded {0}", file.getFileName());
        System.out.println(file);
    }
}
