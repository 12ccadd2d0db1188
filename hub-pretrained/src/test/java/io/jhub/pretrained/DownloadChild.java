package io.jhub.pretrained;

import io.jhub.core.Hub;
import io.jhub.http.download.DownloadOptions;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;

/**
 * A child JVM for the multi-process download tests: {@code DownloadChild <cacheDir> <url> <connections>}. Prints
 * {@code progress <bytes>} lines while it downloads and {@code path <file>} at the end.
 */
public final class DownloadChild {
    private DownloadChild() {
    }

    public static void main(String[] args) {
        Hub hub = Hub.builder().cacheDir(Path.of(args[0])).environment(Map.of())
                .setting("http.backoffBaseMillis", "5").setting("http.backoffMaxMillis", "50")
                .setting("download.parallelMinBytes", Long.toString(1 << 20))
                .progress(e -> {
                    synchronized (System.out) {
                        System.out.println("progress " + e.done());
                        System.out.flush();
                    }
                }).build();
        Path p = Weights.download(hub, URI.create(args[1]),
                DownloadOptions.builder().connections(Integer.parseInt(args[2])).build());
        System.out.println("path " + p);
        System.out.flush();
    }
}
