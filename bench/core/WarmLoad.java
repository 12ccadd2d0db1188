import io.jhub.core.Hub;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * In-process warm load: a new Hub per round over a warm cache, timing importModule + one entry call.
 * Usage: java --module-path ... --add-modules io.jhub.core WarmLoad.java <cache-dir> <repo-dir> <rounds>
 */
public class WarmLoad {
    public static void main(String[] args) {
        Path cache = Path.of(args[0]);
        Path repo = Path.of(args[1]);
        int rounds = Integer.parseInt(args[2]);
        double[] ms = new double[rounds];
        for (int i = 0; i < rounds; i++) {
            long t0 = System.nanoTime();
            Hub hub = Hub.builder().cacheDir(cache).build();
            Object result = hub.repo(repo).load("classify", 5.1, 3.5, 1.4, 0.2);
            ms[i] = (System.nanoTime() - t0) / 1e6;
            if (!"setosa".equals(result)) {
                throw new IllegalStateException("unexpected result " + result);
            }
        }
        double[] later = Arrays.copyOfRange(ms, 1, ms.length);
        Arrays.sort(later);
        System.out.printf("in-process warm load, new Hub each round: first %.1f ms, median of next %d: %.2f ms,"
                + " min %.2f ms, max %.2f ms%n", ms[0], later.length, later[later.length / 2], later[0],
                later[later.length - 1]);
    }
}
