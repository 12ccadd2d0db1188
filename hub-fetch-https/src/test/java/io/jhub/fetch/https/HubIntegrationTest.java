package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.DownloadException;
import io.jhub.api.OfflineException;
import io.jhub.api.UnsafeArchiveException;
import io.jhub.core.Hub;
import io.jhub.testkit.Fault;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.HttpsFixtures;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The fetcher behind the Hub facade: commit-keyed cache, moved branches, offline, failed fetches. */
class HubIntegrationTest {
    @TempDir
    static Path shared;
    @TempDir
    Path cache;

    static TestCertificates certs;
    static GitHttpsServer server;
    static HttpsFixtures.Sample sample;

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.generate(shared.resolve("certs"));
        sample = HttpsFixtures.sample(shared.resolve("repo"));
        server = GitHttpsServer.start(certs, shared);
        server.addRepo("owner/sample", sample.bare());
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
    void theRefLookupKeepsToTheHubsRetrySettings() {
        server.inject(Fault.status("info/refs", 503, 2));
        Hub hub = Hub.builder().cacheDir(cache).gitHost(server.hostAndPort()).sslContext(certs.clientContext())
                .environment(Map.of()).serviceLoading(false).fetcher(new HttpsFetcher())
                .setting("http.retries", "1").setting("http.backoffBaseMillis", "1")
                .setting("http.backoffMaxMillis", "1").build();
        long before = server.count("info/refs");
        // the default of 4 retries would have outlasted the two faults
        DownloadException e = assertThrows(DownloadException.class, () -> hub.repo("owner/sample").fetch());
        assertTrue(e.getMessage().contains("failed after 2 attempts"), e.getMessage());
        assertEquals(before + 2, server.count("info/refs"));
    }

    @Test
    void theFetcherSharesTheHubsEngineAndItsKeptAliveConnection() throws IOException {
        Hub hub = hub(false);
        hub.repo("owner/sample").fetch();
        io.jhub.http.HttpEngine engine = hub.service(io.jhub.http.HttpEngine.class).orElseThrow();
        assertTrue(engine.idleConnections() >= 1, "the fetcher's connection waits in the hub's engine");
        long before = server.requests().size();
        assertEquals(hub.repo("owner/sample").fetch(), hub.repo("owner/sample").fetch());
        assertTrue(server.requests().size() > before, "each fetch of a branch looks its ref up");
        assertTrue(engine.idleConnections() >= 1);
    }

    @Test
    void unchangedBranchFetchesNothingAndMovedBranchFetchesTheNewCommit() throws IOException {
        String branch = "owner/sample:moving";
        sample.work().git("branch", "-f", "moving", sample.main());
        sample.push();
        Path first = hub(false).repo(branch).fetch();
        assertTrue(first.toString().contains(sample.main()), first.toString());
        long archives = server.count("/archive/");
        assertEquals(first, hub(false).repo(branch).fetch());
        assertEquals(archives, server.count("/archive/"), "an unchanged branch downloads no archive");

        sample.work().git("checkout", "-q", "moving");
        sample.work().write("moved.txt", "moved\n");
        String moved = sample.work().commit("move the branch");
        sample.work().git("checkout", "-q", "main");
        sample.push();
        Path second = hub(false).repo(branch).fetch();
        assertNotEquals(first, second);
        assertTrue(second.toString().contains(moved), second.toString());
        assertEquals("moved\n", Files.readString(second.resolve("moved.txt")));
        assertEquals(archives + 1, server.count("/archive/"));

        long requests = server.requests().size();
        assertEquals(second, hub(true).repo(branch).fetch());
        assertEquals(requests, server.requests().size(), "offline touches no network");
    }

    @Test
    void offlineWithoutCacheSaysWhatIsMissing() {
        OfflineException e = assertThrows(OfflineException.class, () -> hub(true).repo("owner/sample").fetch());
        assertTrue(e.getMessage().contains("owner/sample"), e.getMessage());
    }

    @Test
    void failedFetchLeavesTheCacheAsItWas() throws IOException {
        hub(false).repo("owner/sample:v1.0").fetch();
        Set<String> before = Trees.listing(cache);
        server.inject(Fault.truncate("/archive/", 400, 1));
        assertThrows(UnsafeArchiveException.class, () -> hub(false).repo("owner/sample:feature/x").fetch());
        Set<String> after = Trees.listing(cache);
        after.removeIf(p -> p.endsWith(".lock") || p.contains("refs"));
        before.removeIf(p -> p.endsWith(".lock") || p.contains("refs"));
        assertEquals(before, after);
    }

    @Test
    void aStoppedServerFallsBackToTheCachedTreeOfTheLastResolution() throws IOException {
        GitHttpsServer own = GitHttpsServer.start(certs, shared.resolve("own"));
        own.addRepo("owner/sample", sample.bare());
        own.addRepo("owner/other", sample.bare());
        String host = own.hostAndPort();
        Path first = hub(host).repo("owner/sample").fetch();
        own.close();

        assertEquals(first, hub(host).repo("owner/sample").fetch());
        DownloadException e = assertThrows(DownloadException.class, () -> hub(host).repo("owner/other").fetch());
        assertTrue(e.status().isEmpty(), "a connection failure has no HTTP status");
        assertTrue(e.getMessage().contains(host), e.getMessage());
    }

    Hub hub(String host) {
        return Hub.builder().cacheDir(cache).gitHost(host).sslContext(certs.clientContext())
                .environment(Map.of()).serviceLoading(false).fetcher(new HttpsFetcher()).build();
    }

    @Test
    void listWorksAgainstTheServer() {
        assertEquals(java.util.List.of("hello"), hub(false).repo("owner/sample").trust(true).list());
    }
}
