package io.jhub.example.classpath;

import io.jhub.core.Hub;
import io.jhub.core.HubRepo;
import io.jhub.example.classpath.api.SpeciesModel;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A plain class-path application (no module-info): loads the {@code rules} entry of a hub repository, which
 * returns an implementation of this application's {@link SpeciesModel}, and uses it through that interface.
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
        SpeciesModel model = (SpeciesModel) repo.load("rules");
        String species = model.predict(Double.parseDouble(args[1]), Double.parseDouble(args[2]),
                Double.parseDouble(args[3]), Double.parseDouble(args[4]));
        System.out.println(species);
        Module m = model.getClass().getModule();
        System.out.println("model " + model.getClass().getName() + " in module "
                + (m.isNamed() ? m.getName() : "(unnamed)"));
        System.out.println("protocols " + hub.protocols().keySet());
    }
}
