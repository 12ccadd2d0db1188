package io.jhub.fetch.ssh;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhub.testkit.GitRepo;
import io.jhub.testkit.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Compares a fetched tree with `git archive` of the same commit: paths, bytes, exec bits, link targets. */
final class TreeCompare {
    private TreeCompare() {
    }

    static void assertSameAsArchive(GitRepo repo, String commit, Path fetched, Path scratch) throws IOException {
        Path tar = repo.archive(commit, "tar", "", scratch.resolve("archive.tar"));
        Path expected = Files.createDirectories(scratch.resolve("expected"));
        Processes.run(scratch, "tar", "-xf", tar.toString(), "-C", expected.toString());
        assertSameTree(expected, fetched);
    }

    static void assertSameTree(Path expected, Path actual) throws IOException {
        TreeMap<String, Path> e = list(expected);
        TreeMap<String, Path> a = list(actual);
        assertEquals(List.copyOf(e.keySet()), List.copyOf(a.keySet()), "paths");
        for (String rel : e.keySet()) {
            Path pe = e.get(rel);
            Path pa = a.get(rel);
            assertEquals(Files.isSymbolicLink(pe), Files.isSymbolicLink(pa), "symlink? " + rel);
            if (Files.isSymbolicLink(pe)) {
                assertEquals(Files.readSymbolicLink(pe), Files.readSymbolicLink(pa), "link target " + rel);
            } else if (Files.isDirectory(pe, LinkOption.NOFOLLOW_LINKS)) {
                assertEquals(true, Files.isDirectory(pa, LinkOption.NOFOLLOW_LINKS), "dir " + rel);
            } else {
                assertArrayEquals(Files.readAllBytes(pe), Files.readAllBytes(pa), "content " + rel);
                assertEquals(Files.isExecutable(pe), Files.isExecutable(pa), "exec bit " + rel);
            }
        }
    }

    private static TreeMap<String, Path> list(Path root) throws IOException {
        TreeMap<String, Path> m = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            s.filter(p -> !p.equals(root)).forEach(p -> m.put(root.relativize(p).toString(), p));
        }
        return m;
    }
}
