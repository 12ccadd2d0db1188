package io.jhub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.tests.support.Artifacts;
import io.jhub.tests.support.Tools;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Keeps every artifact's module boundary (exports, requires, uses, provides, opens) equal to a reviewed golden
 * file, so that it never changes by accident. The golden file is the output of {@code jar --describe-module}
 * with the first line reduced to the module's name (its version and file location vary) and without the
 * {@code contains} lines of non-exported packages.
 *
 * <p>After an intended change, regenerate the files and review the diff:
 * {@code mvn -B verify -pl hub-tests -am -Dtest=ModuleBoundaryGoldenTest -Dsurefire.failIfNoSpecifiedTests=false
 * -Djhub.golden.update=true}, then {@code git diff hub-tests/src/test/resources/golden}.
 */
class ModuleBoundaryGoldenTest {
    private static final String UPDATE = "jhub.golden.update";

    @TempDir
    Path scratch;

    @TestFactory
    Stream<DynamicTest> describeModuleMatchesGoldenFile() {
        Path goldenDir = Artifacts.projectRoot().resolve("hub-tests/src/test/resources/golden/describe-module");
        Map<String, String> published = new LinkedHashMap<>(Artifacts.JHUB_MODULES);
        published.put("hub-testkit", "io.jhub.testkit");
        return published.entrySet().stream().map(e -> DynamicTest.dynamicTest(e.getKey(), () -> {
            Path jar = Artifacts.asJar(Artifacts.location(e.getValue()), scratch);
            String actual = normalise(Tools.run("jar", "--describe-module", "--file", jar.toString()));
            assertTrue(actual.startsWith(e.getValue() + "\n"), "module name of " + e.getKey() + ":\n" + actual);
            Path golden = goldenDir.resolve(e.getKey() + ".txt");
            if (Boolean.getBoolean(UPDATE)) {
                Files.createDirectories(goldenDir);
                Files.writeString(golden, actual, StandardCharsets.UTF_8);
            }
            assertTrue(Files.isRegularFile(golden), "no golden file " + golden + "; create it with -D" + UPDATE
                    + "=true and review it");
            assertEquals(Files.readString(golden, StandardCharsets.UTF_8), actual,
                    "the module boundary of " + e.getKey() + " changed. If that is intended, run the build with -D"
                            + UPDATE + "=true and commit the reviewed golden file " + golden);
        }));
    }

    /**
     * Drops the version and location from the first line, and the {@code contains} lines (non-exported
     * packages are not part of the boundary; a new internal package must not need a golden update).
     */
    static String normalise(String describe) throws IOException {
        String text = describe.replace("\r\n", "\n").strip();
        int eol = text.indexOf('\n');
        String first = eol < 0 ? text : text.substring(0, eol);
        String name = first.split("[@ ]", 2)[0];
        String rest = eol < 0 ? "" : text.substring(eol + 1);
        StringBuilder out = new StringBuilder(name).append('\n');
        rest.lines().map(String::strip).filter(l -> !l.isEmpty() && !l.startsWith("contains ")).forEach(l -> out.append(l).append('\n'));
        return out.toString();
    }
}
