package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.RefNotFoundException;
import io.jhub.core.Hub;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.HttpsFixtures;
import io.jhub.testkit.Processes;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 7: a pinned commit must be reachable from a branch or tag of the repository. The server's
 * {@code owner/forky} holds a commit that was pushed to a ref and the ref deleted: it is in the object store and
 * its archive is served (as GitHub serves fork commits), but no advertised ref reaches it.
 */
class CommitValidationTest {
    @TempDir
    static Path shared;
    @TempDir
    Path cache;

    static TestCertificates certs;
    static GitHttpsServer server;
    static HttpsFixtures.Sample sample;
    static String forkCommit;
    /** The parent of main: reachable, but no ref's tip. */
    static String middle;

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.generate(shared.resolve("certs"));
        sample = HttpsFixtures.sample(shared.resolve("repo"));
        Path forky = sample.work().bareClone(shared.resolve("forky/forky.git"));
        sample.work().git("checkout", "-q", "-b", "fork");
        sample.work().write("fork.txt", "code the owner never published\n");
        forkCommit = sample.work().commit("fork");
        sample.work().git("checkout", "-q", "main");
        sample.work().git("push", "-q", forky.toString(), "fork:refs/heads/tmp");
        Processes.run(forky, "git", "update-ref", "-d", "refs/heads/tmp");
        assertEquals("commit", Processes.run(forky, "git", "cat-file", "-t", forkCommit).strip());
        middle = sample.work().git("rev-parse", "main~1").strip();
        server = GitHttpsServer.start(certs, shared);
        server.addRepo("owner/forky", forky);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @AfterEach
    void reset() {
        server.smartHttp(true);
    }

    Hub hub() {
        return Hub.builder().cacheDir(cache).gitHost(server.hostAndPort()).sslContext(certs.clientContext())
                .environment(Map.of()).serviceLoading(false).fetcher(new HttpsFetcher()).build();
    }

    @Test
    void aCommitNoRefReachesIsRefusedWithAClearMessage() {
        long archives = server.count("/archive/");
        for (var call : java.util.List.<Runnable>of(() -> hub().repo("owner/forky:" + forkCommit).fetch(),
                () -> hub().repo("owner/forky").commit(forkCommit).fetch())) {
            RefNotFoundException e = assertThrows(RefNotFoundException.class, call::run);
            String m = e.getMessage();
            assertTrue(m.contains(forkCommit) && m.contains("owner/forky") && m.contains("not reachable from any"
                    + " branch or tag") && m.contains("fork") && m.contains("skipValidation(true)")
                    && m.contains("--skip-validation"), m);
        }
        assertEquals(archives, server.count("/archive/"), "no archive is downloaded for a refused commit");
        assertFalse(Files.exists(cache.resolve("repos").resolve(server.hostAndPort().replace(':', '-'))
                .resolve("owner/forky/" + forkCommit)));
    }

    @Test
    void anAbbreviatedIdOfACommitNoRefReachesIsRefusedOnceTheArchiveNamesIt() {
        String abbreviated = forkCommit.substring(0, 10);
        RefNotFoundException e = assertThrows(RefNotFoundException.class,
                () -> hub().repo("owner/forky:" + abbreviated).fetch());
        assertTrue(e.getMessage().contains(forkCommit) && e.getMessage().contains("not reachable from any"),
                e.getMessage());
        assertFalse(Files.exists(cache.resolve("repos").resolve(server.hostAndPort().replace(':', '-'))
                .resolve("owner/forky/" + forkCommit)));
    }

    @Test
    void skipValidationFetchesItAnyway() throws IOException {
        Path tree = hub().repo("owner/forky:" + forkCommit).skipValidation(true).fetch();
        assertEquals("code the owner never published\n", Files.readString(tree.resolve("fork.txt")));
    }

    @Test
    void aReachableCommitPassesOnceAndIsNotCheckedAgainWhenCached() {
        long probes = server.count("/git-upload-pack");
        Path tree = hub().repo("owner/forky:" + middle).fetch();
        assertTrue(tree.endsWith(middle), tree.toString());
        assertEquals(probes + 1, server.count("/git-upload-pack"), "one small check");
        long requests = server.requests().size();
        assertEquals(tree, hub().repo("owner/forky").commit(middle).fetch());
        assertEquals(requests, server.requests().size(), "a cached commit was validated when it was fetched");
    }

    @Test
    void withoutSmartHttpTheCommitIsUsedWithAWarning() {
        server.smartHttp(false);
        Path tree = hub().repo("owner/forky:" + sample.feature()).fetch();
        assertTrue(tree.endsWith(sample.feature()), tree.toString());
    }
}
