package io.jhub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.Processes;
import io.jhub.tests.support.Artifacts;
import io.jhub.tests.support.Child;
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
 * The README's logging recipes, run: {@code examples/logging-app} (a class-path app that downloads a file
 * through a hub) with SLF4J 2 ({@code slf4j-jdk-platform-logging} + {@code slf4j-simple}) or Log4j 2
 * ({@code log4j-jpl} + {@code log4j-core}) beside it gets jhub's {@link System.Logger} records in that backend.
 * With hub-cli on its class path too (first, so its {@code LoggerFinder} is the one the JDK picks), the app's
 * logging is still its own: the {@code jhub} command's one-line finder applies to the command only.
 */
class LoggingRecipesTest {
    private static final List<String> CORE = List.of("io.jhub.api", "io.jhub.http", "io.jhub.core");
    private static final String JHUB_RECORD = "io.jhub.http.internal.download.Downloader - Downloaded file:";

    @TempDir
    static Path work;

    static Path root;
    static Path classes;
    static Path data;

    @BeforeAll
    static void compileTheApp() throws IOException {
        root = Artifacts.projectRoot();
        classes = work.resolve("classes");
        Tools.javac(root.resolve("examples/logging-app/src"), classes,
                List.of("--class-path", Artifacts.join(Artifacts.locations(CORE))));
        data = Files.write(work.resolve("data.bin"), new byte[] {1, 2, 3, 4});
    }

    @Test
    void slf4jReceivesJhubsRecords() {
        Processes.Result r = run("slf4j", List.of(), backend("slf4j"));

        assertTrue(r.stderr().contains("[main] DEBUG " + JHUB_RECORD), Child.describe(r));
        assertTrue(r.stderr().contains("[main] INFO io.jhub.example.logging - the application downloaded "),
                Child.describe(r));
    }

    @Test
    void log4jReceivesJhubsRecords() {
        Processes.Result r = run("log4j", List.of(), backend("log4j"));

        assertTrue(r.stderr().contains("log4j DEBUG " + JHUB_RECORD), Child.describe(r));
        assertTrue(r.stderr().contains("log4j INFO  io.jhub.example.logging - the application downloaded "),
                Child.describe(r));
    }

    @Test
    void hubCliOnTheClassPathLeavesTheAppsSlf4jInCharge() {
        Processes.Result r = run("cli-slf4j", List.of(Artifacts.location("io.jhub.cli")), backend("slf4j"));

        assertTrue(r.stderr().contains("[main] DEBUG " + JHUB_RECORD), Child.describe(r));
        assertFalse(r.stderr().contains("jhub: "), Child.describe(r));
    }

    @Test
    void hubCliOnTheClassPathLeavesTheJdkDefaultWithoutABackend() {
        Processes.Result r = run("cli-jul", List.of(Artifacts.location("io.jhub.cli")), List.of());

        // java.util.logging's default format, as without hub-cli: the app's INFO record is shown
        assertTrue(r.stderr().contains("INFO: the application downloaded "), Child.describe(r));
        assertFalse(r.stderr().contains("jhub: "), Child.describe(r));
    }

    /** Runs the app with {@code first} ahead of it on the class path and {@code backend} after jhub. */
    private static Processes.Result run(String name, List<Path> first, List<Path> backend) {
        List<Path> cp = new ArrayList<>(first);
        cp.add(classes);
        cp.add(root.resolve("examples/logging-app/config"));
        cp.addAll(Artifacts.locations(CORE));
        cp.addAll(backend);
        Processes.Result r = Child.java(work, Map.of(), List.of("--class-path", Artifacts.join(cp),
                "io.jhub.example.logging.Main", work.resolve("cache-" + name).toString(), data.toUri().toString()));
        assertEquals(0, r.exitCode(), Child.describe(r));
        assertTrue(r.stdout().strip().endsWith("data.bin"), Child.describe(r));
        return r;
    }

    /** The backend's jars, copied by this module's pom into {@code target/logging/<name>}. */
    private static List<Path> backend(String name) {
        Path dir = root.resolve("hub-tests/target/logging").resolve(name);
        try (Stream<Path> jars = Files.list(dir)) {
            List<Path> found = jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList();
            assertFalse(found.isEmpty(), "no jars in " + dir + ": run through Maven (mvn -B verify -pl hub-tests)");
            return found;
        } catch (IOException e) {
            throw new AssertionError("cannot list " + dir + " (run through Maven): " + e, e);
        }
    }
}
