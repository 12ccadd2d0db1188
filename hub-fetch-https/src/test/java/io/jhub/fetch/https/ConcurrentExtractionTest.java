package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.FetchException;
import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.api.UnsafeArchiveException;
import io.jhub.api.spi.FetchRequest;
import io.jhub.core.Hub;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.Processes;
import io.jhub.testkit.TestCertificates;
import io.jhub.testkit.TestFetchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The fetcher on a repository of many small files and a few large ones, made and served by the real git: the
 * tree written by the writer threads equals git's own, and a write failure or a limit stops it with nothing kept.
 */
class ConcurrentExtractionTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    static TestCertificates certs;
    static GitHttpsServer server;
    static GitRepo repo;
    static String good;
    static String unwritable;

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.generate(shared.resolve("certs"));
        repo = GitRepo.init(shared.resolve("work"));
        Random random = new Random(7);
        for (int i = 0; i < 1200; i++) {
            String name = "pkg" + (i % 60) + "/sub" + (i % 4) + "/f" + i + (i % 13 == 0 ? ".sh" : ".bin");
            repo.write(name, bytes(random, i % 50 == 9 ? 0 : 1 + random.nextInt(3000)));
            if (i % 13 == 0) {
                repo.executable(name);
            }
        }
        repo.write("big/one.bin", bytes(random, 300_000)).write("big/two.bin", bytes(random, 1_100_000))
                .write("pkg7/sub1/three.bin", bytes(random, 2_600_000))
                .symlink("pkg3/link.bin", "sub1/f1.bin").symlink("big/up", "../pkg7");
        good = repo.commit("many files");
        // a name longer than file systems take (ENAMETOOLONG), put in the tree by git's plumbing
        String blob = repo.git("hash-object", "-w", "pkg5/sub1/f5.bin").trim();
        repo.git("update-index", "--add", "--cacheinfo", "100644," + blob + ",pkg5/sub1/" + "n".repeat(300));
        repo.git("commit", "-q", "-m", "an unwritable name");
        unwritable = repo.head();
        server = GitHttpsServer.start(certs, shared);
        server.addRepo("owner/many", repo.bareClone(shared.resolve("bare/many.git")));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void noWriterThreadOutlivesAFetch() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.getName().startsWith("jhub-extract-writer-"), t + " still runs");
        }
    }

    static byte[] bytes(Random random, int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    FetchRequest request(String commit) {
        return new FetchRequest(GitHost.parse(server.hostAndPort()), RepoInfo.parse("owner/many"), Optional.of(commit));
    }

    TestFetchContext ctx() {
        return new TestFetchContext(certs.clientContext());
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"tar.gz", "zip"})
    void treeEqualsGitArchiveExtractedByTar(String format) throws IOException {
        Path target = Files.createDirectories(tmp.resolve("target"));
        new HttpsFetcher().fetch(request(good), target, ctx().with("https.format", format));
        Path expected = Files.createDirectories(tmp.resolve("expected"));
        Path tar = repo.archive(good, "tar", "x/", tmp.resolve("good.tar"));
        Processes.run(expected, "tar", "xf", tar.toString(), "--strip-components=1");
        assertEquals(Trees.describe(expected), Trees.describe(target));
        assertTrue(Files.isExecutable(target.resolve("pkg0/sub0/f0.sh")));
        assertEquals(2_600_000, Files.size(target.resolve("pkg7/sub1/three.bin")));
    }

    @Test
    void anOverLongNameIsAClearRefusalNamingTheEntry() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("target"));
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> new HttpsFetcher()
                .fetch(request(unwritable), target, ctx()));
        assertTrue(e.getMessage().contains("pkg5/sub1/nnnn") && e.getMessage().contains("300 bytes long"),
                e.getMessage());
        assertFalse(e.getMessage().contains(target.toString()), e.getMessage());
    }

    @Test
    void aRefusedTreeLeavesTheCacheAsItWas() throws IOException {
        Path cache = Files.createDirectories(tmp.resolve("cache"));
        Hub hub = Hub.builder().cacheDir(cache).gitHost(server.hostAndPort()).sslContext(certs.clientContext())
                .environment(Map.of()).serviceLoading(false).fetcher(new HttpsFetcher()).build();
        Path installed = hub.repo("owner/many").commit(good).fetch();
        Set<String> before = Trees.listing(cache);
        FetchException e = assertThrows(FetchException.class, () -> hub.repo("owner/many").commit(unwritable).fetch());
        assertTrue(e.getMessage().contains("300 bytes long"), e.getMessage());
        Set<String> after = Trees.listing(cache);
        after.removeIf(p -> p.endsWith(".lock") || p.contains("refs"));
        before.removeIf(p -> p.endsWith(".lock") || p.contains("refs"));
        assertEquals(before, after);
        assertTrue(Files.isDirectory(installed));
    }

    @Test
    void limitsHoldWhileFilesAreWrittenConcurrently() throws IOException {
        Path byBytes = Files.createDirectories(tmp.resolve("bytes"));
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> new HttpsFetcher()
                .fetch(request(good), byBytes, ctx().with("https.maxBytes", "1000000")));
        assertTrue(e.getMessage().contains("https.maxBytes"), e.getMessage());
        long written = Arrays.stream(fileSizes(byBytes)).sum();
        assertTrue(written <= 1_000_000, "wrote " + written + " bytes");

        Path byCount = Files.createDirectories(tmp.resolve("count"));
        e = assertThrows(UnsafeArchiveException.class, () -> new HttpsFetcher()
                .fetch(request(good), byCount, ctx().with("https.maxEntries", "700")));
        assertTrue(e.getMessage().contains("https.maxEntries"), e.getMessage());
        int files = fileSizes(byCount).length;
        assertTrue(files <= 700, "wrote " + files + " files");
    }

    static long[] fileSizes(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).toArray();
        }
    }
}
