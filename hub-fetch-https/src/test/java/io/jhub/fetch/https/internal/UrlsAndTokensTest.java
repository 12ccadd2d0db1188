package io.jhub.fetch.https.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.FetchException;
import io.jhub.api.GitHost;
import io.jhub.api.ProgressListener;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchContext;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UrlsAndTokensTest {
    final Map<String, String> settings = new HashMap<>();
    final Map<String, String> env = new HashMap<>();
    final FetchContext ctx = new FetchContext() {
        @Override
        public Duration connectTimeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public Duration readTimeout() {
            return Duration.ofSeconds(1);
        }

        @Override
        public ProgressListener progress() {
            return ProgressListener.NONE;
        }

        @Override
        public Optional<String> setting(String key) {
            return Optional.ofNullable(settings.get(key));
        }

        @Override
        public Optional<String> env(String name) {
            return Optional.ofNullable(env.get(name));
        }
    };

    String archive(String host, String repo, String rev) {
        GitHost h = GitHost.parse(host);
        return ArchiveUrls.archive(HttpsSettings.read(ctx, h), h, RepoInfo.parse(repo), rev,
                Tokens.forHost(ctx, h)).uri().toString();
    }

    @Test
    void defaultStylesByHost() {
        assertEquals("https://github.com/pytorch/vision/archive/main.tar.gz", archive("github.com", "pytorch/vision", "main"));
        assertEquals("https://gitlab.example.org:8443/grp/sub/proj/-/archive/feature/x/proj-feature-x.tar.gz",
                archive("gitlab.example.org:8443", "grp/sub/proj", "feature/x"));
        assertEquals("https://git.example.org/o/r/archive/HEAD.tar.gz", archive("git.example.org", "o/r", "HEAD"));
    }

    @Test
    void tokensSwitchToTheApis() {
        env.put("GITHUB_TOKEN", "ghp_x");
        assertEquals("https://api.github.com/repos/o/r/tarball/v1", archive("github.com", "o/r", "v1"));
        assertEquals("https://api.github.com/repos/o/r/tarball", archive("github.com", "o/r", "HEAD"));
        env.put("GITLAB_TOKEN", "glpat");
        assertEquals("https://gitlab.com/api/v4/projects/g%2Fp/repository/archive.tar.gz?sha=main",
                archive("gitlab.com", "g/p", "main"));
        settings.put("https.format", "zip");
        settings.put("https.token.ghe.corp", "t");
        assertEquals("https://ghe.corp/api/v3/repos/o/r/zipball/abc", archive("ghe.corp", "o/r", "abc"));
    }

    @Test
    void templateAndPerHostSettings() {
        settings.put("https.urlTemplate.gitea.example.org", "{scheme}://{host}/api/v1/repos/{owner}/{repo}/archive/{ref}.{format}");
        assertEquals("https://gitea.example.org/api/v1/repos/o/r/archive/main.tar.gz", archive("gitea.example.org", "o/r", "main"));
        assertEquals("https://other.org/o/r/archive/main.tar.gz", archive("other.org", "o/r", "main"));
        settings.put("https.style", "template");
        FetchException e = assertThrows(FetchException.class, () -> archive("other.org", "o/r", "main"));
        assertTrue(e.getMessage().contains("https.urlTemplate"), e.getMessage());
        settings.put("https.style", "bitbucket");
        e = assertThrows(FetchException.class, () -> archive("other.org", "o/r", "main"));
        assertTrue(e.getMessage().contains("\"bitbucket\""), e.getMessage());
    }

    @Test
    void badNumbersAreReported() {
        settings.put("https.maxEntries", "lots");
        FetchException e = assertThrows(FetchException.class, () -> HttpsSettings.read(ctx, GitHost.parse("h.org")));
        assertTrue(e.getMessage().contains("https.maxEntries=\"lots\""), e.getMessage());
        settings.put("https.maxEntries", "1_000");
        assertEquals(1000, HttpsSettings.read(ctx, GitHost.parse("h.org")).limits().maxEntries());
    }

    @Test
    void tokenLookupOrderAndScoping() {
        GitHost gh = GitHost.parse("github.com");
        GitHost other = GitHost.parse("git.example.org:8443");
        assertEquals("JHUB_TOKEN_GIT_2EEXAMPLE_2EORG_3A8443", Tokens.envName(other));
        env.put("GITHUB_TOKEN", "a");
        assertEquals(Optional.empty(), Tokens.forHost(ctx, other), "GITHUB_TOKEN is for github.com only");
        assertEquals("environment variable GITHUB_TOKEN", Tokens.forHost(ctx, gh).orElseThrow().source());
        env.put("JHUB_TOKEN_GITHUB_2ECOM", "b");
        assertEquals("b", Tokens.forHost(ctx, gh).orElseThrow().value());
        settings.put("https.token.github.com", "c");
        Token t = Tokens.forHost(ctx, gh).orElseThrow();
        assertEquals("c", t.value());
        assertFalse(t.toString().contains("c]") || t.toString().contains("\"c\""), t.toString());
        env.put("GITLAB_TOKEN", "gl");
        assertEquals(Optional.empty(), Tokens.forHost(ctx, GitHost.parse("gitlab.corp.net")),
                "GITLAB_TOKEN is for gitlab.com and the listed hosts only");
        assertEquals("gl", Tokens.forHost(ctx, GitHost.parse("gitlab.com")).orElseThrow().value());
        settings.put("https.gitlabHosts", "other.org, GitLab.Corp.Net");
        assertEquals("gl", Tokens.forHost(ctx, GitHost.parse("gitlab.corp.net")).orElseThrow().value());
        assertEquals(Optional.empty(), Tokens.forHost(ctx, GitHost.parse("gitlab.corp.net:8443")),
                "the port is part of the host a token belongs to");
    }

    @Test
    void envNamesCannotCollide() {
        assertEquals("JHUB_TOKEN_GIT_2EEXAMPLE_2EORG", Tokens.envName(GitHost.parse("git.example.org")));
        assertEquals("JHUB_TOKEN_GIT_2DEXAMPLE_2EORG", Tokens.envName(GitHost.parse("git-example.org")));
        assertEquals("JHUB_TOKEN_GIT_5FEXAMPLE_2EORG", Tokens.envName(GitHost.parse("git_example.org")));
        assertEquals("JHUB_TOKEN_GITHUB_2ECOM", Tokens.envName(GitHost.parse("GitHub.com:443")));
        assertEquals("JHUB_TOKEN__5B_3A_3A1_5D_3A9443", Tokens.envName(GitHost.parse("[::1]:9443")));
        env.put("JHUB_TOKEN_GIT_EXAMPLE_ORG", "old-form");
        assertEquals(Optional.empty(), Tokens.forHost(ctx, GitHost.parse("git-example.org")));
        assertEquals(Optional.empty(), Tokens.forHost(ctx, GitHost.parse("git.example.org")),
                "the old form is no longer read");
    }

    @Test
    void githubTokenGoesToGithubAndItsApiHostOnly() {
        env.put("GITHUB_TOKEN", "ghp");
        Token t = Tokens.forHost(ctx, GitHost.parse("github.com")).orElseThrow();
        assertTrue(t.appliesTo(java.net.URI.create("https://api.github.com/repos/o/r/tarball")));
        assertTrue(t.appliesTo(java.net.URI.create("https://GitHub.com:443/o/r.git")));
        assertFalse(t.appliesTo(java.net.URI.create("https://codeload.github.com/o/r")));
        assertFalse(t.appliesTo(java.net.URI.create("https://github.com:8443/o/r.git")));
        assertFalse(t.appliesTo(java.net.URI.create("http://github.com/o/r.git")));
        assertEquals(Optional.empty(), Tokens.forHost(ctx, GitHost.parse("github.com:8443")));
        GitHost ghe = GitHost.parse("ghe.corp");
        settings.put("https.token.ghe.corp", "t");
        ArchiveUrls.Target api = ArchiveUrls.archive(HttpsSettings.read(ctx, ghe), ghe, RepoInfo.parse("o/r"), "v1",
                Tokens.forHost(ctx, ghe));
        assertEquals("https://ghe.corp/api/v3/repos/o/r/tarball/v1", api.uri().toString());
        assertTrue(api.credential().isPresent(), "a GitHub Enterprise API is the same host");
    }

    @Test
    void gitUrlsUseBasicAuthScopedToTheHost() {
        GitHost h = GitHost.parse("127.0.0.1:9443");
        settings.put("https.token.127.0.0.1:9443", "tok");
        ArchiveUrls.Target t = ArchiveUrls.git(HttpsSettings.read(ctx, h), h, RepoInfo.parse("o/r"), Tokens.forHost(ctx, h));
        assertEquals("https://127.0.0.1:9443/o/r.git", t.uri().toString());
        assertEquals("Authorization", t.credential().orElseThrow().headerName());
        assertTrue(t.credential().orElseThrow().headerValue().startsWith("Basic "));
    }
}
