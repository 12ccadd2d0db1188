package io.jhub.fetch.https.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhub.api.ProgressListener;
import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.TreeLimits;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/** For random entry names and link targets, nothing is ever written outside the target directory. */
class ExtractionProperties {
    private static final TreeLimits LIMITS = new TreeLimits(50, 64 * 1024, "test limits");
    private static Path root;

    @BeforeContainer
    static void makeRoot() throws IOException {
        root = Files.createTempDirectory("jhub-extract-prop");
    }

    @AfterContainer
    static void removeRoot() throws IOException {
        TargetCleaner.empty(root);
        Files.delete(root);
    }

    @Provide
    Arbitrary<String> segment() {
        return Arbitraries.of("a", "b", "top", "link", "..", ".", "", "C:", "a\\..", "x.txt", "/", "..\\..");
    }

    @Provide
    Arbitrary<String> path() {
        return segment().list().ofMinSize(1).ofMaxSize(5).map(l -> String.join("/", l));
    }

    @Provide
    Arbitrary<TestArchives.Entry> entry() {
        Arbitrary<TestArchives.Type> type = Arbitraries.of(TestArchives.Type.FILE, TestArchives.Type.DIR,
                TestArchives.Type.SYMLINK, TestArchives.Type.SYMLINK, TestArchives.Type.HARDLINK);
        Arbitrary<String> name = Arbitraries.oneOf(path(), path().map(p -> "top/" + p), path().map(p -> "/" + p));
        Arbitrary<String> target = Arbitraries.oneOf(path(), path().map(p -> "/" + p), path().map(p -> "top/" + p));
        return Combinators.combine(type, name, target).as((t, n, g) -> new TestArchives.Entry(t, n,
                t == TestArchives.Type.FILE ? "data" : g, -1, 0644));
    }

    @Provide
    Arbitrary<List<TestArchives.Entry>> entries() {
        return entry().list().ofMinSize(1).ofMaxSize(8);
    }

    @Property(tries = 300)
    void nothingIsWrittenOutsideTheTarget(@ForAll("entries") List<TestArchives.Entry> entries,
            @ForAll boolean zip) throws IOException {
        TestArchives a = new TestArchives();
        for (TestArchives.Entry e : entries) {
            if (e.name().isEmpty()) {
                continue;
            }
            switch (e.type()) {
                case FILE -> a.file(e.name(), "data");
                case DIR -> a.dir(e.name());
                case SYMLINK -> a.symlink(e.name(), e.target().isEmpty() ? "." : e.target());
                default -> {
                    if (!zip) {
                        a.hardlink(e.name(), e.target());
                    }
                }
            }
        }
        byte[] bytes;
        try {
            bytes = zip ? a.zip() : a.tarGz();
        } catch (IllegalArgumentException | IOException e) {
            return; // Commons Compress would not write such an entry
        }
        Path box = Files.createTempDirectory(root, "box");
        Path target = Files.createDirectories(box.resolve("p/q/target"));
        Files.writeString(box.resolve("p/q/canary.txt"), "canary");
        Set<String> before = HostileArchiveTest.listing(box, target);
        try {
            ArchiveExtractor.extract(new ByteArrayInputStream(bytes), () -> { }, target, LIMITS, ProgressListener.NONE,
                    "prop");
        } catch (UnsafeArchiveException expected) {
            // refusing is fine; writing outside is not
        }
        assertEquals(before, HostileArchiveTest.listing(box, target));
        assertEquals("canary", Files.readString(box.resolve("p/q/canary.txt")));
        HostileArchiveTest.assertNoLinkLeadsOut(target);
        deleteTree(box);
    }

    private static void deleteTree(Path dir) throws IOException {
        Files.walkFileTree(dir, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path f, BasicFileAttributes attrs) throws IOException {
                Files.delete(f);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path d, IOException e) throws IOException {
                Files.delete(d);
                return FileVisitResult.CONTINUE;
            }
        });
    }
}
