package io.jhub.core.internal.lock;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.InvalidLockfileException;
import io.jhub.core.Lockfile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The lockfile's text: sorted records, round trip, errors with file:line, whole writes under concurrency. */
class LockfileTest {
    static final String C1 = "1".repeat(40);
    static final String C2 = "2".repeat(40);
    static final String T = "sha256:" + "a".repeat(64);

    @TempDir
    Path tmp;

    @Test
    void recordsAreSortedAndReadBackAsWritten() {
        Lockfile lock = Lockfile.empty()
                .with(new Lockfile.Repo("github.com", "HTTPS", "zed/z", "main", C1, T))
                .with(new Lockfile.Repo("github.com", "HTTPS", "abc/a", "HEAD", C2, T))
                .with(new Lockfile.Weights("https://example.org/b.bin", 10, "b".repeat(64)))
                .with(new Lockfile.Weights("https://example.org/a.bin", 5, "c".repeat(64)));
        Path file = tmp.resolve("jhub.lock");
        lock.write(file);
        Lockfile read = Lockfile.read(file);
        assertEquals(lock, read);
        List<String> lines = read.text().lines().filter(l -> !l.startsWith("#")).toList();
        assertEquals(List.of("jhub-lock 1",
                "repo github.com/abc/a HEAD HTTPS commit=" + C2 + " tree=" + T,
                "repo github.com/zed/z main HTTPS commit=" + C1 + " tree=" + T,
                "weights https://example.org/a.bin size=5 sha256=" + "c".repeat(64),
                "weights https://example.org/b.bin size=10 sha256=" + "b".repeat(64)), lines);
        Lockfile updated = read.with(new Lockfile.Repo("github.com", "HTTPS", "zed/z", "main", C2, T));
        assertEquals(2, updated.repos().size(), "a record with the same key is replaced, not added");
        assertEquals(C2, updated.repo("github.com/zed/z main HTTPS").orElseThrow().commit());
    }

    @Test
    void parseErrorsNameTheFileTheLineAndWhatIsWrong() {
        assertError("repo github.com/a/b main HTTPS commit=" + C1 + "\n", "f:1: expected the version line");
        assertError("jhub-lock 2\n", "f:1: format version \"2\" is not 1");
        assertError("# c\njhub-lock 1\nrepo github.com/a/b main HTTPS commit=xyz tree=" + T + "\n",
                "f:3: commit \"xyz\" is not a full commit id");
        // a tree id names a cache directory: nothing but tree- and 40 hex digits may reach a path
        assertError("jhub-lock 1\nrepo github.com/a/b main HTTPS commit=tree-../../../etc tree=" + T + "\n",
                "f:2: commit \"tree-../../../etc\" is not a full commit id");
        Lockfile tree = LockfileParser.parse("f", "jhub-lock 1\nrepo github.com/a/b main HTTPS commit=tree-"
                + "0a".repeat(20) + " tree=" + T + "\n");
        assertEquals("tree-" + "0a".repeat(20), tree.repos().get(0).commit());
        assertError("jhub-lock 1\nrepo github.com/a/b main HTTPS commit=" + C1 + "\n",
                "f:2: a repo record has 6 fields");
        assertError("jhub-lock 1\nweights https://x/y size=-1 sha256=" + "a".repeat(64) + "\n",
                "f:2: size -1 is negative");
        assertError("jhub-lock 1\nweights https://x/y size=1 sha256=abc\n", "f:2: sha256 \"abc\" is not 64");
        assertError("jhub-lock 1\nrepo bad_host!/a/b main HTTPS commit=" + C1 + " tree=" + T + "\n", "f:2: ");
        assertError("jhub-lock 1\nmodel x\n", "f:2: unknown record \"model\"");
        String rec = "repo github.com/a/b main HTTPS commit=" + C1 + " tree=" + T + "\n";
        assertError("jhub-lock 1\n" + rec + rec, "f:3: a second record for repo github.com/a/b main HTTPS");
        assertError("# only a comment\n", "no version line");
    }

    @Test
    void aMissingLockfileSaysHowToMakeOne() {
        InvalidLockfileException e = assertThrows(InvalidLockfileException.class,
                () -> Lockfile.read(tmp.resolve("none.lock")));
        assertTrue(e.getMessage().contains("jhub lock"), e.getMessage());
    }

    @Test
    void concurrentWritersNeverLeaveATornFile() throws Exception {
        Path file = tmp.resolve("jhub.lock");
        List<Lockfile> versions = new ArrayList<>();
        for (int v = 0; v < 2; v++) {
            Lockfile l = Lockfile.empty();
            for (int i = 0; i < 300; i++) {
                l = l.with(new Lockfile.Repo("github.com", "HTTPS", "o/r" + i, "main", v == 0 ? C1 : C2, T));
            }
            versions.add(l);
        }
        versions.get(0).write(file);
        AtomicBoolean stop = new AtomicBoolean();
        List<Thread> writers = new ArrayList<>();
        for (Lockfile l : versions) {
            Thread t = new Thread(() -> {
                for (int i = 0; i < 100 && !stop.get(); i++) {
                    l.write(file);
                }
            });
            t.start();
            writers.add(t);
        }
        int reads = 0;
        while (writers.stream().anyMatch(Thread::isAlive) || reads == 0) {
            Lockfile seen = Lockfile.read(file);
            assertTrue(versions.contains(seen), "a torn or mixed file was read");
            reads++;
        }
        for (Thread t : writers) {
            t.join();
        }
        assertTrue(versions.contains(Lockfile.read(file)));
        try (var s = Files.list(tmp)) {
            assertEquals(List.of(file), s.toList(), "no temporary file is left");
        }
    }

    private static void assertError(String text, String expected) {
        InvalidLockfileException e = assertThrows(InvalidLockfileException.class,
                () -> LockfileParser.parse("f", text));
        assertTrue(e.getMessage().startsWith(expected) || e.getMessage().contains(expected), e.getMessage());
    }

}
