import io.jhub.core.Hub;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * In-process repeated load of a remote repository with its tree cached: one Hub, one JVM, the same
 * {@code load} called again and again, once following the branch (a ref lookup each time) and once pinned to the
 * commit (no network). The JVM's trust store is the one given with {@code -Djavax.net.ssl.trustStore}.
 * Args: cacheDir host:port owner/name commit rounds. Prints the median and the quartiles of each, in ms.
 */
public class RepeatedLoad {
    public static void main(String[] args) {
        Path cache = Path.of(args[0]);
        String host = args[1];
        String repo = args[2];
        String commit = args[3];
        int rounds = Integer.parseInt(args[4]);
        Hub hub = Hub.builder().cacheDir(cache).gitHost(host).build();
        hub.trust(repo);
        double[] branch = new double[rounds];
        double[] pinned = new double[rounds];
        for (int i = -20; i < rounds; i++) { // 20 warm-up rounds of each, interleaved with the timed ones
            long t0 = System.nanoTime();
            check(hub.repo(repo).load("classify", 5.1, 3.5, 1.4, 0.2));
            long t1 = System.nanoTime();
            check(hub.repo(repo).commit(commit).load("classify", 5.1, 3.5, 1.4, 0.2));
            long t2 = System.nanoTime();
            if (i >= 0) {
                branch[i] = (t1 - t0) / 1e6;
                pinned[i] = (t2 - t1) / 1e6;
            }
        }
        System.out.println("in-process repeated load, branch (ref lookup): " + stats(branch));
        System.out.println("in-process repeated load, pinned commit:       " + stats(pinned));
    }

    private static void check(Object result) {
        if (!"setosa".equals(result)) {
            throw new IllegalStateException("unexpected result " + result);
        }
    }

    private static String stats(double[] ms) {
        double[] s = ms.clone();
        Arrays.sort(s);
        return String.format("median %.2f ms (quartiles %.2f-%.2f, n=%d)", s[s.length / 2], s[s.length / 4],
                s[3 * s.length / 4], s.length);
    }
}
