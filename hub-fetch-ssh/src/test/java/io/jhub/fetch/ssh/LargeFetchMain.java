package io.jhub.fetch.ssh;

import io.jhub.testkit.TestFetchContext;
import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchRequest;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Fetches one repository over SSH in its own JVM (started with a small heap by {@link LargeRepoTest} and the
 * benchmark). Arguments: host:port owner/repo[:ref] target identity known_hosts. Prints the commit and the peak
 * heap use. Further arguments {@code key=value} are extra fetcher settings (e.g. {@code ssh.user=root}).
 */
public final class LargeFetchMain {
    private LargeFetchMain() {
    }

    /**
     * Runs one fetch.
     *
     * @param args host:port, repository, target directory, private key, known_hosts
     * @throws Exception on failure (the exit status is then non-zero)
     */
    public static void main(String[] args) throws Exception {
        TestFetchContext ctx = new TestFetchContext();
        ctx.settings.put("ssh.identity", args[3]);
        ctx.settings.put("ssh.knownHosts", args[4]);
        ctx.settings.put("ssh.config", "none");
        ctx.env.put("HOME", Path.of(args[2]).toAbsolutePath().getParent().toString());
        for (int i = 5; i < args.length; i++) {
            int eq = args[i].indexOf('=');
            ctx.settings.put(args[i].substring(0, eq), args[i].substring(eq + 1));
        }
        FetchRequest req = new FetchRequest(GitHost.parse(args[0]), RepoInfo.parse(args[1]), Optional.empty());
        java.util.concurrent.atomic.AtomicLong peak = new java.util.concurrent.atomic.AtomicLong();
        Thread sampler = new Thread(() -> {
            Runtime rt = Runtime.getRuntime();
            while (!Thread.currentThread().isInterrupted()) {
                peak.accumulateAndGet(rt.totalMemory() - rt.freeMemory(), Math::max);
                try {
                    Thread.sleep(20); // sampling only, not synchronisation
                } catch (InterruptedException e) {
                    return;
                }
            }
        });
        sampler.setDaemon(true);
        sampler.start();
        long t0 = System.nanoTime();
        java.util.Map<String, long[]> phases = new java.util.concurrent.ConcurrentHashMap<>();
        ctx.progress = e -> phases.computeIfAbsent(e.phase().name(), k -> new long[] {System.nanoTime(), 0})[1]
                = System.nanoTime();
        var res = new SshFetcher().fetch(req, Path.of(args[2]), ctx);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        sampler.interrupt();
        System.out.println("commit=" + res.commit().orElse("?") + " ms=" + ms + " sampledPeakHeapBytes=" + peak.get()
                + " maxHeapBytes=" + Runtime.getRuntime().maxMemory());
        phases.forEach((k, v) -> System.out.println("phase " + k + " from " + (v[0] - t0) / 1_000_000 + " ms to "
                + (v[1] - t0) / 1_000_000 + " ms"));
    }
}
