import io.jhub.api.GitHost;
import io.jhub.api.ProgressListener;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.fetch.https.HttpsFetcher;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.time.Duration;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/**
 * Fetches a pinned commit with the HTTPS fetcher (download + streaming extraction) several times in one JVM and
 * prints one line per round: "round <n> <ms>". Between rounds the previous tree is deleted and `sync` run
 * (untimed), as the script does between curl+tar rounds; the last tree is kept for comparison. Args: host owner/name commit trustStore outDir rounds.
 */
public class BenchFetch {
    public static void main(String[] args) throws Exception {
        FetchContext ctx = context(Path.of(args[3]));
        FetchRequest req = new FetchRequest(GitHost.parse(args[0]), RepoInfo.parse(args[1]), Optional.of(args[2]));
        HttpsFetcher fetcher = new HttpsFetcher();
        int rounds = Integer.parseInt(args[5]);
        for (int i = 1; i <= rounds; i++) {
            if (i > 1) {
                // like the curl+tar rounds: the previous tree is removed and the disk synced, outside the timing
                Path previous = Path.of(args[4], "jhub-" + (i - 1));
                try (var walk = Files.walk(previous)) {
                    walk.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
                }
                new ProcessBuilder("sync").inheritIO().start().waitFor();
            }
            Path target = Files.createDirectories(Path.of(args[4], "jhub-" + i));
            long t0 = System.nanoTime();
            fetcher.fetch(req, target, ctx);
            System.out.println("round " + i + " " + (System.nanoTime() - t0) / 1_000_000);
        }
        long peak = 0;
        StringBuilder pools = new StringBuilder();
        for (var pool : java.lang.management.ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                peak += pool.getPeakUsage().getUsed();
                pools.append(pools.length() == 0 ? "" : ", ").append(pool.getName()).append(' ')
                        .append(pool.getPeakUsage().getUsed() >> 20).append(" MiB");
            }
        }
        System.out.println("peak-heap " + peak);
        System.out.println("peak-heap-pools " + pools);
    }

    /** A fetch context trusting only the PKCS12 trust store of the bench server (password "changeit"). */
    static FetchContext context(Path trustStore) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (var in = Files.newInputStream(trustStore)) {
            ks.load(in, "changeit".toCharArray());
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(ks);
        SSLContext ssl = SSLContext.getInstance("TLS");
        ssl.init(null, tmf.getTrustManagers(), null);
        return new FetchContext() {
            public Duration connectTimeout() { return Duration.ofSeconds(5); }
            public Duration readTimeout() { return Duration.ofSeconds(60); }
            public ProgressListener progress() { return ProgressListener.NONE; }
            public Optional<String> setting(String key) { return Optional.empty(); }
            public Optional<String> env(String name) { return Optional.empty(); }
            public Optional<SSLContext> sslContext() { return Optional.of(ssl); }
        };
    }
}
