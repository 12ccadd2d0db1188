package io.jhub.fetch.https;

import io.jhub.testkit.TestFetchContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.AuthenticationException;
import io.jhub.api.DownloadException;
import io.jhub.api.GitHost;
import io.jhub.api.RefNotFoundException;
import io.jhub.api.RepoInfo;
import io.jhub.api.UnsafeArchiveException;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.Resolution;
import io.jhub.testkit.Fault;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.HttpsFixtures;
import io.jhub.testkit.Processes;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpsFetcherTest {
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    static TestCertificates certs;
    static GitHttpsServer server;
    static GitHttpsServer other;
    static HttpsFixtures.Sample sample;
    static final String TOKEN = "s3cr3t-token-value";

    final HttpsFetcher fetcher = new HttpsFetcher();

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.generate(shared.resolve("certs"));
        sample = HttpsFixtures.sample(shared.resolve("repo"));
        server = GitHttpsServer.start(certs, shared);
        other = GitHttpsServer.start(certs, shared);
        server.addRepo("owner/sample", sample.bare());
        server.addPrivateRepo("owner/secret", sample.bare(), TOKEN);
        other.addRepo("owner/secret", sample.bare());
        other.addRepo("owner/sample", sample.bare());
    }

    @AfterAll
    static void stop() {
        server.close();
        other.close();
    }

    @AfterEach
    void reset() {
        server.clearRequests();
        other.clearRequests();
        server.smartHttp(true);
    }

    TestFetchContext ctx() {
        return new TestFetchContext(certs.clientContext());
    }

    FetchRequest request(String repo) {
        return new FetchRequest(GitHost.parse(server.hostAndPort()), RepoInfo.parse(repo), Optional.empty());
    }

    Path target() throws IOException {
        return Files.createDirectories(tmp.resolve("target-" + System.nanoTime()));
    }

    /** The tree git itself produces for a commit, extracted by tar. */
    Map<String, String> expected(String commit) throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("expected-" + commit + System.nanoTime()));
        Path tar = sample.work().archive(commit, "tar", "x/", tmp.resolve("e" + System.nanoTime() + ".tar"));
        Processes.run(dir, "tar", "xf", tar.toString(), "--strip-components=1");
        return Trees.describe(dir);
    }

    @Test
    void defaultBranchResolvesToHeadAndTreeMatchesGitArchive() throws IOException {
        Resolution r = fetcher.resolve(request("owner/sample"), ctx());
        assertEquals(Optional.of(sample.main()), r.commit());
        Path t = target();
        Resolution f = fetcher.fetch(request("owner/sample"), t, ctx());
        assertEquals(Optional.of(sample.main()), f.commit());
        assertEquals(expected(sample.main()), Trees.describe(t));
        assertTrue(Files.isExecutable(t.resolve("bin/run.sh")));
        assertEquals("readme.txt", Files.readSymbolicLink(t.resolve("docs/link.txt")).toString());
        assertEquals(1, server.count("/archive/" + sample.main() + ".tar.gz"), server.requests().toString());
    }

    @Test
    void branchWithSlashTagAndCommitIds() {
        TestFetchContext c = ctx();
        assertEquals(Optional.of(sample.feature()), fetcher.resolve(request("owner/sample:feature/x"), c).commit());
        assertEquals(Optional.of(sample.tagged()), fetcher.resolve(request("owner/sample:v1.0"), c).commit());
        assertEquals(Optional.of(sample.feature()),
                fetcher.resolve(request("owner/sample:" + sample.feature().substring(0, 8)), c).commit());
        assertEquals(Optional.of(sample.tagged()), fetcher.resolve(request("owner/sample:" + sample.tagged()), c).commit());
        RefNotFoundException e = assertThrows(RefNotFoundException.class,
                () -> fetcher.resolve(request("owner/sample:no-such-branch"), c));
        assertTrue(e.getMessage().contains("feature/x"), e.getMessage());
    }

    @Test
    void protocolV0ServerResolvesTheSame() {
        server.protocolV2(false);
        try {
            TestFetchContext c = ctx();
            assertEquals(Optional.of(sample.main()), fetcher.resolve(request("owner/sample"), c).commit());
            assertEquals(Optional.of(sample.feature()), fetcher.resolve(request("owner/sample:feature/x"), c).commit());
            assertEquals(Optional.of(sample.tagged()), fetcher.resolve(request("owner/sample:v1.0"), c).commit());
            assertEquals(0, server.count("/git-upload-pack"), "v0 needs no ls-refs POST");
        } finally {
            server.protocolV2(true);
        }
        fetcher.resolve(request("owner/sample"), ctx());
        assertEquals(1, server.count("/git-upload-pack"), "v2 asks ls-refs by POST");
    }

    @Test
    void tagAsZipKeepsModesAndLinks() throws IOException {
        // the annotated tag is peeled; the zip's modes and links come from its central directory
        Path t = target();
        Resolution r = fetcher.fetch(request("owner/sample:v1.0"), t, ctx().with("https.format", "zip"));
        assertEquals(Optional.of(sample.tagged()), r.commit());
        assertEquals(expected(sample.tagged()), Trees.describe(t));
    }

    @Test
    void abbreviatedIdThatIsNoTipIsTakenFromTheArchive() throws IOException {
        String notTip = sample.work().git("rev-parse", "main~1").trim();
        assertEquals(Resolution.unknown(), fetcher.resolve(request("owner/sample:" + notTip.substring(0, 10)), ctx()));
        Path t = target();
        Resolution r = fetcher.fetch(request("owner/sample:" + notTip.substring(0, 10)), t, ctx());
        assertEquals(Optional.of(notTip), r.commit());
    }

    @Test
    void withoutSmartHttpTheCommitComesFromTheArchive() throws IOException {
        server.smartHttp(false);
        assertEquals(Resolution.unknown(), fetcher.resolve(request("owner/sample:feature/x"), ctx()));
        Path t = target();
        Resolution tar = fetcher.fetch(request("owner/sample:feature/x"), t, ctx());
        assertEquals(Optional.of(sample.feature()), tar.commit());
        Path z = target();
        Resolution zip = fetcher.fetch(request("owner/sample"), z, ctx().with("https.format", "zip"));
        assertEquals(Optional.of(sample.main()), zip.commit());
        assertEquals(expected(sample.main()), Trees.describe(z));
    }

    @Test
    void gitlabAndTemplateStyles() throws IOException {
        Path g = target();
        fetcher.fetch(request("owner/sample:feature/x"), g, ctx().with("https.style", "gitlab"));
        assertEquals(expected(sample.feature()), Trees.describe(g));
        assertEquals(1, server.count("/owner/sample/-/archive/" + sample.feature() + "/sample-"));
        Path t = target();
        fetcher.fetch(request("owner/sample:v1.0"), t, ctx().with("https.urlTemplate",
                "{scheme}://{host}/{owner}/{repo}/archive/{ref}.{format}").with("https.format", "zip"));
        assertEquals(expected(sample.tagged()), Trees.describe(t));
        assertEquals(1, server.count("/owner/sample/archive/" + sample.tagged() + ".zip"));
    }

    @Test
    void anErrorShowsTheArchiveUrlWithoutUserInformationOrQuery() throws IOException {
        server.inject(Fault.status("/archive/", 404, 1));
        TestFetchContext c = ctx().with("https.urlTemplate",
                "https://someone:pa55word@{host}/{owner}/{repo}/archive/{ref}.{format}?sig=S1GNED");
        DownloadException e = assertThrows(DownloadException.class,
                () -> fetcher.fetch(request("owner/sample:v1.0"), target(), c));
        assertTrue(e.getMessage().contains("/owner/sample/archive/"), e.getMessage());
        assertFalse(e.getMessage().contains("pa55word") || e.getMessage().contains("S1GNED"), e.getMessage());
        assertEquals(null, e.uri().getUserInfo(), e.uri().toString());
    }

    @Test
    void privateRepoWithoutTokenSaysSo() {
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> fetcher.resolve(request("owner/secret"), ctx()));
        assertTrue(e.getMessage().contains("no token was given"), e.getMessage());
        assertTrue(e.getMessage().contains("JHUB_TOKEN_127_2E0_2E0_2E1_3A" + server.port()), e.getMessage());
        server.smartHttp(false);
        DownloadException d = assertThrows(DownloadException.class,
                () -> fetcher.fetch(request("owner/secret"), target(), ctx()));
        assertEquals(404, d.status().orElse(-1));
        assertTrue(d.getMessage().contains("private") && d.getMessage().contains("no token"), d.getMessage());
    }

    @Test
    void privateRepoWithTokenFromEnvironmentUsesTheApi() throws IOException {
        TestFetchContext c = ctx().env("JHUB_TOKEN_127_2E0_2E0_2E1_3A" + server.port(), TOKEN);
        Path t = target();
        Resolution r = fetcher.fetch(request("owner/secret:feature/x"), t, c);
        assertEquals(Optional.of(sample.feature()), r.commit());
        assertEquals(expected(sample.feature()), Trees.describe(t));
        assertEquals(1, server.count("/api/v3/repos/owner/secret/tarball/" + sample.feature()));
    }

    @Test
    void wrongTokenNamesItsSourceButNotItsValue() {
        TestFetchContext c = ctx().with("https.token." + server.hostAndPort(), "wrong-value-123");
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> fetcher.resolve(request("owner/secret"), c));
        assertTrue(e.getMessage().contains("setting https.token." + server.hostAndPort()), e.getMessage());
        assertFalse(e.getMessage().contains("wrong-value-123"), e.getMessage());
    }

    @Test
    void crossHostRedirectDoesNotCarryTheToken() throws IOException {
        server.inject(Fault.redirect("/api/v3/repos/owner/secret/tarball", other.baseUri(), 1));
        // the other server answers the same API path for a public copy, like codeload.github.com
        TestFetchContext c = ctx().with("https.token." + server.hostAndPort(), TOKEN);
        Path t = target();
        fetcher.fetch(request("owner/secret"), t, c);
        assertEquals(expected(sample.main()), Trees.describe(t));
        List<GitHttpsServer.Request> there = other.requests();
        assertEquals(1, there.size(), there.toString());
        assertEquals(Optional.empty(), there.get(0).header("Authorization"));
        assertTrue(server.requests().stream().anyMatch(q -> q.header("Authorization").isPresent()));
    }

    @Test
    void missingRepoIs404WithAHint() {
        DownloadException e = assertThrows(DownloadException.class,
                () -> fetcher.fetch(request("owner/nothing"), target(), ctx()));
        assertEquals(404, e.status().orElse(-1));
        assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    }

    @Test
    void rateLimitIsExplained() {
        server.inject(Fault.status("/info/refs", 403, 1).withHeader("X-RateLimit-Remaining", "0")
                .withHeader("X-RateLimit-Reset", Long.toString(System.currentTimeMillis() / 1000 + 600)));
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> fetcher.resolve(request("owner/sample"), ctx()));
        assertTrue(e.getMessage().contains("rate limit"), e.getMessage());
    }

    @Test
    void retriesAfter429And500() throws IOException {
        server.inject(Fault.tooManyRequests("/archive/", 1, 1));
        server.inject(Fault.status("/info/refs", 500, 1));
        Path t = target();
        assertEquals(Optional.of(sample.main()), fetcher.fetch(request("owner/sample"), t, ctx()).commit());
        assertEquals(expected(sample.main()), Trees.describe(t));
        assertEquals(2, server.count("/archive/"));
        assertEquals(2, server.count("/info/refs"));
    }

    @Test
    void droppedConnectionStartsOverThenGivesUp() throws IOException {
        server.inject(Fault.dropAfter("/archive/", 200, 1));
        Path t = target();
        fetcher.fetch(request("owner/sample"), t, ctx());
        assertEquals(expected(sample.main()), Trees.describe(t));
        assertEquals(2, server.count("/archive/"));

        server.inject(Fault.dropAfter("/archive/", 200, 3));
        Path t2 = target();
        DownloadException e = assertThrows(DownloadException.class,
                () -> fetcher.fetch(request("owner/sample"), t2, ctx().with("https.attempts", "3")));
        assertTrue(e.getMessage().contains("broke off 3 times"), e.getMessage());
        assertEquals(List.of(), List.of(t2.toFile().list()));
    }

    @Test
    void stalledDownloadTimesOutNamingTheHost() {
        server.inject(Fault.stallAfter("/archive/", 100, 1));
        TestFetchContext c = ctx().with("https.attempts", "1");
        c.readTimeout = java.time.Duration.ofMillis(700);
        DownloadException e = assertThrows(DownloadException.class,
                () -> fetcher.fetch(request("owner/sample"), target(), c));
        assertTrue(e.getMessage().contains("timed out") && e.getMessage().contains(server.hostAndPort()),
                e.getMessage());
    }

    @Test
    void isAServiceProvider() {
        assertTrue(java.util.ServiceLoader.load(io.jhub.api.spi.RepoFetcher.class).stream()
                .anyMatch(p -> p.type() == HttpsFetcher.class));
        assertEquals("HTTPS", fetcher.protocol());
    }

    @Test
    void truncatedArchiveIsRefused() {
        server.inject(Fault.truncate("/archive/", 300, 1));
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                () -> fetcher.fetch(request("owner/sample"), target(), ctx()));
        assertTrue(e.getMessage().contains("truncated or corrupt"), e.getMessage());
    }

    @Test
    void limitsComeFromSettings() {
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                () -> fetcher.fetch(request("owner/sample"), target(), ctx().with("https.maxEntries", "3")));
        assertTrue(e.getMessage().contains("more than 3 entries"), e.getMessage());
        UnsafeArchiveException b = assertThrows(UnsafeArchiveException.class,
                () -> fetcher.fetch(request("owner/sample"), target(), ctx().with("https.maxBytes", "10")));
        assertTrue(b.getMessage().contains("past 10 bytes (the limit of the settings https.maxEntries and"
                + " https.maxBytes)"), b.getMessage());
    }
}
