package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.OfflineException;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 7: a tree fetched with skip-validation is marked in the cache, and a later call that does not
 * skip validation does not take it unchecked. {@code owner/forky} serves a commit that no ref reaches (as GitHub
 * serves fork commits under the parent's URLs) and {@code middle}, a reachable commit that is no ref's tip.
 */
class SkippedValidationCacheTest {
    @TempDir
    static Path shared;
    @TempDir
    Path cache;

    static TestCertificates certs;
    static GitHttpsServer server;
    static String forkCommit;
    static String middle;

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.generate(shared.resolve("certs"));
        HttpsFixtures.Sample sample = HttpsFixtures.sample(shared.resolve("repo"));
        Path forky = sample.work().bareClone(shared.resolve("forky/forky.git"));
        sample.work().git("checkout", "-q", "-b", "fork");
        sample.work().write("fork.txt", "code the owner never published\n");
        forkCommit = sample.work().commit("fork");
        sample.work().git("checkout", "-q", "main");
        sample.work().git("push", "-q", forky.toString(), "fork:refs/heads/tmp");
        Processes.run(forky, "git", "update-ref", "-d", "refs/heads/tmp");
        middle = sample.work().git("rev-parse", "main~1").strip();
        server = GitHttpsServer.start(certs, shared);
        server.addRepo("owner/forky", forky);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    Hub hub(boolean offline) {
        return Hub.builder().cacheDir(cache).gitHost(server.hostAndPort()).sslContext(certs.clientContext())
                .environment(Map.of()).serviceLoading(false).fetcher(new HttpsFetcher()).offline(offline).build();
    }

    Path marker(String commit) {
        return hub(true).cachedRepos().get(0).dir().resolve(commit + ".unvalidated");
    }

    @Test
    void aSkippedTreeIsNotReusedByACallThatValidates() throws IOException {
        Path tree = hub(false).repo("owner/forky:" + forkCommit).skipValidation(true).fetch();
        assertTrue(Files.exists(marker(forkCommit)), "the install records that the tree was not checked");
        long archives = server.count("/archive/");
        for (var call : java.util.List.<Runnable>of(() -> hub(false).repo("owner/forky:" + forkCommit).fetch(),
                () -> hub(false).repo("owner/forky").commit(forkCommit).fetch(),
                () -> hub(false).repo("owner/forky:" + forkCommit.substring(0, 10)).fetch())) {
            RefNotFoundException e = assertThrows(RefNotFoundException.class, call::run);
            assertTrue(e.getMessage().contains(forkCommit) && e.getMessage().contains("not reachable from any"),
                    e.getMessage());
        }
        assertEquals(archives, server.count("/archive/"), "the refusal comes from the refs, before any archive");
        // the call that skips validation itself still gets its tree from the cache
        long requests = server.requests().size();
        assertEquals(tree, hub(false).repo("owner/forky:" + forkCommit).skipValidation(true).fetch());
        assertEquals(requests, server.requests().size());
    }

    @Test
    void offlineASkippedTreeIsRefusedWithAClearMessage() throws IOException {
        Path tree = hub(false).repo("owner/forky").commit(forkCommit).skipValidation(true).fetch();
        OfflineException e = assertThrows(OfflineException.class,
                () -> hub(true).repo("owner/forky").commit(forkCommit).fetch());
        String m = e.getMessage();
        assertTrue(m.contains(forkCommit) && m.contains("owner/forky") && m.contains("--skip-validation")
                && m.contains("skipValidation(true)") && m.contains("go online"), m);
        assertEquals(tree, hub(true).repo("owner/forky").commit(forkCommit).skipValidation(true).fetch());
        assertEquals("code the owner never published\n", Files.readString(tree.resolve("fork.txt")));
    }

    @Test
    void aReachableSkippedTreeIsCheckedOnceThenTrusted() {
        Path tree = hub(false).repo("owner/forky").commit(middle).skipValidation(true).fetch();
        assertTrue(Files.exists(marker(middle)));
        long probes = server.count("/git-upload-pack");
        assertEquals(tree, hub(false).repo("owner/forky").commit(middle).fetch());
        assertEquals(probes + 1, server.count("/git-upload-pack"), "the commit was checked against the refs");
        assertFalse(Files.exists(marker(middle)), "a checked tree loses its marker");
        long requests = server.requests().size();
        assertEquals(tree, hub(true).repo("owner/forky").commit(middle).fetch());
        assertEquals(tree, hub(false).repo("owner/forky").commit(middle).fetch());
        assertEquals(requests, server.requests().size(), "once checked, the cached tree is used as it is");
    }
}
