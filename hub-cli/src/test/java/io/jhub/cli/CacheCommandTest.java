package io.jhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.cli.InProcessJhub.Run;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.HexFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jhub cache ls|rm|clean|prune} against a real git repository, a real compile and a real download. */
class CacheCommandTest {
    @TempDir
    Path tmp;
    Path cache;
    String commit;
    Path weightsSource;

    @BeforeEach
    void setUp() throws IOException {
        cache = tmp.resolve("cache");
        commit = GitRepo.init(tmp.resolve("git/alice/tools")).write("hubconf.java", """
                package hub.tools;

                /** Tools. */
                public final class hubconf {
                    private hubconf() {
                    }

                    /**
                     * Adds.
                     *
                     * @param a one
                     * @param b two
                     * @return the sum
                     */
                    public static long add(long a, long b) {
                        return a + b;
                    }
                }
                """).write("data.txt", "x".repeat(5000)).commit("tools");
        weightsSource = Files.write(tmp.resolve("model.bin"), new byte[12345]);
        System.setProperty("jhub.test.gitRoot", tmp.resolve("git").toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("jhub.test.gitRoot");
    }

    Run jhub(String... args) {
        return InProcessJhub.run(cache, List.of("--quiet"), args);
    }

    Run ok(String... args) {
        Run r = jhub(args);
        assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
        return r;
    }

    /**
     * Fills the cache with one commit, its compiled classes and one weights file. The load runs in a child JVM, as
     * the command does: a layer loaded in this JVM would keep its entries in use for the rest of the test run.
     */
    /** Loads a commit and downloads a file in child processes, as separate jhub commands would: their holds end. */
    void populate() {
        Processes.Result load = child("load", "alice/tools", "add", "2", "3", "--protocol", "LOCALGIT", "--trust");
        assertEquals("5", load.stdout().strip(), load.stderr());
        Processes.Result download = child("download", weightsSource.toUri().toString());
        assertEquals(0, download.exitCode(), download.stderr());
    }

    Processes.Result child(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Djhub.test.gitRoot=" + tmp.resolve("git"), "-cp", System.getProperty("java.class.path"),
                "io.jhub.cli.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--quiet", "--cache-dir", cache.toString()));
        return Processes.exec(tmp, Map.of(), cmd);
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> lsJson() {
        return (Map<String, Object>) JsonReader.parse(ok("cache", "ls", "--json").out());
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> only(Object list) {
        List<Object> l = (List<Object>) list;
        assertEquals(1, l.size(), l.toString());
        return (Map<String, Object>) l.get(0);
    }

    static long bytesUnder(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    @Test
    void lsShowsCommitsCompiledClassesAndWeightsAsTableAndJson() throws Exception {
        Instant before = Instant.now().minusSeconds(2);
        populate();
        String table = ok("cache", "ls").out();
        for (String header : List.of("REPOSITORY", "COMMIT", "SIZE", "LAST USED", "COMPILED CLASSES", "WEIGHTS",
                "SHA256", "total: 1 commits, 1 compiled, 1 weights")) {
            assertTrue(table.contains(header), header + " missing in\n" + table);
        }
        assertTrue(table.contains("github.com/alice/tools  " + commit.substring(0, 12)), table);

        Map<String, Object> doc = lsJson();
        assertEquals(List.of("cacheDir", "readOnlyCaches", "commits", "compiled", "weights", "totalBytes"),
                List.copyOf(doc.keySet()));
        assertEquals(cache.toAbsolutePath().normalize().toString(), doc.get("cacheDir"));
        Map<String, Object> c = only(doc.get("commits"));
        assertEquals("github.com/alice/tools", c.get("repo"));
        assertEquals(commit, c.get("commit"));
        Path tree = Path.of((String) c.get("path"));
        assertTrue(Files.isRegularFile(tree.resolve("hubconf.java")));
        assertEquals(bytesUnder(tree), c.get("bytes"));
        assertTrue(((Long) c.get("bytes")) > 5000);
        assertTrue(Instant.parse((String) c.get("lastUsed")).isAfter(before));
        assertEquals(true, c.get("validated"));

        Map<String, Object> k = only(doc.get("compiled"));
        assertTrue(((String) k.get("key")).matches("[0-9a-f]{32}"), k.toString());
        assertTrue(Files.isDirectory(Path.of((String) k.get("path")).resolve("classes")));
        assertEquals(bytesUnder(Path.of((String) k.get("path"))), k.get("bytes"));
        Instant.parse((String) k.get("lastUsed"));

        Map<String, Object> w = only(doc.get("weights"));
        assertTrue(((String) w.get("name")).endsWith("_model.bin"), w.toString());
        assertEquals("file://" + weightsSource.toUri().getRawPath(), w.get("url"));
        assertEquals(12345L, w.get("bytes"));
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(new byte[12345]));
        assertEquals(sha, w.get("sha256"));
        assertTrue(table.contains(sha.substring(0, 12)), table);
        assertEquals((Long) c.get("bytes") + (Long) k.get("bytes") + 12345L, doc.get("totalBytes"));
    }

    @Test
    void rmReportsTheBytesFreedAndASecondRmSaysNotCached() {
        populate();
        long treeBytes = (Long) only(lsJson().get("commits")).get("bytes");
        Run rm = ok("cache", "rm", "alice/tools@" + commit.substring(0, 8));
        assertEquals(List.of("removed github.com/alice/tools@" + commit, "freed " + treeBytes + " bytes ("
                + io.jhub.core.ByteSize.format(treeBytes) + ")"), rm.out().lines().toList());
        Map<String, Object> after = lsJson();
        assertEquals(List.of(), after.get("commits"));
        assertFalse(ok("cache", "ls").out().contains("alice/tools"));
        Run again = jhub("cache", "rm", "alice/tools");
        assertEquals(1, again.status());
        assertTrue(again.err().contains("github.com/alice/tools is not in the cache"), again.err());

        Run weights = ok("cache", "rm", "--weights", "model.bin");
        assertTrue(weights.out().contains("freed 12345 bytes"), weights.out());
        assertEquals(List.of(), lsJson().get("weights"));
        Run weightsAgain = jhub("cache", "rm", "--weights", weightsSource.toUri().toString());
        assertEquals(1, weightsAgain.status());
        assertTrue(weightsAgain.err().contains("not in the cache"), weightsAgain.err());
    }

    @Test
    void cleanDryRunRemovesNothingAndReportsWhatCleanThenFrees() {
        populate();
        Map<String, Object> before = lsJson();
        long total = (Long) before.get("totalBytes");
        Run dry = ok("cache", "clean", "--dry-run");
        assertTrue(dry.out().lines().anyMatch(l -> l.equals("would remove github.com/alice/tools@" + commit)),
                dry.out());
        String wouldFree = dry.out().lines().filter(l -> l.startsWith("would free ")).findFirst().orElseThrow();
        assertEquals(before, lsJson(), "a dry run must change nothing");
        Run clean = ok("cache", "clean");
        String freed = clean.out().lines().filter(l -> l.startsWith("freed ")).findFirst().orElseThrow();
        assertEquals(wouldFree.substring("would ".length()), freed.replace("freed", "free"));
        assertTrue(freed.startsWith("freed " + total + " bytes"), freed);
        Map<String, Object> after = lsJson();
        assertEquals(0L, after.get("totalBytes"));
        assertEquals(List.of(), after.get("commits"));
        assertEquals(List.of(), after.get("compiled"));
        assertEquals(List.of(), after.get("weights"));
    }

    @Test
    void pruneOlderThanKeepsWhatWasUsedRecently() {
        populate();
        Run none = ok("cache", "prune", "--older-than", "1");
        assertTrue(none.out().contains("nothing to prune") && none.out().contains("freed 0 bytes"), none.out());
        Run all = ok("cache", "prune", "--max-size", "0", "--dry-run");
        assertEquals(3, all.out().lines().filter(l -> l.startsWith("would remove ")).count(), all.out());
        assertNotEquals(0L, lsJson().get("totalBytes"));
    }

    @Test
    void badSizesAndDaysAreUsageErrors() {
        Run size = jhub("cache", "prune", "--max-size", "20X");
        assertEquals(2, size.status());
        assertTrue(size.err().contains("\"20X\"") && size.err().contains("20G"), size.err());
        Run days = jhub("cache", "prune", "--older-than", "soon");
        assertEquals(2, days.status());
        assertTrue(days.err().contains("whole number of days"), days.err());
        Run neither = jhub("cache", "prune");
        assertEquals(2, neither.status());
        Run setting = jhub("cache", "ls", "--set", "cache.maxSize=lots");
        assertEquals(1, setting.status());
        assertTrue(setting.err().contains("cache.maxSize") && setting.err().contains("\"lots\""), setting.err());
    }
}
