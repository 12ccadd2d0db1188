package io.jhub.git;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.UnsafeArchiveException;
import java.io.IOException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;

/**
 * For random directories and links, whatever the writer accepts resolves inside the tree on the real file system
 * (the lexical rule is checked against the operating system's own resolution).
 */
class LinkRuleProperties {
    static final TreeLimits LIMITS = new TreeLimits(100, 1000, "test");

    @Provide
    Arbitrary<String> paths() {
        return Arbitraries.of("a", "b", "d", "e").list().ofMinSize(1).ofMaxSize(3).map(l -> String.join("/", l));
    }

    @Provide
    Arbitrary<List<String>> dirs() {
        return paths().list().ofMaxSize(4);
    }

    @Provide
    Arbitrary<String> targets() {
        return Arbitraries.of("a", "b", "d", "e", "..", ".").list().ofMinSize(1).ofMaxSize(5)
                .map(l -> String.join("/", l));
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<String, String>>> links() {
        return Combinators.combine(paths(), targets()).as(Tuple::of).list().ofMinSize(1).ofMaxSize(5);
    }

    @Property(tries = 400)
    void acceptedLinksResolveInsideTheTree(@ForAll("dirs") List<String> dirs,
            @ForAll("links") List<Tuple.Tuple2<String, String>> links) throws IOException {
        Path box = Files.createTempDirectory("jhub-links");
        Path target = Files.createDirectories(box.resolve("x/y/tree"));
        try {
            try (TreeWriter w = new TreeWriter(target, LIMITS)) {
                for (String d : dirs) {
                    w.directory(d);
                }
                for (Tuple.Tuple2<String, String> l : links) {
                    w.symlink(l.get1(), l.get2());
                }
                w.finish();
            } catch (UnsafeArchiveException refused) {
                return;
            }
            Path root = target.toRealPath();
            try (Stream<Path> s = Files.walk(target)) {
                for (Path p : (Iterable<Path>) s::iterator) {
                    if (Files.isSymbolicLink(p)) {
                        for (String rest : new String[] {"", "a", "a/b"}) {
                            assertInside(root, p.resolve(rest), links);
                        }
                    }
                }
            }
        } finally {
            try (Stream<Path> s = Files.walk(box)) {
                s.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private static void assertInside(Path root, Path p, Object links) throws IOException {
        Path real;
        try {
            real = p.toRealPath();
        } catch (java.nio.file.NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return; // dangling
        } catch (FileSystemException e) {
            return; // ELOOP through a directory link, which is fine
        }
        assertTrue(real.startsWith(root), p + " resolves to " + real + " with links " + links);
    }
}
