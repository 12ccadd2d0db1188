import io.jhub.core.Hub;
import io.jhub.core.http.DownloadOptions;
import io.jhub.core.http.Downloads;
import java.net.URI;
import java.nio.file.Path;

/**
 * Benchmark driver: downloads one URL into a fresh cache with jhub and prints the time taken inside the JVM.
 * Usage: BenchDownload <cacheDir> <url> <connections|default> [sha256]
 */
public final class BenchDownload {
    public static void main(String[] args) {
        long t0 = System.nanoTime();
        DownloadOptions.Builder o = DownloadOptions.builder();
        if (!args[2].equals("default")) {
            o.connections(Integer.parseInt(args[2]));
        }
        if (args.length > 3) {
            o.sha256(args[3]);
        }
        Hub hub = Hub.builder().cacheDir(Path.of(args[0])).build();
        Path p = Downloads.download(hub, URI.create(args[1]), o.build());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("jhub-inside-jvm-ms " + ms + " " + p);
    }
}
