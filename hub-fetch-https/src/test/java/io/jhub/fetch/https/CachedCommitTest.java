package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 12 item 6: a cached commit named by its full id or a unique prefix needs no network, even offline. */
class CachedCommitTest {
    @TempDir
    static Path shared;
    @TempDir
    Path cache;

    static TestCertificates certs;
    static GitHttpsServer server;
    static HttpsFixtures.Sample sample;
    /** Two commits of owner/twins whose ids share their first 4 hex digits. */
    static List<String> twins;

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.generate(shared.resolve("certs"));
        sample = HttpsFixtures.sample(shared.resolve("repo"));
        server = GitHttpsServer.start(certs, shared);
        server.addRepo("owner/sample", sample.bare());
        Path bare = shared.resolve("twins/twins.git");
        twins = commitsSharingAPrefix(bare);
        server.addRepo("owner/twins", bare);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    Hub hub(boolean offline) {
        return Hub.builder().cacheDir(cache).gitHost(server.hostAndPort()).sslContext(certs.clientContext())
                .environment(Map.of()).serviceLoading(false).fetcher(new HttpsFetcher()).offline(offline).build();
    }

    @Test
    void aCachedCommitByFullIdOrPrefixNeedsNoNetwork() {
        Path tree = hub(false).repo("owner/sample:v1.0").fetch();
        String sha = sample.tagged();
        assertTrue(tree.endsWith(sha), tree.toString());
        long requests = server.requests().size();
        assertEquals(tree, hub(true).repo("owner/sample:" + sha).fetch());
        assertEquals(tree, hub(true).repo("owner/sample:" + sha.toUpperCase()).fetch());
        assertEquals(tree, hub(true).repo("owner/sample:" + sha.substring(0, 7)).fetch());
        assertEquals(tree, hub(true).repo("owner/sample").commit(sha.substring(0, 5)).fetch());
        assertEquals(tree, hub(false).repo("owner/sample:" + sha.substring(0, 4)).fetch());
        assertEquals(tree, hub(false).repo("owner/sample:" + sha).fetch());
        assertEquals(requests, server.requests().size(), "a cached commit needs no request, online or not");
    }

    @Test
    void anAmbiguousCachedPrefixListsTheCandidates() {
        for (String c : twins) {
            hub(false).repo("owner/twins:" + c).fetch();
        }
        String prefix = twins.get(0).substring(0, 4);
        RefNotFoundException e = assertThrows(RefNotFoundException.class,
                () -> hub(true).repo("owner/twins:" + prefix).fetch());
        assertTrue(e.getMessage().contains("ambiguous") && e.getMessage().contains(twins.get(0))
                && e.getMessage().contains(twins.get(1)) && e.getMessage().contains(prefix), e.getMessage());
        assertEquals(hub(true).repo("owner/twins:" + twins.get(1)).fetch(),
                hub(true).repo("owner/twins:" + twins.get(1).substring(0, 12)).fetch());
    }

    /** Writes a chain of commits with fixed dates (so fixed ids) until two ids share 4 hex digits. */
    static List<String> commitsSharingAPrefix(Path bare) throws IOException {
        Files.createDirectories(bare);
        Processes.run(bare, "git", "init", "-q", "--bare");
        StringBuilder stream = new StringBuilder();
        for (int i = 1; i <= 1500; i++) {
            String data = "n" + i + "\n";
            stream.append("commit refs/heads/main\ncommitter T <t@example.org> 1700000000 +0000\n")
                    .append("data 2\nc\n").append("M 100644 inline n.txt\ndata ").append(data.length()).append('\n')
                    .append(data).append('\n');
        }
        Path file = bare.resolveSibling("stream");
        Files.writeString(file, stream);
        Processes.run(bare, "sh", "-c", "git fast-import --quiet < '" + file + "'");
        Map<String, String> seen = new HashMap<>();
        for (String c : Processes.run(bare, "git", "rev-list", "main").strip().split("\n")) {
            String other = seen.putIfAbsent(c.substring(0, 4), c);
            if (other != null) {
                List<String> pair = new ArrayList<>(List.of(other, c));
                pair.sort(null);
                return pair;
            }
        }
        throw new IllegalStateException("no two of 1500 commits share 4 hex digits");
    }
}
