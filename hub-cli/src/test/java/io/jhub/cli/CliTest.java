package io.jhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.cli.InProcessJhub.Run;
import io.jhub.cli.internal.Cli;
import io.jhub.testkit.GitRepo;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CliTest {
    static final Path EXAMPLE = Path.of("../examples/classifier").toAbsolutePath().normalize();

    @TempDir
    Path tmp;
    Path cache;
    String stdout;
    String stderr;

    @BeforeEach
    void setUp() {
        cache = tmp.resolve("cache");
        GitRepo.init(tmp.resolve("git/alice/tools")).write("hubconf.java", InProcessJhub.TOOLS_HUBCONF).commit("tools");
        System.setProperty("jhub.test.gitRoot", tmp.resolve("git").toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("jhub.test.gitRoot");
    }

    Run jhub(String... args) {
        return InProcessJhub.run(cache, List.of(), args);
    }

    @Test
    void listHelpAndLoadTheExample() {
        Run list = jhub("list", EXAMPLE.toString());
        assertEquals(0, list.status(), list.err());
        assertEquals(List.of("classify", "model"), list.out().lines().toList());
        Run help = jhub("help", EXAMPLE.toString(), "classify");
        assertTrue(help.out().contains("Classifies one flower"), help.out());
        assertEquals("setosa", jhub("load", EXAMPLE.toString(), "classify", "5.1", "3.5", "1.4", "0.2").out().strip());
        assertEquals("virginica", jhub("load", EXAMPLE.toString(), "classify", "--arg", "sepalLength=6.5",
                "--arg", "sepalWidth=3", "--arg", "petalLength=5.5", "--arg", "petalWidth=2").out().strip());
        assertTrue(jhub("load", EXAMPLE.toString(), "model", "--arg", "pretrained=true").out()
                .contains("setosa, versicolor, virginica"));
    }

    @Test
    void errorsAreOneLineWithStatusOne() {
        Run r = jhub("load", EXAMPLE.toString(), "classify", "1", "x", "3", "4");
        assertEquals(1, r.status());
        assertEquals(1, r.err().lines().count(), r.err());
        assertTrue(r.err().startsWith("jhub: error: "), r.err());
        assertTrue(r.err().contains("\"x\""), r.err());
        Run missing = jhub("load", EXAMPLE.toString(), "nope");
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("classify, model"), missing.err());
        assertFalse(missing.err().contains("\tat "), "no stack trace without --verbose");
        Run verbose = jhub("load", EXAMPLE.toString(), "nope", "--verbose");
        assertTrue(verbose.err().contains("\tat "), "stack trace with --verbose");
    }

    @Test
    void aPathThatIsNoDirectoryIsReportedAsSuch() throws Exception {
        Path absent = tmp.resolve("no-such-repo");
        Run r = jhub("list", absent.toString());
        assertEquals(1, r.status());
        assertTrue(r.err().contains("No directory \"" + absent + "\""), r.err());
        Path file = Files.writeString(tmp.resolve("a-file"), "x");
        Run f = jhub("list", file.toString());
        assertEquals(1, f.status());
        assertTrue(f.err().contains("(it is a file)"), f.err());
        assertTrue(jhub("list", "./nowhere").err().contains("No directory \"./nowhere\""));
    }

    @Test
    void usageErrorsHaveStatusTwo() {
        assertEquals(2, jhub("frobnicate").status());
        assertEquals(2, jhub("list", "--bogus").status());
        assertEquals(2, jhub("load", EXAMPLE.toString(), "classify", "--arg", "novalue").status());
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int emptyCacheDir = new Cli(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false)
                .run(new String[] {"list", EXAMPLE.toString(), "--cache-dir", ""});
        assertEquals(2, emptyCacheDir);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("--cache-dir needs a value"), err.toString());
        Run usage = jhub("--help");
        assertEquals(0, usage.status());
        assertTrue(usage.out().contains("jhub <command>"));
    }

    @Test
    void remoteRepoNeedsTrustThenLoads() {
        Run untrusted = jhub("load", "alice/tools", "add", "2", "3", "--protocol", "LOCALGIT");
        assertEquals(1, untrusted.status());
        assertTrue(untrusted.err().contains("jhub trust alice/tools"), untrusted.err());
        Run fetched = jhub("fetch", "alice/tools", "--protocol", "localgit");
        assertEquals(0, fetched.status(), fetched.err());
        Path tree = Path.of(fetched.out().lines().reduce((a, b) -> b).orElseThrow());
        assertTrue(Files.isRegularFile(tree.resolve("hubconf.java")));
        assertEquals(0, jhub("trust", "alice/tools").status());
        Run loaded = jhub("load", "alice/tools", "add", "2", "3", "--protocol", "LOCALGIT");
        assertEquals("5", loaded.out().strip(), loaded.err());
        Run viaFlag = jhub("load", "alice/tools", "add", "--arg", "a=1", "--arg", "b=2", "--protocol", "LOCALGIT",
                "--trust", "--host", "other.example");
        assertEquals("3", viaFlag.out().strip(), viaFlag.err());
    }

    @Test
    void cacheListRemoveAndClean() {
        jhub("fetch", "alice/tools", "--protocol", "LOCALGIT");
        Run ls = jhub("cache", "ls");
        assertTrue(ls.out().contains("github.com/alice/tools"), ls.out());
        assertTrue(jhub("cache", "rm", "alice/tools").out().startsWith("removed github.com/alice/tools@"));
        assertFalse(jhub("cache", "ls").out().contains("alice/tools"), "a removed repo must leave the listing");
        assertEquals(0, jhub("cache", "clean").status());
        assertTrue(jhub("cache", "ls").out().contains("total: 0 commits, 0 compiled, 0 weights"));
        assertEquals(2, jhub("cache", "frob").status());
    }

    @Test
    void offlineWithoutCacheSaysWhatIsMissing() {
        Run r = jhub("list", "alice/tools", "--protocol", "LOCALGIT", "--offline");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("Offline"), r.err());
    }

    @Test
    void protocolsListsServiceLoadedFetchers() {
        Run r = jhub("protocols");
        assertEquals(0, r.status(), r.err());
        assertTrue(r.out().contains("LOCALGIT\t"), r.out());
    }

    @Test
    void hubconfOptionNamesAnotherEntryFile() throws Exception {
        Path repo = tmp.resolve("nested");
        Files.createDirectories(repo.resolve("src/hub/nested"));
        Files.writeString(repo.resolve("src/hub/nested/hubconf.java"), """
                package hub.nested;

                public final class hubconf {
                    private hubconf() {
                    }

                    /**
                     * Shouts.
                     *
                     * @param word what to shout
                     * @return the word in capitals
                     */
                    public static String shout(String word) {
                        return word.toUpperCase(java.util.Locale.ROOT) + "!";
                    }
                }
                """);
        Run missing = jhub("list", repo.toString());
        assertEquals(1, missing.status());
        assertTrue(missing.err().contains("hubconf.java"), missing.err());
        Run r = jhub("load", repo.toString(), "shout", "hey", "--hubconf", "src/hub/nested/hubconf.java");
        assertEquals("HEY!", r.out().strip(), r.err());
        assertEquals(2, jhub("list", repo.toString(), "--hubconf").status());
        assertEquals(1, jhub("list", repo.toString(), "--hubconf", "../escape.java").status());
    }
}
