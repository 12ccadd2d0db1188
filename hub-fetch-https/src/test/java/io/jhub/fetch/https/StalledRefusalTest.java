package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.api.UnsafeArchiveException;
import io.jhub.api.spi.FetchRequest;
import io.jhub.testkit.Fault;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.TestCertificates;
import io.jhub.testkit.TestFetchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that sends an archive jhub refuses and then stalls: the refusal comes back at once, not after the read
 * timeout, because the extraction aborts the connection its read-ahead thread waits on.
 */
class StalledRefusalTest {
    @TempDir
    Path tmp;

    @Test
    void aRefusalIsNotHeldBackByAHostThatStallsAfterIt() throws IOException {
        TestCertificates certs = TestCertificates.generate(tmp.resolve("certs"));
        GitRepo repo = GitRepo.init(tmp.resolve("work"));
        Random random = new Random(13);
        for (int i = 0; i < 40; i++) {
            byte[] noise = new byte[4096]; // incompressible: the first entries arrive in the first compressed bytes
            random.nextBytes(noise);
            repo.write("data/f" + i + ".bin", noise);
        }
        repo.commit("forty files");
        try (GitHttpsServer server = GitHttpsServer.start(certs, tmp)) {
            server.addRepo("owner/big", repo.bareClone(tmp.resolve("big.git")));
            server.inject(Fault.stallAfter("/archive/", 64 * 1024, 1)); // about 15 of the 41 entries, then nothing
            TestFetchContext ctx = new TestFetchContext(certs.clientContext()).with("https.attempts", "1")
                    .with("https.maxEntries", "3").with("http.lowSpeedLimit", "0");
            ctx.readTimeout = Duration.ofMinutes(30); // with the low-speed check off, the only bound on a stall
            FetchRequest request = new FetchRequest(GitHost.parse(server.hostAndPort()), RepoInfo.parse("owner/big"),
                    Optional.empty());
            Path target = Files.createDirectories(tmp.resolve("target"));
            // before the abort, this waited out the 30-minute read timeout; the timeout here only turns a hang
            // into a failure
            UnsafeArchiveException e = assertTimeoutPreemptively(Duration.ofMinutes(2),
                    () -> assertThrows(UnsafeArchiveException.class,
                            () -> new HttpsFetcher().fetch(request, target, ctx)));
            assertTrue(e.getMessage().contains("more than 3 entries"), e.getMessage());
            assertEquals(1, server.count("/archive/"), "refused, not retried");
        }
    }
}
