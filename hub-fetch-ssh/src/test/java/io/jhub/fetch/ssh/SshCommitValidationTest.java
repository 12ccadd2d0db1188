package io.jhub.fetch.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.RefNotFoundException;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.Resolution;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.GitSshServer;
import io.jhub.testkit.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Issue 12 item 7 over SSH: a pinned commit that no ref reaches (pushed to a ref, then the ref deleted, as a fork's
 * commit sits in a shared object store) is refused with a clear message when the server can check reachability
 * ({@code uploadpack.allowReachableSHA1InWant}); git's protocol v2 alone would serve it.
 */
class SshCommitValidationTest {
    @TempDir
    static Path tmp;
    static SshFixture fx;
    static GitSshServer v2;
    static GitSshServer v0;
    static String fork;
    static String middle;
    static final SshFetcher FETCHER = new SshFetcher();

    @BeforeAll
    static void setUp() throws IOException {
        fx = new SshFixture(tmp.resolve("fx"));
        GitRepo repo = GitRepo.init(tmp.resolve("work"));
        repo.write("a.txt", "one\n").commit("one");
        middle = repo.write("a.txt", "two\n").commit("two");
        repo.write("a.txt", "three\n").commit("three");
        repo.git("checkout", "-q", "-b", "fork");
        fork = repo.write("fork.txt", "not published\n").commit("fork");
        repo.git("checkout", "-q", "main");
        for (String name : new String[] {"checked", "plain"}) {
            Path bare = repo.bareClone(fx.repos.resolve("owner/" + name + ".git"));
            Processes.run(bare, "git", "update-ref", "-d", "refs/heads/fork");
            assertEquals("commit", Processes.run(bare, "git", "cat-file", "-t", fork).strip());
        }
        Processes.run(fx.repos.resolve("owner/checked.git"), "git", "config", "uploadpack.allowReachableSHA1InWant",
                "true");
        v2 = fx.trustedServer(fx.server());
        v0 = fx.trustedServer(fx.server().acceptProtocolEnv(false));
    }

    @AfterAll
    static void tearDown() throws IOException {
        v2.close();
        v0.close();
    }

    static FetchRequest pinned(GitSshServer s, String repo, String commit) {
        return SshFixture.request(s, repo).withCommit(commit);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void anUnreachableCommitIsRefusedWithAClearMessage(boolean protocolV2) throws IOException {
        GitSshServer s = protocolV2 ? v2 : v0;
        Path target = Files.createTempDirectory(tmp, "t");
        RefNotFoundException e = assertThrows(RefNotFoundException.class,
                () -> FETCHER.fetch(pinned(s, "owner/checked", fork), target, fx.context()));
        String m = e.getMessage();
        assertTrue(m.contains(fork) && m.contains("owner/checked") && m.contains("not reachable from any branch or"
                + " tag") && m.contains("not our ref") && m.contains("--skip-validation"), m);
        assertEquals(0, target.toFile().list().length);
    }

    @ParameterizedTest
    @ValueSource(booleans = {true, false})
    void aReachableNonTipPasses(boolean protocolV2) throws IOException {
        Path target = Files.createTempDirectory(tmp, "t");
        Resolution r = FETCHER.fetch(pinned(protocolV2 ? v2 : v0, "owner/checked", middle), target, fx.context());
        assertEquals(Optional.of(middle), r.commit());
        assertEquals("two\n", Files.readString(target.resolve("a.txt")));
    }

    @ParameterizedTest
    @ValueSource(strings = {"checked", "plain"})
    void skippingTheCheckOrAServerThatCannotTellFetchesIt(String name) throws IOException {
        FetchRequest request = pinned(v2, "owner/" + name, fork).withSkipValidation(name.equals("checked"));
        Path target = Files.createTempDirectory(tmp, "t");
        assertEquals(Optional.of(fork), FETCHER.fetch(request, target, fx.context()).commit());
        assertEquals("not published\n", Files.readString(target.resolve("fork.txt")));
    }
}
