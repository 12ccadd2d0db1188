package io.jhub.fetch.https.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.ProgressListener;
import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.TreeLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HostileArchiveTest {
    static final TreeLimits LIMITS = new TreeLimits(100, 1024 * 1024, "test limits");

    @TempDir
    Path tmp;

    /** Hostile cases by name; each is refused in both formats where the format can express it. */
    static Map<String, TestArchives> corpus() {
        Map<String, TestArchives> m = new TreeMap<>();
        m.put("dotdot escape", new TestArchives().file("top/ok.txt", "ok").file("top/../../evil.txt", "evil"));
        m.put("leading dotdot", new TestArchives().file("../evil.txt", "evil"));
        m.put("absolute path", new TestArchives().file("/tmp/jhub-abs-evil.txt", "evil"));
        m.put("drive letter", new TestArchives().file("C:/evil.txt", "evil"));
        m.put("drive letter after top", new TestArchives().file("top/C:/evil.txt", "evil"));
        m.put("backslash dotdot", new TestArchives().file("top\\..\\..\\evil.txt", "evil"));
        m.put("symlink escape", new TestArchives().symlink("top/out", "../../outside"));
        m.put("absolute symlink", new TestArchives().symlink("top/etc", "/etc"));
        m.put("write through symlink", new TestArchives().symlink("top/link", "../..")
                .file("top/link/evil.txt", "evil"));
        m.put("write through inside symlink", new TestArchives().dir("top/sub").symlink("top/link", "sub")
                .file("top/link/evil.txt", "evil"));
        m.put("symlink chain escape", new TestArchives().symlink("top/q", ".").symlink("top/p", "q/.."));
        m.put("symlink loop", new TestArchives().symlink("top/a", "b").symlink("top/b", "a"));
        m.put("bomb by count", many(150));
        m.put("bomb by size", new TestArchives().zeros("top/zeros.bin", 5L * 1024 * 1024));
        m.put("bomb beside the top folder", new TestArchives().zeros("zeros.bin", 5L * 1024 * 1024));
        m.put("duplicate entry", new TestArchives().file("top/a.txt", "1").file("top/a.txt", "2"));
        m.put("entry below a file", new TestArchives().file("top/x.txt", "1").file("top/x.txt/a", "2"));
        m.put("directory below a file", new TestArchives().file("top/x.txt", "1").dir("top/x.txt/d"));
        m.put("link below a file", new TestArchives().file("top/x.txt", "1").symlink("top/x.txt/l", "."));
        m.put("case collision", new TestArchives().file("top/Read.me", "1").file("top/read.me", "2"));
        m.put("file beside the top folder", new TestArchives().dir("top").file("stray.txt", "x"));
        m.put("second top folder", new TestArchives().file("top/a", "1").file("other/b", "2"));
        m.put("git directory", new TestArchives().file("top/sub/.Git/config", "[core]"));
        m.put("file over a directory", new TestArchives().dir("top/d").file("top/d/a", "1").file("top/d", "2"));
        return m;
    }

    static TestArchives many(int n) {
        TestArchives a = new TestArchives();
        for (int i = 0; i < n; i++) {
            a.file("top/f" + i, "");
        }
        return a;
    }

    static Stream<String> names() {
        return corpus().keySet().stream();
    }

    @ParameterizedTest(name = "tar.gz: {0}")
    @MethodSource("names")
    void tarGzCorpusIsRefused(String name) throws IOException {
        assertRefused(corpus().get(name).tarGz());
    }

    @ParameterizedTest(name = "zip: {0}")
    @MethodSource("names")
    void zipCorpusIsRefused(String name) throws IOException {
        assertRefused(corpus().get(name).zip());
    }

    @Test
    void tarOnlyCases() throws IOException {
        assertRefused(new TestArchives().file("top/a", "x").hardlink("top/h", "../../etc/passwd").tarGz());
        assertRefused(new TestArchives().hardlink("top/h", "top/missing").tarGz());
        assertRefused(new TestArchives().symlink("top/l", "a").hardlink("top/h", "top/l").tarGz());
        assertRefused(new TestArchives().device("top/dev").tarGz());
    }

    @Test
    void aTarCutAtAnEntryBoundaryInAValidGzipIsRefused() throws IOException {
        byte[] tar = gunzip(new TestArchives().file("top/a.txt", "x".repeat(600)).file("top/b.txt", "y").tarGz());
        // header (512) + data (600, padded to 1024): the next header would start at 1536
        for (int cut : new int[] {1536, 512 + 1024 + 512 + 512}) {
            UnsafeArchiveException e = assertRefused(gzip(java.util.Arrays.copyOf(tar, cut)));
            assertTrue(e.getMessage().contains("archive ended early"), e.getMessage());
        }
        UnsafeArchiveException empty = assertRefused(gzip(new byte[1024]));
        assertTrue(empty.getMessage().contains("holds no entries"), empty.getMessage());
    }

    @Test
    void aCutGzipTrailerSaysTheArchiveEndedEarlyNotNull() throws IOException {
        byte[] good = new TestArchives().file("top/a.txt", "x").tarGz();
        for (int cut : new int[] {4, 8}) {
            UnsafeArchiveException e = assertRefused(java.util.Arrays.copyOf(good, good.length - cut));
            assertTrue(e.getMessage().contains("archive ended early"), e.getMessage());
        }
    }

    @Test
    void aZipWithoutItsCentralDirectoryIsRefused() throws IOException {
        byte[] zip = new TestArchives().file("top/a.txt", "x").file("top/b.txt", "y").zip();
        int cd = lastIndexOf(zip, new byte[] {'P', 'K', 1, 2});
        UnsafeArchiveException e = assertRefused(java.util.Arrays.copyOf(zip, cd));
        assertTrue(e.getMessage().contains("archive ended early"), e.getMessage());
    }

    static int lastIndexOf(byte[] b, byte[] what) {
        for (int i = b.length - what.length; i >= 0; i--) {
            if (java.util.Arrays.equals(b, i, i + what.length, what, 0, what.length)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }

    static byte[] gunzip(byte[] gz) throws IOException {
        return new java.util.zip.GZIPInputStream(new ByteArrayInputStream(gz)).readAllBytes();
    }

    static byte[] gzip(byte[] raw) throws IOException {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        try (java.util.zip.GZIPOutputStream z = new java.util.zip.GZIPOutputStream(out)) {
            z.write(raw);
        }
        return out.toByteArray();
    }

    @Test
    void brokenBytesAreRefused() throws IOException {
        byte[] good = new TestArchives().file("top/a.txt", "x".repeat(50_000)).file("top/b.txt", "y").tarGz();
        assertRefused(Arrays.copyOf(good, good.length / 2));
        byte[] corrupt = good.clone();
        for (int i = 20; i < 60; i++) {
            corrupt[i] ^= 0x5a;
        }
        assertRefused(corrupt);
        byte[] zip = new TestArchives().file("top/a.txt", "x".repeat(50_000)).zip();
        assertRefused(Arrays.copyOf(zip, zip.length - 10));
        assertRefused("<html>not found</html>".getBytes());
        assertRefused(new byte[0]);
    }

    @Test
    void benignArchivesKeepModesAndInsideLinks() throws IOException {
        TestArchives a = new TestArchives().dir("top").exec("top/bin/run", "#!/bin/sh\n").file("top/d/x.txt", "x")
                .symlink("top/d/y.txt", "x.txt").symlink("top/up", "d/../d/x.txt").hardlink("top/copy", "top/d/x.txt");
        for (byte[] bytes : new byte[][] {a.tarGz(), new TestArchives().dir("top").exec("top/bin/run", "#!/bin/sh\n")
                .file("top/d/x.txt", "x").symlink("top/d/y.txt", "x.txt").zip("0123456789012345678901234567890123456789")}) {
            Path target = Files.createDirectories(tmp.resolve("t" + System.nanoTime()));
            ExtractResult r = ArchiveExtractor.extract(new ByteArrayInputStream(bytes), () -> { }, target, LIMITS,
                    ProgressListener.NONE, "test");
            assertTrue(Files.isExecutable(target.resolve("bin/run")));
            assertFalse(Files.isExecutable(target.resolve("d/x.txt")));
            assertEquals("x", Files.readString(target.resolve("d/y.txt")));
            assertTrue(Files.isSymbolicLink(target.resolve("d/y.txt")));
            assertTrue(r.entries() >= 3); // the top-level folder is no entry of the tree
            if (bytes[0] == 'P') {
                assertEquals(Optional.of("0123456789012345678901234567890123456789"), r.commit());
            } else {
                assertEquals("x", Files.readString(target.resolve("copy")));
                assertEquals("x", Files.readString(target.resolve("up")));
            }
        }
    }

    UnsafeArchiveException assertRefused(byte[] archive) throws IOException {
        Path box = Files.createDirectories(tmp.resolve("box" + System.nanoTime()));
        Path target = Files.createDirectories(box.resolve("a/b/target"));
        Files.writeString(box.resolve("a/b/sibling.txt"), "keep");
        Set<String> before = listing(box, target);
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> ArchiveExtractor.extract(
                new ByteArrayInputStream(archive), () -> { }, target, LIMITS, ProgressListener.NONE, "test"));
        assertFalse(e.getMessage().contains("(null)"), e.getMessage());
        assertEquals(before, listing(box, target));
        assertEquals("keep", Files.readString(box.resolve("a/b/sibling.txt")));
        assertFalse(Files.exists(Path.of("/tmp/jhub-abs-evil.txt")));
        assertNoLinkLeadsOut(target);
        return e;
    }

    /** Every path of the box outside the target, without following links. */
    static Set<String> listing(Path box, Path target) throws IOException {
        Set<String> out = new java.util.TreeSet<>();
        try (Stream<Path> s = Files.walk(box)) {
            s.filter(p -> !p.startsWith(target)).forEach(p -> out.add(box.relativize(p).toString()));
        }
        return out;
    }

    static void assertNoLinkLeadsOut(Path target) throws IOException {
        Path real = target.toRealPath();
        try (Stream<Path> s = Files.walk(target)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (Files.isSymbolicLink(p) && Files.exists(p)) {
                    assertTrue(p.toRealPath().startsWith(real), p + " leads out");
                }
            }
        }
    }
}
