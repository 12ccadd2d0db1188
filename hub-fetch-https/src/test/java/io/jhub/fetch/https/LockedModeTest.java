package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.LockMismatchException;
import io.jhub.core.Hub;
import io.jhub.core.HubBuilder;
import io.jhub.core.Lockfile;
import io.jhub.http.download.DownloadOptions;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.HttpsFixtures;
import io.jhub.testkit.RangeHttpsServer;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, lockfile: locked loads against the loopback git HTTPS server, counting its requests. */
class LockedModeTest {
    @TempDir
    Path tmp;

    TestCertificates certs;
    GitHttpsServer server;
    HttpsFixtures.Sample sample;
    Path lockfile;

    @BeforeEach
    void start() throws IOException {
        certs = TestCertificates.generate(tmp.resolve("certs"));
        sample = HttpsFixtures.sample(tmp.resolve("repo"));
        server = GitHttpsServer.start(certs, tmp.resolve("server"));
        server.addRepo("owner/sample", sample.bare());
        lockfile = tmp.resolve("jhub.lock");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    HubBuilder builder(String cache) {
        return Hub.builder().cacheDir(tmp.resolve(cache)).gitHost(server.hostAndPort())
                .sslContext(certs.clientContext()).environment(Map.of()).serviceLoading(false)
                .fetcher(new HttpsFetcher());
    }

    Hub locked(String cache, boolean offline) {
        return builder(cache).lockFile(lockfile).locked(true).offline(offline).build();
    }

    Lockfile lock(String repo) {
        Hub hub = builder("cache").build();
        Lockfile.Repo rec = hub.lockRecord(hub.repo(repo));
        Lockfile lock = (Files.exists(lockfile) ? Lockfile.read(lockfile) : Lockfile.empty()).with(rec);
        lock.write(lockfile);
        return lock;
    }

    @Test
    void aLockedLoadMakesNoRequestAndKeepsItsCommitUntilLockedAgain() throws IOException {
        Lockfile lock = lock("owner/sample:main");
        assertEquals(sample.main(), lock.repos().get(0).commit());
        assertTrue(Files.readString(lockfile).contains("jhub-lock 1\nrepo " + server.hostAndPort()
                + "/owner/sample main HTTPS commit=" + sample.main() + " tree=sha256:"), Files.readString(lockfile));
        long before = server.requests().size();
        assertEquals("v2", locked("cache", false).repo("owner/sample:main").trust(true).load("hello"));
        assertEquals("v2", locked("cache", true).repo("owner/sample:main").trust(true).load("hello"));
        assertEquals(before, server.requests().size(), "a locked load of a cached commit makes no request");

        sample.work().write("hubconf.java", "package demo;\npublic class hubconf { public static String hello()"
                + " { return \"v3\"; } }\n");
        String moved = sample.work().commit("third");
        sample.push();
        assertEquals("v3", builder("cache").build().repo("owner/sample:main").trust(true).load("hello"));
        before = server.requests().size();
        assertEquals("v2", locked("cache", false).repo("owner/sample:main").load("hello"), "the lock, not the branch");
        assertEquals(before, server.requests().size());
        LockMismatchException refused = assertThrows(LockMismatchException.class,
                () -> locked("cache", false).repo("owner/sample:main").commit(moved).fetch());
        assertTrue(refused.getMessage().contains("commit " + moved + " was asked for")
                && refused.getMessage().contains(lock.repos().get(0).line()), refused.getMessage());

        Lockfile relocked = lock("owner/sample:main");
        assertEquals(moved, relocked.repos().get(0).commit());
        assertEquals("v3", locked("cache", false).repo("owner/sample:main").load("hello"));
    }

    @Test
    void aRepoOrRefNotInTheLockIsRefusedWithTheLockLine() {
        Lockfile lock = lock("owner/sample:main");
        long before = server.requests().size();
        LockMismatchException e = assertThrows(LockMismatchException.class,
                () -> locked("cache", false).repo("owner/sample:v1.0").fetch());
        assertTrue(e.getMessage().contains("no record for " + server.hostAndPort() + "/owner/sample v1.0 HTTPS")
                && e.getMessage().contains(lock.repos().get(0).line()), e.getMessage());
        assertThrows(LockMismatchException.class, () -> locked("cache", false).repo("owner/other").fetch());
        assertEquals(before, server.requests().size(), "refused before any request");
    }

    @Test
    void aLockedLoadOnAnEmptyCacheFetchesTheLockedCommit() {
        lock("owner/sample:main");
        Path tree = locked("fresh", false).repo("owner/sample:main").fetch();
        assertTrue(tree.endsWith(sample.main()), tree.toString());
    }

    @Test
    void aTamperedCachedFileIsRefusedByALockedLoadAndNamedByVerify() throws IOException {
        Lockfile lock = lock("owner/sample:main");
        Path tree = locked("cache", false).repo("owner/sample:main").fetch();
        Path readme = tree.resolve("docs/readme.txt");
        // touched but identical: the stamp no longer matches, a re-hash finds the same tree
        Files.setLastModifiedTime(readme, FileTime.fromMillis(Files.getLastModifiedTime(readme).toMillis() - 5000));
        assertEquals(tree, locked("cache", false).repo("owner/sample:main").fetch());
        assertEquals(List.of(), builder("cache").build().verify(lock));

        Files.writeString(readme, "changed\n", StandardCharsets.UTF_8);
        LockMismatchException e = assertThrows(LockMismatchException.class,
                () -> locked("cache", false).repo("owner/sample:main").fetch());
        assertTrue(e.getMessage().contains("docs/readme.txt: content or mode changed")
                && e.getMessage().contains(lock.repos().get(0).line()), e.getMessage());
        List<String> problems = builder("cache").build().verify(lock);
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith(readme.toString()), problems.toString());
    }

