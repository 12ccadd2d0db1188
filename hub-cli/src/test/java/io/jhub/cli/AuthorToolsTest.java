package io.jhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.cli.InProcessJhub.Run;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jhub init} and {@code jhub check} through the CLI entry point, and the help of a generated hub. */
class AuthorToolsTest {
    @TempDir
    Path tmp;

    Run jhub(String... args) {
        return InProcessJhub.run(tmp.resolve("cache"), List.of(), args);
    }

    @Test
    void initThenCheckThenLoadWithoutModuleInfo() {
        Path dir = tmp.resolve("greeter");
        Run init = jhub("init", dir.toString(), "--package", "hub.greeter");
        assertEquals(0, init.status(), init.err());
        assertEquals(List.of("created hub hub.greeter in " + dir + ":", "  hubconf.java",
                "  hub/greeter/greeting.txt", "  README.md",
                "next: jhub check " + dir + " && jhub load " + dir + " greet World"), init.out().lines().toList());
        assertFalse(Files.exists(dir.resolve("module-info.java")));
        Run check = jhub("check", dir.toString());
        assertEquals(0, check.status(), check.out() + check.err());
        assertTrue(check.out().contains("\n  String greet(String name)  (hubconf.java:26:5)\n"), check.out());
        assertTrue(check.out().contains("module:       hub.greeter, defined by jhub"), check.out());
        assertTrue(check.out().contains("\n  hub/greeter/greeting.txt\n"), check.out());
        assertTrue(check.out().endsWith("ok: 0 errors, 0 warnings\n"), check.out());
        Run load = jhub("load", dir.toString(), "greet", "Ada");
        assertEquals("Hello, Ada!", load.out().strip(), load.err());
        Run help = jhub("help", dir.toString(), "greet");
        assertEquals("""
                String greet(String name)
                    Greets someone with the greeting kept in this repository's greeting.txt
                    resource.

                    Parameters:
                      name - who to greet
                    Returns:
                      the greeting, such as Hello, Ada!
                    Throws:
                      IllegalStateException - if the resource is missing
                """, help.out());
        try (Stream<Path> siblings = Files.list(tmp)) {
            assertTrue(siblings.noneMatch(p -> p.getFileName().toString().contains("jhub-init")),
                    "no staging directory left");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void initWithModuleIntoAnEmptyDirectoryThenCheckThenLoad() throws Exception {
        Path dir = Files.createDirectories(tmp.resolve("My-Hub"));
        Run init = jhub("init", dir.toString(), "--module");
        assertEquals(0, init.status(), init.err());
        assertTrue(Files.readString(dir.resolve("module-info.java")).contains("module hub.myhub {"));
        assertTrue(Files.readString(dir.resolve("hubconf.java")).startsWith("package hub.myhub;"));
        Run check = jhub("check", dir.toString());
        assertEquals(0, check.status(), check.out() + check.err());
        assertTrue(check.out().contains("module:       declared in module-info.java"), check.out());
        assertEquals("Hello, Bob!", jhub("load", dir.toString(), "greet", "Bob").out().strip());
    }

    @Test
    void initRefusesANonEmptyDirectoryAndInvalidPackageNames() throws Exception {
        Path used = Files.createDirectories(tmp.resolve("used"));
        Files.writeString(used.resolve("notes.txt"), "mine");
        Run busy = jhub("init", used.toString());
        assertEquals(2, busy.status());
        assertTrue(busy.err().contains("directory \"" + used + "\" is not empty"), busy.err());
        assertEquals("mine", Files.readString(used.resolve("notes.txt")));
        try (Stream<Path> files = Files.list(used)) {
            assertEquals(1, files.count());
        }
        for (String bad : List.of("hub.class", "java.util.extra", "1hub", "hub..x", "hub-x")) {
            Run r = jhub("init", tmp.resolve("new-" + bad.hashCode()).toString(), "--package", bad);
            assertEquals(2, r.status(), bad);
            assertTrue(r.err().contains("--package \"" + bad + "\" is not a valid Java package name"), r.err());
            assertFalse(Files.exists(tmp.resolve("new-" + bad.hashCode())), "nothing written for " + bad);
        }
        Run unnamed = jhub("init", tmp.resolve("123").toString());
        assertEquals(2, unnamed.status());
        assertTrue(unnamed.err().contains("give one with --package"), unnamed.err());
        assertEquals(2, jhub("init").status());
        assertEquals(2, jhub("init", tmp.resolve("a").toString(), "extra").status());
    }

    @Test
    void checkReportsCompileErrorsAsFileLineColumnAndFails() throws Exception {
        Path dir = tmp.resolve("broken");
        assertEquals(0, jhub("init", dir.toString(), "--package", "hub.broken").status());
        Path helper = Files.createDirectories(dir.resolve("hub/broken/util")).resolve("Helper.java");
        Files.writeString(helper, """
                package hub.broken.util;

                /** Help. */
                public final class Helper {
                    private Helper() {
                    }

                    /** @return a number */
                    public static int number() {
                        return "not a number";
                    }
                }
                """);
        Path hubconf = dir.resolve("hubconf.java");
        Files.writeString(hubconf, Files.readString(hubconf).replace("    private hubconf() {", """
                    public static int number() {
                        return hub.broken.util.Helper.number();
                    }

                    private hubconf() {"""));
        Run check = jhub("check", dir.toString());
        assertEquals(1, check.status(), check.out());
        assertTrue(check.out().contains("\nhub/broken/util/Helper.java:10:16: error: incompatible types"), check.out());
        assertTrue(check.out().contains("failed: 1 error, 0 warnings"), check.out());
        assertEquals("jhub: error: the hub in " + dir + " has 1 error (listed above); fix them and run jhub check"
                + " again", check.err().strip());
    }

    @Test
    void checkPrintsWarningsAndSucceeds() throws Exception {
        Path dir = tmp.resolve("warned");
        assertEquals(0, jhub("init", dir.toString(), "--package", "hub.warned").status());
        Path hubconf = dir.resolve("hubconf.java");
        Files.writeString(hubconf, Files.readString(hubconf).replace("    private hubconf() {", """
                    public static int undocumented() {
                        return 1;
                    }

                    private hubconf() {"""));
        Run check = jhub("check", dir.toString());
        assertEquals(0, check.status(), check.out() + check.err());
        assertTrue(check.out().contains("\nhubconf.java:16:1: warning: entry int undocumented() has no Javadoc"),
                check.out());
        assertTrue(check.out().endsWith("ok: 0 errors, 1 warning\n"), check.out());
        assertEquals("", check.err());
        Run missing = jhub("check", tmp.resolve("absent").toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("No directory"), missing.err());
    }
}
