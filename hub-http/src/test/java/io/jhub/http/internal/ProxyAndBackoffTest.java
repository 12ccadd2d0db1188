package io.jhub.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.http.Credential;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyAndBackoffTest {

    @Test
    void noProxyMatchesStarHostsSuffixesAndPorts() {
        NoProxy np = NoProxy.parse(" example.org, .corp.local ,internal:8443,[::1], 10.0.0.1");
        assertTrue(np.matches("example.org", 443));
        assertTrue(np.matches("api.example.org", 443));
        assertFalse(np.matches("badexample.org", 443));
        assertTrue(np.matches("corp.local", 443));
        assertTrue(np.matches("git.corp.local", 80));
        assertTrue(np.matches("internal", 8443));
        assertFalse(np.matches("internal", 443));
        assertTrue(np.matches("[::1]", 443));
        assertTrue(np.matches("10.0.0.1", 443));
        assertFalse(np.matches("10.0.0.10", 443));
        assertTrue(NoProxy.parse("*").matches("anything", 1));
        assertFalse(NoProxy.parse("").matches("anything", 1));
    }

    @Test
    void selectorUsesEnvironmentPerSchemeAndNoProxy() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "http://proxy.example:3128", "http_proxy", "plain:8080",
                "NO_PROXY", "localhost,.internal");
        EnvProxySelector sel = new EnvProxySelector(n -> Optional.ofNullable(env.get(n)), null);
        List<Proxy> p = sel.select(URI.create("https://github.com/x"));
        assertEquals(Proxy.Type.HTTP, p.get(0).type());
        InetSocketAddress a = (InetSocketAddress) p.get(0).address();
        assertEquals("proxy.example", a.getHostString());
        assertEquals(3128, a.getPort());
        assertEquals(8080, ((InetSocketAddress) sel.select(URI.create("http://x.org/")).get(0).address()).getPort());
        assertEquals(List.of(Proxy.NO_PROXY), sel.select(URI.create("https://git.internal/x")));
        assertEquals(List.of(Proxy.NO_PROXY), sel.select(URI.create("https://localhost:8443/x")));
        EnvProxySelector none = new EnvProxySelector(n -> Optional.empty(), null);
        assertEquals(List.of(Proxy.NO_PROXY), none.select(URI.create("https://github.com/")));
    }

    @Test
    void lowerCaseProxyVariableWins() {
        Map<String, String> env = Map.of("HTTPS_PROXY", "upper:1", "https_proxy", "lower:2");
        EnvProxySelector sel = new EnvProxySelector(n -> Optional.ofNullable(env.get(n)), null);
        assertEquals("lower", ((InetSocketAddress) sel.select(URI.create("https://a/")).get(0).address()).getHostString());
    }

    @Test
    void backoffGrowsIsCappedAndHonoursRetryAfter() {
        Backoff b = new Backoff(Duration.ofMillis(100), Duration.ofMillis(1000));
        ZonedDateTime now = ZonedDateTime.of(2026, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        for (int i = 0; i < 50; i++) {
            Duration d1 = b.delay(1, Optional.empty(), now);
            assertTrue(d1.toMillis() >= 50 && d1.toMillis() <= 100, d1.toString());
            Duration d5 = b.delay(5, Optional.empty(), now);
            assertTrue(d5.toMillis() >= 500 && d5.toMillis() <= 1000, d5.toString());
            assertTrue(b.delay(40, Optional.empty(), now).toMillis() <= 1000);
        }
        assertEquals(Duration.ofMillis(1000), b.delay(1, Optional.of("7"), now));
        Backoff wide = new Backoff(Duration.ofMillis(1), Duration.ofSeconds(60));
        assertEquals(Duration.ofSeconds(7), wide.delay(1, Optional.of("7"), now));
        assertEquals(Duration.ofSeconds(30), wide.delay(1, Optional.of("Thu, 01 Jan 2026 00:00:30 GMT"), now));
        assertEquals(Duration.ZERO, wide.delay(1, Optional.of("Wed, 31 Dec 2025 23:00:00 GMT"), now));
        Duration garbage = wide.delay(1, Optional.of("soon"), now);
        assertTrue(garbage.toMillis() <= 1, garbage.toString());
    }

    @Test
    void credentialAuthorityMatching() {
        Credential c = Credential.bearer("Example.org", "t", "T");
        assertTrue(c.appliesTo(URI.create("https://example.org/a")));
        assertTrue(c.appliesTo(URI.create("https://EXAMPLE.org:443/a")));
        assertFalse(c.appliesTo(URI.create("https://example.org:8443/a")));
        assertFalse(c.appliesTo(URI.create("http://example.org/a")));
        assertFalse(c.appliesTo(URI.create("https://api.example.org/a")));
        Credential v6 = Credential.bearer("[::1]:8443", "t", "T");
        assertTrue(v6.appliesTo(URI.create("https://[::1]:8443/")));
        assertFalse(v6.appliesTo(URI.create("https://[::1]/")));
    }

    @Test
    void redactionHidesUserInfoAndQuery() {
        URI u = URI.create("https://user:pw@example.org:8443/a/b?X-Amz-Signature=abc");
        String shown = Redaction.forDisplay(u);
        assertEquals("https://example.org:8443/a/b?...", shown);
        assertFalse(Redaction.withoutUserInfo(u).toString().contains("pw"));
    }
}