    @Test
    void aWeightsUrlServingOtherBytesIsRefused() throws IOException {
        byte[] weights = "weights v1".getBytes(StandardCharsets.UTF_8);
        try (RangeHttpsServer files = RangeHttpsServer.start(certs.serverContext())) {
            files.serve("/w/model.bin", weights);
            URI uri = files.uri("/w/model.bin");
            Hub hub = builder("cache").build();
            Lockfile.Weights rec = hub.lockRecord(uri, DownloadOptions.defaults());
            assertEquals(weights.length, rec.size());
            Lockfile.empty().with(rec).write(lockfile);

            Path got = locked("second", false).download(uri, DownloadOptions.defaults());
            assertEquals("weights v1", Files.readString(got));
            assertEquals(got, locked("second", true).download(uri, DownloadOptions.defaults()));
            assertEquals(List.of(), builder("second").build().verify(Lockfile.read(lockfile)));
            Files.writeString(got, "weights v1, tampered");
            List<String> problems = builder("second").build().verify(Lockfile.read(lockfile));
            assertEquals(1, problems.size(), problems.toString());
            assertTrue(problems.get(0).startsWith(got + ": "), problems.toString());

            files.change("/w/model.bin", "weights v2, other bytes".getBytes(StandardCharsets.UTF_8), "\"v2\"");
            LockMismatchException e = assertThrows(LockMismatchException.class,
                    () -> locked("third", false).download(uri, DownloadOptions.defaults()));
            assertTrue(e.getMessage().contains("served bytes with sha256") && e.getMessage().contains(rec.line()),
                    e.getMessage());
            URI other = files.uri("/w/other.bin");
            LockMismatchException missing = assertThrows(LockMismatchException.class,
                    () -> locked("third", false).download(other, DownloadOptions.defaults()));
            assertTrue(missing.getMessage().contains("no record for the weights URL " + other), missing.getMessage());
            assertNotEquals(0, files.requests("/w/model.bin").size());
        }
    }
}
