package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.Resolution;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.HostMapProxy;
import io.jhub.testkit.HttpsFixtures;
import io.jhub.testkit.TestCertificates;
import io.jhub.testkit.TestFetchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12 item 3: a token reaches only the exact host and port it belongs to. Two loopback git hosts ({@code a}
 * holds a private repository, {@code b} public copies) count what each receives; a name-mapping proxy lets them
 * answer as {@code gitlab.attacker.test}, {@code git.example.org} and {@code git-example.org}.
 */
class TokenScopeTest {
    static final String TOKEN = "tok-3f9a-secret";
    @TempDir
    static Path shared;
    @TempDir
    Path tmp;
    static TestCertificates certs;
    static GitHttpsServer a;
    static GitHttpsServer b;
    static HostMapProxy proxy;
    static HttpsFixtures.Sample sample;
    final HttpsFetcher fetcher = new HttpsFetcher();

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.generate(shared.resolve("certs"), "ip:127.0.0.1,dns:localhost,"
                + "dns:gitlab.attacker.test,dns:git.example.org,dns:git-example.org");
        sample = HttpsFixtures.sample(shared.resolve("repo"));
        a = GitHttpsServer.start(certs, shared).addPrivateRepo("owner/secret", sample.bare(), TOKEN);
        b = GitHttpsServer.start(certs, shared).addRepo("owner/secret", sample.bare())
                .addRepo("owner/sample", sample.bare());
        proxy = HostMapProxy.start().map("git.example.org", a.port()).map("git-example.org", b.port())
                .map("gitlab.attacker.test", b.port());
    }

    @AfterAll
    static void stop() throws IOException {
        a.close();
        b.close();
        proxy.close();
    }

    @AfterEach
    void reset() {
        a.clearRequests();
        b.clearRequests();
    }

    TestFetchContext ctx() {
        return new TestFetchContext(certs.clientContext()).env("HTTPS_PROXY", proxy.url());
    }

    Resolution fetch(String host, String repo, TestFetchContext c) throws IOException {
        Path t = Files.createTempDirectory(tmp, "t");
        return fetcher.fetch(new FetchRequest(GitHost.parse(host), RepoInfo.parse(repo), Optional.empty()), t, c);
    }

    static long withToken(GitHttpsServer s) {
        return s.requests().stream().filter(r -> r.header("Authorization").isPresent()
                || r.header("PRIVATE-TOKEN").isPresent()).count();
    }

    @Test
    void urlTemplatesNamingAnotherHostGetNoToken() throws IOException {
        TestFetchContext c = new TestFetchContext(certs.clientContext())
                .with("https.token." + a.hostAndPort(), TOKEN)
                .with("https.urlTemplate", "https://" + b.hostAndPort() + "/{owner}/{repo}/archive/{ref}.{format}");
        assertEquals(Optional.of(sample.main()), fetch(a.hostAndPort(), "owner/secret", c).commit());
        assertTrue(b.count("/owner/secret/archive/") == 1 && a.count("/info/refs") == 1, b.requests() + "");
        assertEquals(0, withToken(b), "the archive host of the template is not the git host: " + b.requests());
        assertTrue(withToken(a) >= 1, "the git host itself still gets its token");

        b.clearRequests();
        fetch(a.hostAndPort(), "owner/secret", c.copy().with("https.gitUrlTemplate",
                "https://" + b.hostAndPort() + "/{owner}/{repo}.git"));
        assertTrue(b.count("/info/refs") == 1, b.requests() + "");
        assertEquals(0, withToken(b), "the ref host of the template is not the git host: " + b.requests());
    }

    @Test
    void gitlabTokenGoesOnlyToGitlabComAndListedHosts() throws IOException {
        TestFetchContext c = ctx().env("GITLAB_TOKEN", TOKEN);
        assertEquals(Optional.of(sample.main()), fetch("gitlab.attacker.test", "owner/sample", c).commit());
        assertTrue(proxy.targets().contains("gitlab.attacker.test:443"), proxy.targets().toString());
        assertTrue(b.count("/-/archive/") == 1, b.requests().toString());
        assertEquals(0, withToken(b), "a host whose name merely contains gitlab: " + b.requests());

        b.clearRequests();
        fetch("gitlab.attacker.test", "owner/sample", c.copy().with("https.gitlabHosts", "gitlab.attacker.test"));
        List<GitHttpsServer.Request> api = b.requests().stream()
                .filter(r -> r.pathAndQuery().startsWith("/api/v4/")).toList();
        assertEquals(1, api.size(), b.requests().toString());
        assertEquals(Optional.of(TOKEN), api.get(0).header("PRIVATE-TOKEN"), "a host the user listed");
    }

    @Test
    void perHostEnvironmentNamesDoNotCollide() throws IOException {
        TestFetchContext c = ctx().env("JHUB_TOKEN_GIT_2EEXAMPLE_2EORG", TOKEN)
                .env("JHUB_TOKEN_GIT_EXAMPLE_ORG", TOKEN); // the old form, which git-example.org shared
        assertEquals(Optional.of(sample.main()), fetch("git.example.org", "owner/secret", c).commit());
        assertTrue(withToken(a) >= 1, "git.example.org gets its token: " + a.requests());
        assertEquals(0, withToken(b));

        fetch("git-example.org", "owner/sample", c);
        assertTrue(b.count("/owner/sample") >= 1, b.requests().toString());
        assertEquals(0, withToken(b), "git-example.org is another host: " + b.requests());
        assertFalse(proxy.targets().isEmpty());
    }
}
