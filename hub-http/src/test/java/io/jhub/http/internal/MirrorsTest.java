package io.jhub.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MirrorsTest {
    private static Mirrors of(Map<String, String> settings) {
        return Mirrors.fromSettings(k -> Optional.ofNullable(settings.get(k)));
    }

    private static final Mirrors CORP = of(Map.of("mirrors", "gh,team,hf",
            "mirror.gh.of", "github.com, GIT.corp:8443", "mirror.gh.url", "https://mirror.internal:8443/github/",
            "mirror.gh.token", "t-gh",
            "mirror.team.of", "https://github.com/team/", "mirror.team.url", "https://team.internal",
            "mirror.hf.of", "https://huggingface.co/models", "mirror.hf.url", "https://mirror.internal:8443/hf",
            "mirror.hf.token", "t-hf", "mirror.hf.tokenHeader", "X-Api-Key"));

    private static Optional<String> route(String uri) {
        return CORP.route(URI.create(uri)).map(r -> r.mirrorId() + " " + r.uri());
    }

    @Test
    void hostsMatchOnSchemeHostAndPortAndKeepPathAndQuery() {
        assertEquals(Optional.of("gh https://mirror.internal:8443/github/o/r.git/info/refs?service=git-upload-pack"),
                route("https://github.com/o/r.git/info/refs?service=git-upload-pack"));
        assertEquals(Optional.of("gh https://mirror.internal:8443/github/o/r/archive/x.tar.gz"),
                route("https://GitHub.com:443/o/r/archive/x.tar.gz"));
        assertEquals(Optional.of("gh https://mirror.internal:8443/github/a/b"), route("https://git.corp:8443/a/b"));
        assertEquals(Optional.empty(), route("https://git.corp/a/b")); // another port
        assertEquals(Optional.empty(), route("http://github.com/o/r")); // another scheme
        assertEquals(Optional.empty(), route("https://api.github.com/o/r")); // another host
    }

    @Test
    void theLongestPrefixWinsAtAPathBoundary() {
        assertEquals(Optional.of("team https://team.internal/x/archive/y.zip"),
                route("https://github.com/team/x/archive/y.zip"));
        assertEquals(Optional.of("gh https://mirror.internal:8443/github/teamx/y"), route("https://github.com/teamx/y"));
        assertEquals(Optional.of("hf https://mirror.internal:8443/hf/a/b.bin"), route("https://huggingface.co/models/a/b.bin"));
        assertEquals(Optional.empty(), route("https://huggingface.co/modelsx/a.bin"));
        assertEquals(Optional.empty(), route("https://huggingface.co/datasets/a.bin"));
    }

    @Test
    void aMirrorsTokenIsBoundToTheMirrorsExactAuthority() {
        Mirrors.Route r = CORP.route(URI.create("https://github.com/o/r")).orElseThrow();
        assertTrue(r.credential().orElseThrow().appliesTo(r.uri()));
        assertFalse(r.credential().get().appliesTo(URI.create("https://github.com/o/r")));
        assertFalse(r.credential().get().appliesTo(URI.create("https://mirror.internal/github/o/r"))); // port 443
        assertEquals("Authorization", r.credential().get().headerName());
        assertEquals("Bearer t-gh", r.credential().get().headerValue());
        Mirrors.Route hf = CORP.route(URI.create("https://huggingface.co/models/a")).orElseThrow();
        assertEquals("X-Api-Key", hf.credential().orElseThrow().headerName());
        assertEquals("t-hf", hf.credential().get().headerValue());
        assertEquals(Optional.empty(), CORP.route(URI.create("https://github.com/team/x")).orElseThrow().credential());
    }

    @Test
    void badSettingsSayWhatIsWrongAndWhatToWrite() {
        String missing = assertThrows(IllegalArgumentException.class,
                () -> of(Map.of("mirrors", "gh", "mirror.gh.of", "github.com"))).getMessage();
        assertTrue(missing.contains("mirror.gh.url is not set"), missing);
        String twice = assertThrows(IllegalArgumentException.class, () -> of(Map.of("mirrors", "a,b",
                "mirror.a.of", "github.com", "mirror.a.url", "https://m1", "mirror.b.of", "GitHub.com:443",
                "mirror.b.url", "https://m2"))).getMessage();
        assertTrue(twice.contains("Mirrors a and b both claim"), twice);
        String plain = assertThrows(IllegalArgumentException.class, () -> of(Map.of("mirrors", "a",
                "mirror.a.of", "github.com", "mirror.a.url", "http://m1", "mirror.a.token", "t"))).getMessage();
        assertTrue(plain.contains("never sent over plain http"), plain);
        String host = assertThrows(IllegalArgumentException.class, () -> of(Map.of("mirrors", "a",
                "mirror.a.of", "github.com/owner", "mirror.a.url", "https://m1"))).getMessage();
        assertTrue(host.contains("neither a host[:port] nor a URL prefix"), host);
        String id = assertThrows(IllegalArgumentException.class, () -> of(Map.of("mirrors", "a b"))).getMessage();
        assertTrue(id.contains("invalid mirror id \"a b\""), id);
        assertEquals(Optional.empty(), of(Map.of()).route(URI.create("https://github.com/o/r")));
    }
}
