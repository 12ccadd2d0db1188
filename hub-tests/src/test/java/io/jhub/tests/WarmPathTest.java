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
 * A warm {@code jhub load} (classes cached) links no lambda or method reference of jhub's own: in a fresh JVM
 * each first link of such a call site costs time on every start, and together they had made a warm load about
 * 15 ms slower (BENCHMARKS.md, session 8). Run on the class path, as {@code ./jhub} runs it; the JDK's own
 * lambdas (the module system's, when the layer is defined) are not jhub's to avoid.
 */
class WarmPathTest {
    @TempDir
    static Path work;

    private static Processes.Result load(Path repo, String... jvmOptions) {
        String cp = Artifacts.join(Artifacts.runtimeExcept(Set.of()));
        List<String> args = new java.util.ArrayList<>(List.of(jvmOptions));
        args.addAll(List.of("-cp", cp, "io.jhub.cli.Main", "load", repo.toString(), "classify", "5.1", "3.5", "1.4",
                "0.2"));
        return Child.java(work, Map.of("JHUB_HOME", work.resolve("cache").toString()), args);
    }

    @Test
    void aWarmLoadLinksNoLambdaOfJhub() throws IOException {
        Path classifier = AppsTest.copyTree(Artifacts.projectRoot().resolve("examples/classifier"),
                work.resolve("classifier"));
        Processes.Result cold = load(classifier);
        assertEquals("setosa", cold.stdout().strip(), Child.describe(cold));

        Path log = work.resolve("classes.txt");
        Processes.Result warm = load(classifier, "-Xlog:class+load=info:file=" + log);
        assertEquals("setosa", warm.stdout().strip(), Child.describe(warm));
        List<String> loaded = Files.readAllLines(log);
        assertTrue(loaded.stream().anyMatch(l -> l.contains(" io.jhub.core.Hub ")), "the log lists jhub's classes");
        assertTrue(loaded.stream().anyMatch(l -> l.contains("$$Lambda")), "the log lists lambda classes at all");
        List<String> own = loaded.stream().filter(l -> l.contains(" io.jhub.") && l.contains("$$Lambda")).toList();
        assertEquals(List.of(), own, "lambdas or method references on jhub's warm path (use a loop or a named or"
                + " anonymous class there)");
    }
}
