import io.jhub.api.GitHost;
import io.jhub.api.ProgressListener;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchRequest;
import io.jhub.http.HttpCall;
import io.jhub.http.HttpEngine;
import io.jhub.fetch.https.HttpsFetcher;
import io.jhub.fetch.https.internal.ArchiveExtractor;
import io.jhub.git.TreeLimits;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * One phase of jhub's fetch+extract, for a fresh JVM: prints "<phase> <ms>" (time inside the JVM), then with
 * -Dthreads=true the CPU time of each live thread group and of the process (from /proc; threads that ended, such
 * as the extraction's writer threads, only count in the process line). Phases:
 * tls URL TRUST (download, bytes dropped) | gunzip FILE | untar FILE (gunzip + tar parsing, data dropped) |
 * extract FILE TARGET (from a local archive) | fetch HOST OWNER/NAME COMMIT TRUST TARGET (HttpsFetcher, as BenchFetch).
 */
public class PhaseProfile {
    public static void main(String[] a) throws Exception {
        long t0 = System.nanoTime();
        switch (a[0]) {
            case "tls" -> HttpEngine.fromContext(BenchFetch.context(Path.of(a[2])))
                    .send(HttpCall.get(URI.create(a[1])), reply -> drain(reply.body()));
            case "gunzip" -> {
                try (InputStream in = gunzip(Path.of(a[1]))) {
                    drain(in);
                }
            }
            case "untar" -> {
                try (TarArchiveInputStream tar = new TarArchiveInputStream(gunzip(Path.of(a[1])))) {
                    while (tar.getNextEntry() != null) {
                        drain(tar);
                    }
                }
            }
            case "extract" -> {
                try (InputStream in = Files.newInputStream(Path.of(a[1]))) {
                    ArchiveExtractor.extract(in, () -> { }, Path.of(a[2]), new TreeLimits(1_000_000, 1L << 40, "the bench"),
                            ProgressListener.NONE, "local file");
                }
            }
            case "fetch" -> new HttpsFetcher().fetch(new FetchRequest(GitHost.parse(a[1]), RepoInfo.parse(a[2]),
                    Optional.of(a[3])), Path.of(a[5]), BenchFetch.context(Path.of(a[4])));
            default -> throw new IllegalArgumentException("unknown phase " + a[0]);
        }
        System.out.println(a[0] + " " + (System.nanoTime() - t0) / 1_000_000);
        if (Boolean.getBoolean("threads")) {
            threads();
        }
    }

    static InputStream gunzip(Path file) throws IOException {
        return GzipCompressorInputStream.builder().setInputStream(new BufferedInputStream(Files.newInputStream(file),
                64 * 1024)).setDecompressConcatenated(true).get();
    }

    static long drain(InputStream in) throws IOException {
        byte[] b = new byte[64 * 1024];
        long n = 0;
        for (int r; (r = in.read(b)) >= 0; ) {
            n += r;
        }
        return n;
    }

    /** CPU ms (user, system) per thread name without its trailing number, then of the whole process. */
    static void threads() throws IOException {
        Map<String, long[]> byName = new TreeMap<>();
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/self/task"))) {
            for (Path task : tasks) {
                try {
                    String name = Files.readString(task.resolve("comm")).trim().replaceAll("[0-9]+$", "N");
                    long[] t = ticks(Files.readString(task.resolve("stat")));
                    long[] sum = byName.computeIfAbsent(name, k -> new long[2]);
                    sum[0] += t[0];
                    sum[1] += t[1];
                } catch (IOException ended) {
                    // the thread ended while we looked
                }
            }
        }
        byName.forEach((name, t) -> {
            if (t[0] + t[1] > 0) {
                System.out.printf("  %-22s user %6d ms  sys %6d ms%n", name, t[0] * 10, t[1] * 10);
            }
        });
        long[] all = ticks(Files.readString(Path.of("/proc/self/stat")));
        System.out.printf("  %-22s user %6d ms  sys %6d ms%n", "(process, all threads)", all[0] * 10, all[1] * 10);
    }

    /** utime and stime of a /proc stat line, in clock ticks (100 per second on Linux). */
    static long[] ticks(String stat) {
        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return new long[] {Long.parseLong(f[11]), Long.parseLong(f[12])};
    }
}
