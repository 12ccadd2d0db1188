package io.jhub.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.DownloadException;
import io.jhub.core.Hub;
import io.jhub.http.download.DownloadOptions;
import io.jhub.testkit.ConnectProxy;
import io.jhub.testkit.RangeHttpsServer.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Downloads through a proxy that requires Basic credentials, given in the proxy URL of {@code HTTPS_PROXY}: they go
 * over jhub's own connections ({@code CONNECT} with {@code Proxy-Authorization}), and a refusal says what to fix
 * without ever showing the password.
 */
class AuthenticatedProxyTest extends RangeServerFixture {
    private static final String USER = "alice";
    private static final String PASSWORD = "p@ss w:rd";
    private static final String ENCODED = "p%40ss%20w%3Ard";

    private static DownloadOptions options(byte[] data) throws Exception {
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        return DownloadOptions.builder().connections(2).sha256(sha).build();
    }

    private Hub hub(ConnectProxy proxy, String userInfo, Map<String, String> more) {
        Map<String, String> env = new java.util.HashMap<>(more);
        env.put("HTTPS_PROXY", "http://" + userInfo + "127.0.0.1:" + proxy.port());
        return hubBuilder().environment(env).build();
    }

    /** Neither the exception nor any cause or suppressed one shows the secret. */
    static void assertNoSecret(Throwable t, String secret) {
        ConnectProxy.assertNoSecret(t, secret);
    }

    @Test
    void theRightPercentEncodedCredentialsReachTheProxyOverDirectConnections() throws Exception {
        byte[] data = bytes(2 * 1024 * 1024 + 33, 31);
        server.serve("/auth-ok.bin", data);
        try (ConnectProxy proxy = new ConnectProxy(USER, PASSWORD)) {
            Path p = Weights.download(hub(proxy, USER + ":" + ENCODED + "@", Map.of()),
                    server.uri("/auth-ok.bin"), options(data));
            assertArrayEquals(data, Files.readAllBytes(p));
            List<Request> reqs = server.requests("/auth-ok.bin");
            assertTrue(reqs.size() >= 2, reqs.toString());
            assertTrue(reqs.stream().allMatch(r -> r.connection().equals(Optional.of("keep-alive"))), reqs.toString());
            assertEquals(reqs.size(), proxy.seen.size(), proxy.seen.toString());
            String target = "127.0.0.1:" + server.uri("/").getPort();
            assertTrue(proxy.seen.stream().allMatch(s -> s.line().equals("CONNECT " + target + " HTTP/1.1")
                    && s.proxyAuthorization().equals(Optional.of(ConnectProxy.basic(USER, PASSWORD)))),
                    proxy.seen.toString());
        }
    }

    @Test
    void wrongCredentialsFailAtOnceNamingTheProxyButNotThePassword() throws Exception {
        server.serve("/auth-wrong.bin", bytes(1000, 32));
        try (ConnectProxy proxy = new ConnectProxy(USER, PASSWORD)) {
            String wrong = "s3cret-Wrong";
            Hub hub = hub(proxy, USER + ":" + wrong + "@", Map.of());
            DownloadException e = assertThrows(DownloadException.class, () -> Weights.download(hub,
                    server.uri("/auth-wrong.bin"), DownloadOptions.defaults()));
            String m = e.getMessage();
            assertTrue(m.contains("the proxy http://127.0.0.1:" + proxy.port() + " refused the user name and"
                    + " password"), m);
            assertTrue(m.contains("check them in HTTPS_PROXY"), m);
            assertTrue(m.contains("%40"), m);
            assertEquals(java.util.OptionalInt.of(407), e.status());
            assertNoSecret(e, wrong);
            assertEquals(1, proxy.seen.size(), "a 407 is not retried: " + proxy.seen);
            assertEquals(List.of(), server.requests("/auth-wrong.bin"));
        }
    }

    @Test
    void aProxyThatWantsCredentialsButGetsNoneSaysHowToGiveThem() throws Exception {
        server.serve("/auth-none.bin", bytes(1000, 33));
        try (ConnectProxy proxy = new ConnectProxy(USER, PASSWORD)) {
            Hub hub = hub(proxy, "", Map.of());
            DownloadException e = assertThrows(DownloadException.class, () -> Weights.download(hub,
                    server.uri("/auth-none.bin"), DownloadOptions.defaults()));
            assertTrue(e.getMessage().contains("requires a user name and password"), e.getMessage());
            assertTrue(e.getMessage().contains("HTTPS_PROXY=http://user:password@127.0.0.1:" + proxy.port()),
                    e.getMessage());
            assertEquals(Optional.empty(), proxy.seen.get(0).proxyAuthorization());
        }
    }

    @Test
    void noProxyStillBypassesAnAuthenticatedProxy() throws Exception {
        byte[] data = bytes(5000, 35);
        server.serve("/auth-bypass.bin", data);
        try (ConnectProxy proxy = new ConnectProxy(USER, PASSWORD)) {
            Hub hub = hub(proxy, USER + ":" + ENCODED + "@", Map.of("NO_PROXY", "localhost,127.0.0.1"));
            Path p = Weights.download(hub, server.uri("/auth-bypass.bin"), options(data));
            assertArrayEquals(data, Files.readAllBytes(p));
            assertEquals(List.of(), proxy.seen);
        }
    }
}
