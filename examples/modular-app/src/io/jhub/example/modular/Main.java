package io.jhub.example.modular;

import io.jhub.core.Hub;
import io.jhub.core.HubRepo;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Classifies one iris flower with the {@code classify} entry of a hub repository and prints the species.
 *
 * <pre>Main &lt;repo-dir | owner/name[:ref]&gt; sepalLength sepalWidth petalLength petalWidth</pre>
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the example.
     *
     * @param args the repository (a local directory or {@code owner/name[:ref]}) and four measurements in cm
     */
    public static void main(String[] args) {
        if (args.length != 5) {
            System.err.println("usage: Main <repo-dir | owner/name[:ref]> sepalLength sepalWidth petalLength petalWidth");
            System.exit(2);
        }
        Hub hub = Hub.builder().build();
        Path dir = Path.of(args[0]);
        HubRepo repo = Files.isDirectory(dir) ? hub.repo(dir) : hub.repo(args[0]);
        Object species = repo.load("classify", Double.parseDouble(args[1]), Double.parseDouble(args[2]),
                Double.parseDouble(args[3]), Double.parseDouble(args[4]));
        System.out.println(species);
    }
}
