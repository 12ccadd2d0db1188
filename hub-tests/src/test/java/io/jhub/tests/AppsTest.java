package io.jhub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.Processes;
import io.jhub.tests.support.Artifacts;
import io.jhub.tests.support.Child;
import io.jhub.tests.support.FatJar;
import io.jhub.tests.support.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The applications in {@code examples/}, compiled against the built artifacts and run in child JVMs: a modular
 * app ({@code requires io.jhub.core}) on the module path, a plain class-path app, and the same class-path app
 * shaded into one jar started with {@code java -jar}.
 */
class AppsTest {
    private static final List<String> CORE = List.of("io.jhub.api", "io.jhub.http", "io.jhub.core");

    @TempDir
    static Path work;

    static Path root;
    static Path classifier;
    static Path rulesHub;

    @BeforeAll
    static void copyHubRepos() throws IOException {
        root = Artifacts.projectRoot();
        classifier = copyTree(root.resolve("examples/classifier"), work.resolve("classifier"));
        rulesHub = copyTree(root.resolve("examples/classpath-app/hub"), work.resolve("rules-hub"));
    }

    @Test
    void modularAppLoadsAnEntryOnTheModulePath() {
        Path classes = work.resolve("modular-classes");
        String mp = Artifacts.join(Artifacts.locations(CORE));
        Tools.javac(root.resolve("examples/modular-app/src"), classes, List.of("--module-path", mp));

        Processes.Result r = run(List.of("--module-path", classes + java.io.File.pathSeparator + mp,
                "-m", "io.jhub.example.modular/io.jhub.example.modular.Main",
                classifier.toString(), "5.1", "3.5", "1.4", "0.2"), "modular");

        assertEquals(0, r.exitCode(), Child.describe(r));
        assertEquals("setosa", r.stdout().strip(), Child.describe(r));
    }

    @Test
    void classPathAppCastsTheReturnedObjectToItsOwnApiType() {
        Path classes = compileClassPathApp();
        List<Path> cp = new ArrayList<>(List.of(classes));
        cp.addAll(Artifacts.locations(CORE));

        Processes.Result r = run(List.of("--class-path", Artifacts.join(cp), "io.jhub.example.classpath.Main",
                rulesHub.toString(), "6.7", "3.0", "5.2", "2.3"), "classpath");

        assertEquals(0, r.exitCode(), Child.describe(r));
        List<String> lines = r.stdout().lines().toList();
        assertEquals("virginica", lines.get(0), Child.describe(r));
        // the model's class lives in the repository's own named module, not on the class path
        assertTrue(lines.get(1).startsWith("model hub.rules.PetalRules in module ")
                && !lines.get(1).endsWith("(unnamed)"), Child.describe(r));
    }

    @Test
    void singleJarAppRunsWithJavaJar() {
        Path classes = compileClassPathApp();
        List<Path> inputs = new ArrayList<>(List.of(classes));
        inputs.addAll(Artifacts.locations(CORE));
        inputs.addAll(Artifacts.locations(List.of("io.jhub.fetch.https", "org.apache.commons.compress",
                "org.apache.commons.codec", "org.apache.commons.io", "org.apache.commons.lang3")));
        Path jar = FatJar.build(work.resolve("app-all.jar"), "io.jhub.example.classpath.Main", inputs);

        Processes.Result r = run(List.of("-jar", jar.toString(), rulesHub.toString(), "5.1", "3.5", "1.4", "0.2"),
                "fatjar");

        assertEquals(0, r.exitCode(), Child.describe(r));
        List<String> lines = r.stdout().lines().toList();
        assertEquals("setosa", lines.get(0), Child.describe(r));
        // the merged META-INF/services file still registers the HTTPS fetcher inside the single jar
        assertTrue(lines.get(2).contains("HTTPS"), Child.describe(r));
    }

    private static synchronized Path compileClassPathApp() {
        Path classes = work.resolve("classpath-classes");
        if (!Files.isDirectory(classes)) {
            Tools.javac(root.resolve("examples/classpath-app/src"), classes,
                    List.of("--class-path", Artifacts.join(Artifacts.locations(CORE))));
        }
        return classes;
    }

    private static Processes.Result run(List<String> args, String name) {
        Path cache = work.resolve("cache-" + name);
        return Child.java(work, Map.of("JHUB_HOME", cache.toString()), args);
    }

    static Path copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path t = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(t);
                } else {
                    Files.copy(f, t);
                }
            }
        }
        return to;
    }
}
