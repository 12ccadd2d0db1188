import io.jhub.core.Hub;
import io.jhub.http.download.DownloadOptions;
import io.jhub.pretrained.Weights;
import java.net.URI;
import java.nio.file.Path;

/**
 * Benchmark driver: downloads one URL into a fresh cache with jhub and prints the time taken inside the JVM.
 * Usage: BenchDownload <cacheDir> <url> <connections|default> [sha256]
 * With BENCH_WARMUP=1 it first downloads BENCH_WARMUP_URL (default: the same URL) into a sibling cache (then
 * deleted) and times only the second download: what a long-running application that already downloaded
 * something pays.
 */
public final class BenchDownload {
    public static void main(String[] args) throws java.io.IOException {
        if ("1".equals(System.getenv("BENCH_WARMUP"))) {
            Path warm = Path.of(args[0] + "-warmup");
            String first = System.getenv().getOrDefault("BENCH_WARMUP_URL", args[1]);
            Weights.download(Hub.builder().cacheDir(warm).build(), URI.create(first), DownloadOptions.defaults());
            try (var files = java.nio.file.Files.walk(warm)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
            }
        }
        long t0 = System.nanoTime();
        DownloadOptions.Builder o = DownloadOptions.builder();
        if (!args[2].equals("default")) {
            o.connections(Integer.parseInt(args[2]));
        }
        if (args.length > 3) {
            o.sha256(args[3]);
        }
        Hub hub = Hub.builder().cacheDir(Path.of(args[0])).build();
        Path p = Weights.download(hub, URI.create(args[1]), o.build());
        long ms = (System.nanoTime() - t0) / 1_000_000;
        System.out.println("jhub-inside-jvm-ms " + ms + " " + p);
    }
}
