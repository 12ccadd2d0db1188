package io.jhub.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.UnsafeArchiveException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer's rules, one by one, and what its refusals say. */
class TreeWriterTest {
    static final TreeLimits LIMITS = new TreeLimits(100, 1000, "the test's limits");

    @TempDir
    Path tmp;

    interface Steps {
        void run(TreeWriter w) throws IOException;
    }

    static InputStream text(String s) {
        return new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8));
    }

    static void file(TreeWriter w, String rel, String content) throws IOException {
        w.file(rel, text(content), false, content.length());
    }

    Path target() throws IOException {
        return Files.createTempDirectory(tmp, "t");
    }

    UnsafeArchiveException refused(Steps steps) throws IOException {
        Path target = target();
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> {
            try (TreeWriter w = new TreeWriter(target, LIMITS)) {
                steps.run(w);
                w.finish();
            }
        });
        assertFalse(e.getMessage().contains(tmp.toString()), "no staging path in: " + e.getMessage());
        assertFalse(e.getMessage().toLowerCase(java.util.Locale.ROOT).contains("network"), e.getMessage());
        assertTrue(e.getMessage().length() < 600, e.getMessage());
        return e;
    }

    @Test
    void duplicatesAreRefusedNamingTheEntry() throws IOException {
        assertTrue(refused(w -> { file(w, "a", "1"); file(w, "a", "2"); }).getMessage().contains("\"a\" appears twice"));
        assertTrue(refused(w -> { file(w, "d", "1"); w.directory("d"); }).getMessage().contains("\"d\""));
        assertTrue(refused(w -> { w.directory("d"); w.directory("d"); }).getMessage().contains("\"d\""));
        assertTrue(refused(w -> { file(w, "d/x", "1"); file(w, "d", "2"); }).getMessage().contains("\"d\""));
        assertTrue(refused(w -> { file(w, "f", "1"); file(w, "f/x", "2"); }).getMessage().contains("below \"f\""));
        assertTrue(refused(w -> { w.symlink("l", "d"); w.directory("d"); file(w, "l/x", "2"); }).getMessage()
                .contains("through the link"));
        assertTrue(refused(w -> { file(w, "l/x", "2"); w.symlink("l", "d"); }).getMessage().contains("\"l\""));
    }

    @Test
    void entriesInARowOfOneDirectoryStillMeetEveryParentRule() throws IOException {
        // the writer skips re-checking the parents that the previous entry of the same directory had checked
        assertTrue(refused(w -> { file(w, "d/a", "1"); file(w, "d/b", "2"); file(w, "d/b/c", "3"); })
                .getMessage().contains("lies below \"d/b\", which is a file"));
        assertTrue(refused(w -> { w.symlink("d/l", "."); file(w, "d/a", "1"); file(w, "d/l/x", "2"); })
                .getMessage().contains("lies below \"d/l\", which is a symbolic link"));
        assertTrue(refused(w -> { file(w, "D/a", "1"); file(w, "D/b", "2"); file(w, "d/c", "3"); })
                .getMessage().contains("differ only in upper and lower case"));
        assertTrue(refused(w -> { file(w, "d/e/a", "1"); file(w, "d/e/b", "2"); file(w, "d/E", "3"); })
                .getMessage().contains("differ only in upper and lower case"));
        Path target = target();
        try (TreeWriter w = new TreeWriter(target, LIMITS)) {
            file(w, "d/e/a", "1");
            file(w, "d/e/b", "2");
            w.directory("d/e/f");
            file(w, "d/e/f/g", "3");
            file(w, "d/e/h", "4");
            w.finish();
        }
        assertEquals("4", Files.readString(target.resolve("d/e/h")));
        assertEquals("3", Files.readString(target.resolve("d/e/f/g")));
    }

    @Test
    void caseCollisionsAreRefusedOnEveryFileSystem() throws IOException {
        String m = refused(w -> { file(w, "A", "1"); file(w, "a", "2"); }).getMessage();
        assertTrue(m.contains("\"A\" and \"a\" differ only in upper and lower case"), m);
        assertTrue(refused(w -> { file(w, "Src/x", "1"); file(w, "src/y", "2"); }).getMessage().contains("\"Src\""));
        assertTrue(refused(w -> { file(w, "caf\u00e9", "1"); file(w, "cafe\u0301", "2"); }).getMessage()
                .contains("normalisation"));
    }

    @Test
    void overLongNamesAreAClearRefusal() throws IOException {
        String name = "n".repeat(256);
        String m = refused(w -> file(w, "d/" + name, "x")).getMessage();
        assertTrue(m.contains("256 bytes long in UTF-8"), m);
        assertTrue(m.contains("d/nnnn"), m);
    }

    @Test
    void theDeclaredSizeIsCheckedBeforeAnythingIsWrittenOrRead() throws IOException {
        Path target = target();
        boolean[] read = {false};
        InputStream watched = new InputStream() {
            @Override
            public int read() {
                read[0] = true;
                return -1;
            }
        };
        try (TreeWriter w = new TreeWriter(target, LIMITS)) {
            file(w, "small", "x".repeat(500));
            UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                    () -> w.file("big", watched, false, 501));
            assertTrue(e.getMessage().contains("\"big\" declares 501 bytes"), e.getMessage());
            assertTrue(e.getMessage().contains("the test's limits"), e.getMessage());
        }
        assertFalse(read[0], "the content was read");
        assertFalse(Files.exists(target.resolve("big")));
    }

    @Test
    void theBytesReadAndTheEntryCountAreCapped() throws IOException {
        assertTrue(refused(w -> w.file("u", text("y".repeat(1001)), false, -1)).getMessage().contains("past 1000"));
        assertTrue(refused(w -> w.file("u", text("y".repeat(20)), false, 10)).getMessage()
                .contains("more than the 10 bytes its header declares"));
        assertTrue(refused(w -> {
            for (int i = 0; i < 101; i++) {
                w.directory("d" + i);
            }
        }).getMessage().contains("more than 100 entries"));
    }

    @Test
    void hardLinksCopyAFileOfTheTreeOnly() throws IOException {
        Path target = target();
        try (TreeWriter w = new TreeWriter(target, LIMITS)) {
            w.file("run", text("#!/bin/sh\n"), true, 10);
            w.hardLink("d/copy", "run");
            w.finish();
        }
        assertEquals("#!/bin/sh\n", Files.readString(target.resolve("d/copy")));
        assertTrue(Files.isExecutable(target.resolve("d/copy")));
        assertTrue(refused(w -> w.hardLink("h", "missing")).getMessage().contains("no file written earlier"));
        assertTrue(refused(w -> { w.symlink("l", "x"); w.hardLink("h", "l"); }).getMessage().contains("\"h\""));
        assertTrue(refused(w -> w.hardLink("h", "../../etc/passwd")).getMessage().contains("\"h\""));
    }

    @Test
    void linksFollowOneLexicalRule() throws IOException {
        assertTrue(refused(w -> w.symlink("l", "../x")).getMessage().contains("leads outside the tree"));
        assertTrue(refused(w -> w.symlink("d/l", "../../x")).getMessage().contains("leads outside"));
        assertTrue(refused(w -> w.symlink("l", "/etc/passwd")).getMessage().contains("absolute"));
        assertTrue(refused(w -> w.symlink("l", "")).getMessage().contains("empty"));
        assertTrue(refused(w -> w.symlink("l", "a\\..\\..\\x")).getMessage().contains("backslash"));
        assertTrue(refused(w -> w.symlink("l", "C:/x")).getMessage().contains("drive prefix"));
        assertTrue(refused(w -> w.symlink("l", "x".repeat(4097))).getMessage().contains("longer than 4096"));
        assertTrue(refused(w -> w.symlink("l", "l")).getMessage().contains("points to itself"));
        assertTrue(refused(w -> w.symlink("l", "./l/x")).getMessage().contains("points to itself"));
        assertTrue(refused(w -> { w.symlink("a", "b"); w.symlink("b", "a"); }).getMessage().contains("loop"));
        assertTrue(refused(w -> { w.symlink("q", "."); w.symlink("p", "q/.."); }).getMessage()
                .contains("applies \"..\" right after \"q\""));
        // "e" is not itself a link, but the path "l/e" goes through the link "l": the system climbs from
        // d/e's target (the root), so "l/e/.." is the root's parent
        assertTrue(refused(w -> { w.directory("d"); w.symlink("l", "d"); w.symlink("d/e", "..");
            w.symlink("m", "l/e/.."); }).getMessage().contains("\"m\""));
    }

    @Test
    void insideLinksAreWrittenAfterTheFiles() throws IOException {
        Path target = target();
        try (TreeWriter w = new TreeWriter(target, LIMITS)) {
            file(w, "d/x.txt", "x");
            w.symlink("d/y.txt", "x.txt");
            w.symlink("up", "d/../d/x.txt");
            w.symlink("chain", "d/y.txt");
            w.symlink("here", ".");
            w.symlink("dangling", "nothing/there");
            w.finish();
        }
        assertEquals("x", Files.readString(target.resolve("up")));
        assertEquals("x", Files.readString(target.resolve("chain")));
        assertTrue(Files.isSymbolicLink(target.resolve("dangling")));
        assertEquals(target.toRealPath(), target.resolve("here").toRealPath());
    }

    @Test
    void gitDirectoriesAreRefusedAtAnyDepth() throws IOException {
        for (String rel : new String[] {".git/config", "a/.GIT/hooks/x", "b/.git.", "c/GIT~1/x"}) {
            assertTrue(refused(w -> file(w, rel, "x")).getMessage().contains(".git directory"), rel);
        }
    }

    static long count(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.count();
        }
    }
}
