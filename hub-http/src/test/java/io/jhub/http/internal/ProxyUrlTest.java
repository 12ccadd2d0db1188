package io.jhub.http.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Proxy;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProxyUrlTest {

    private static EnvProxySelector selector(Map<String, String> env) {
        return new EnvProxySelector(n -> Optional.ofNullable(env.get(n)), null);
    }

    @Test
    void credentialsArePercentDecodedAndKeptWithTheRoute() {
        ProxyRoute r = ProxyUrl.parse("http://al%20ice:p%40ss%3Aw+rd%25@proxy.example:3128");
        assertEquals(Optional.of(new ProxyCredentials("al ice", "p@ss:w+rd%")), r.credentials());
        assertEquals("proxy.example", r.address().getHostString());
        assertEquals(3128, r.address().getPort());
        assertEquals(Proxy.Type.HTTP, r.proxy().type());
        assertEquals("http://proxy.example:3128", r.display());
    }

    @Test
    void aValueWithoutSchemeAndAnUnencodedAtInThePasswordStillParse() {
        ProxyRoute r = ProxyUrl.parse("user:p@ss@proxy:8080");
        assertEquals(Optional.of(new ProxyCredentials("user", "p@ss")), r.credentials());
        assertEquals("proxy", r.address().getHostString());
        assertEquals(8080, r.address().getPort());
        ProxyRoute v6 = ProxyUrl.parse("http://u:pw@[::1]:3128");
        assertEquals("::1", v6.address().getHostString());
        assertEquals("http://[::1]:3128", v6.display());
        assertEquals(Optional.of(new ProxyCredentials("u", "")), ProxyUrl.parse("u@proxy:1").credentials());
    }

    @Test
    void valuesWithoutCredentialsKeepTheirOldMeaning() {
        assertEquals(Optional.empty(), ProxyUrl.parse("http://proxy:3128").credentials());
        assertEquals(Optional.empty(), ProxyUrl.parse("http://@proxy:3128").credentials());
        assertEquals(80, ProxyUrl.parse("proxy").address().getPort());
        assertEquals(443, ProxyUrl.parse("https://proxy/").address().getPort());
    }

    @Test
    void malformedSettingsAreReportedWithoutThePassword() {
        IllegalArgumentException bad = assertThrows(IllegalArgumentException.class,
                () -> ProxyUrl.parse("http://u:s3cret%zz@proxy:3128"));
        assertTrue(bad.getMessage().contains("\"http://proxy:3128\""), bad.getMessage());
        assertFalse(bad.getMessage().contains("s3cret"), bad.getMessage());
        IllegalArgumentException noHost = assertThrows(IllegalArgumentException.class,
                () -> ProxyUrl.parse("http://u:s3cret@/x"));
        assertFalse(noHost.getMessage().contains("s3cret"), noHost.getMessage());
        IllegalArgumentException notUrl = assertThrows(IllegalArgumentException.class,
                () -> ProxyUrl.parse("http://u:s3cret@pro xy:3128"));
        assertFalse(notUrl.getMessage().contains("s3cret"), notUrl.getMessage());
        assertTrue(notUrl.getMessage().contains("pro xy:3128"), notUrl.getMessage());
    }

    @Test
    void passwordsNeverShowInToStringOrDisplay() {
        ProxyRoute r = ProxyUrl.parse("http://alice:s3cret@proxy:3128");
        assertFalse(r.toString().contains("s3cret"), r.toString());
        assertFalse(r.credentials().orElseThrow().toString().contains("s3cret"));
        assertFalse(r.display().contains("s3cret"));
        assertFalse(r.display().contains("alice"));
        assertEquals("http://proxy:3128", Redaction.proxySetting("http://alice:s3cret@proxy:3128"));
        assertEquals("proxy:3128", Redaction.proxySetting("alice:s3c://ret@proxy:3128"));
        assertEquals("http://proxy:3128", Redaction.proxySetting("http://proxy:3128"));
    }

    @Test
    void basicAuthorizationIsTheBase64OfUserColonPasswordInUtf8() {
        assertEquals("Basic QWxhZGRpbjpvcGVuIHNlc2FtZQ==",
                new ProxyCredentials("Aladdin", "open sesame").basicAuthorization());
        assertEquals("Basic w6k6cEBzcw==", new ProxyCredentials("é", "p@ss").basicAuthorization());
    }

    @Test
    void theSelectorRoutesWithCredentialsAndNoProxyBypasses() {
        EnvProxySelector sel = selector(Map.of("https_proxy", "http://u:p%40ss@proxy:3128",
                "HTTP_PROXY", "plain:8080", "NO_PROXY", ".internal"));
        ProxyRoute https = sel.route(URI.create("https://example.org/x"));
        assertEquals(Optional.of(new ProxyCredentials("u", "p@ss")), https.credentials());
        assertEquals(https.proxy(), sel.select(URI.create("https://example.org/x")).get(0));
        assertEquals(Optional.empty(), sel.route(URI.create("http://example.org/x")).credentials());
        assertEquals(ProxyRoute.DIRECT, sel.route(URI.create("https://git.internal/x")));
        assertEquals(ProxyRoute.DIRECT, selector(Map.of()).route(URI.create("https://example.org/")));
    }
}
