package io.jhub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.Processes;
import io.jhub.tests.support.Artifacts;
import io.jhub.tests.support.Child;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code jhub check} on the module path, where module boundaries are enforced (hub-check's own tests run on the
 * class path, where they are not): {@code io.jhub.check} reaches hub-core's compiler and layer internals only
 * through hub-core's qualified exports, and those are enough to report entries and every kind of finding.
 */
class CheckModulePathTest {
    @TempDir
    static Path work;

    private static Processes.Result check(Path dir) {
        String mp = Artifacts.join(Artifacts.runtimeExcept(Set.of()));
        return Child.java(work, Map.of("JHUB_HOME", work.resolve("cache").toString()), List.of("--module-path", mp,
                "-m", "io.jhub.cli/io.jhub.cli.Main", "check", dir.toString()));
    }

    @Test
    void theExampleHubChecksCleanOnTheModulePath() throws IOException {
        Path classifier = AppsTest.copyTree(Artifacts.projectRoot().resolve("examples/classifier"),
                work.resolve("classifier"));
        Processes.Result r = check(classifier);
        assertEquals(0, r.exitCode(), Child.describe(r));
        assertTrue(r.stdout().contains("  String classify(double sepalLength, double sepalWidth, double petalLength,"
                + " double petalWidth)  (hubconf.java:50:5)"), Child.describe(r));
        assertTrue(r.stdout().strip().endsWith("ok: 0 errors, 0 warnings"), Child.describe(r));
    }

    @Test
    void aMissingModuleAndACompileErrorAreReportedOnTheModulePath() throws IOException {
        Path hub = Files.createDirectories(work.resolve("faulty/hub/faulty"));
        Files.writeString(hub.resolve("../../hubconf.java"), """
                package hub.faulty;

                /** Faulty. */
                public final class hubconf {
                    public static final String[] dependencies = {"com.example.absent"};

                    public static int one() {
                        return hub.faulty.Helper.two();
                    }
                }
                """);
        Files.writeString(hub.resolve("Helper.java"), """
                package hub.faulty;

                final class Helper {
                    static int two() {
                        return "two";
                    }
                }
                """);
        Processes.Result r = check(work.resolve("faulty"));
        assertEquals(1, r.exitCode(), Child.describe(r));
        String out = r.stdout();
        assertTrue(out.contains("hubconf.java:5:5: error: module com.example.absent is not in this runtime"),
                Child.describe(r));
        assertTrue(out.contains("hub/faulty/Helper.java:5:16: error: incompatible types"), Child.describe(r));
        assertTrue(r.stderr().contains("has 2 errors"), Child.describe(r));
    }
}
