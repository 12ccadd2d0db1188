package io.jhub.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.DownloadException;
import io.jhub.testkit.ConnectProxy;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine through an HTTP proxy from the environment with credentials in its URL, over jhub's own
 * connections (a handed-in HttpClient brings its own proxy and authenticator instead): plain
 * http in the absolute form with {@code Proxy-Authorization}, https (any method) through a {@code CONNECT}
 * tunnel over jhub's own connections, and refusals that name the proxy but never the password.
 */
class ProxyEngineTest {
    private static final String USER = "alice";
    private static final String PASSWORD = "p@ss w:rd";
    private static final String URL_CREDENTIALS = USER + ":p%40ss%20w%3Ard@";
    private static final ResponseHandler<String> TEXT = r -> new String(r.body().readAllBytes(), UTF_8);

    @TempDir
    static Path certDir;
    static TestCertificates certs;

    @BeforeAll
    static void certificates() throws IOException {
        certs = TestCertificates.generate(certDir);
    }

    private static HttpEngine engine(String variable, String proxyUrl) {
        Map<String, String> env = Map.of(variable, proxyUrl);
        return HttpEngine.builder().sslContext(certs.clientContext()).allowPlainHttp(true)
                .environment(n -> Optional.ofNullable(env.get(n))).backoff(Duration.ofMillis(5), Duration.ofMillis(50))
                .connectTimeout(Duration.ofSeconds(2)).readTimeout(Duration.ofSeconds(5)).build();
    }

    @Test
    void plainHttpGoesToTheProxyInTheAbsoluteFormWithItsCredentials() throws IOException {
        try (RecordingServer s = new RecordingServer(null, (ex, i) -> RecordingServer.respond(ex, 200,
                "ok".getBytes(UTF_8)));
             ConnectProxy proxy = new ConnectProxy(USER, PASSWORD)) {
            HttpEngine e = engine("HTTP_PROXY", "http://" + URL_CREDENTIALS + "127.0.0.1:" + proxy.port());
            assertEquals("ok", e.send(HttpCall.get(s.uri("/plain?q=1")), TEXT));
            assertEquals(1, proxy.seen.size(), proxy.seen.toString());
            ConnectProxy.Seen seen = proxy.seen.get(0);
            assertEquals("GET http://127.0.0.1:" + s.port() + "/plain?q=1 HTTP/1.1", seen.line());
            assertEquals(Optional.of(ConnectProxy.basic(USER, PASSWORD)), seen.proxyAuthorization());
            // jhub's own connections say keep-alive, the JDK's HttpClient says nothing
            assertEquals(Optional.of("keep-alive"), seen.connection());
            assertNull(s.requests.get(0).headers().getFirst("Proxy-Authorization"));
        }
    }

    @Test
    void refusedCredentialsForPlainHttpFailAtOnceWithoutThePassword() throws IOException {
        try (RecordingServer s = new RecordingServer(null, (ex, i) -> RecordingServer.respond(ex, 200, new byte[0]));
             ConnectProxy proxy = new ConnectProxy(USER, PASSWORD)) {
            String proxyAt = "127.0.0.1:" + proxy.port();
            HttpEngine wrong = engine("http_proxy", "http://" + USER + ":s3cret-Wrong@" + proxyAt);
            DownloadException e = assertThrows(DownloadException.class, () -> wrong.send(HttpCall.get(s.uri("/w")),
                    TEXT));
            assertTrue(e.getMessage().startsWith("GET http://127.0.0.1:" + s.port() + "/w failed: the proxy http://"
                    + proxyAt + " refused the user name and password given in its URL (407 Proxy Authentication"
                    + " Required); check them in HTTP_PROXY"), e.getMessage());
            assertEquals(OptionalInt.of(407), e.status());
            ConnectProxy.assertNoSecret(e, "s3cret-Wrong");
            assertEquals(1, proxy.seen.size(), "a 407 is not retried: " + proxy.seen);

            HttpEngine none = engine("http_proxy", "http://" + proxyAt);
            DownloadException e2 = assertThrows(DownloadException.class, () -> none.send(HttpCall.get(s.uri("/n")),
                    TEXT));
            assertTrue(e2.getMessage().contains("requires a user name and password (407 Proxy Authentication"
                    + " Required); put them in its URL, such as HTTP_PROXY=http://user:password@" + proxyAt),
                    e2.getMessage());
            assertEquals(List.of(), s.requests);
        }
    }

    @Test
    void httpsWithProxyCredentialsGoesThroughATunnelOverJhubsOwnConnections() throws IOException {
        try (RecordingServer s = new RecordingServer(certs.serverContext(),
                (ex, i) -> RecordingServer.respond(ex, 200, ex.getRequestBody().readAllBytes()));
             ConnectProxy proxy = new ConnectProxy(USER, PASSWORD)) {
            HttpEngine e = engine("HTTPS_PROXY", "http://" + URL_CREDENTIALS + "127.0.0.1:" + proxy.port());
            // a caller's own Proxy-Authorization must not travel through the tunnel to the server
            assertEquals("", e.send(HttpCall.get(s.uri("/g")).header("Proxy-Authorization", "Basic Y2FsbGVy"), TEXT));
            // even a POST: the JDK's HttpClient would not send Basic credentials in the CONNECT
            assertEquals("b", e.send(HttpCall.post(s.uri("/p"), "text/plain", "b".getBytes(UTF_8)), TEXT));
            String target = "127.0.0.1:" + s.port();
            assertEquals(List.of(target), proxy.targets, "one tunnel, kept alive for both requests");
            assertTrue(proxy.seen.stream().allMatch(x -> x.proxyAuthorization().equals(Optional.of(
                    ConnectProxy.basic(USER, PASSWORD)))), proxy.seen.toString());
            assertTrue(s.requests.stream().allMatch(r -> "keep-alive".equals(r.headers().getFirst("Connection"))
                    && r.headers().getFirst("Proxy-Authorization") == null), s.requests.toString());
        }
    }

    @Test
    void aProxyThatCannotOpenTheTunnelIsNamedWithItsStatus() throws IOException {
        int closed;
        try (ServerSocket ss = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closed = ss.getLocalPort();
        }
        try (ConnectProxy proxy = new ConnectProxy()) {
            Map<String, String> env = Map.of("HTTPS_PROXY", "http://u:s3cret@127.0.0.1:" + proxy.port());
            HttpEngine e = HttpEngine.builder().sslContext(certs.clientContext()).retries(0)
                    .environment(n -> Optional.ofNullable(env.get(n))).build();
            URI uri = URI.create("https://127.0.0.1:" + closed + "/x");
            DownloadException ex = assertThrows(DownloadException.class, () -> e.send(HttpCall.get(uri), TEXT));
            assertTrue(ex.getMessage().contains("the proxy http://127.0.0.1:" + proxy.port() + " answered 502 to"
                    + " CONNECT 127.0.0.1:" + closed), ex.getMessage());
            ConnectProxy.assertNoSecret(ex, "s3cret");
        }
    }

    @Test
    void aProxyThatNeverAnswersTheConnectTimesOutWithinTheConnectTimeout() throws IOException {
        // the kernel completes the TCP handshake from the backlog; nobody ever reads or answers
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            HttpEngine e = silentEngine(Map.of("HTTPS_PROXY", "http://u:s3cret@127.0.0.1:" + silent.getLocalPort()));
            long start = System.nanoTime();
            DownloadException ex = assertThrows(DownloadException.class,
                    () -> e.send(HttpCall.get(URI.create("https://127.0.0.1:9/x")), TEXT));
            assertTrue(ex.getMessage().contains("connecting timed out (the proxy http://127.0.0.1:"
                    + silent.getLocalPort() + " did not answer CONNECT 127.0.0.1:9 within 300 ms)"), ex.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "bounded by the connect timeout");
            ConnectProxy.assertNoSecret(ex, "s3cret");
        }
    }

    @Test
    void aServerThatNeverHandshakesTimesOutWithinTheConnectTimeout() throws IOException {
        try (ServerSocket silent = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            HttpEngine e = silentEngine(Map.of());
            long start = System.nanoTime();
            DownloadException ex = assertThrows(DownloadException.class, () -> e.send(HttpCall.get(
                    URI.create("https://127.0.0.1:" + silent.getLocalPort() + "/x")), TEXT));
            assertTrue(ex.getMessage().contains("SocketTimeoutException"), ex.getMessage());
            assertTrue(Duration.ofNanos(System.nanoTime() - start).toSeconds() < 20, "bounded by the connect timeout");
        }
    }

    /** Direct connections, no retry, 300 ms to connect and a read timeout far longer than the test. */
    private static HttpEngine silentEngine(Map<String, String> env) {
        return HttpEngine.builder().sslContext(certs.clientContext()).retries(0)
                .environment(n -> Optional.ofNullable(env.get(n))).connectTimeout(Duration.ofMillis(300))
                .readTimeout(Duration.ofMinutes(5)).build();
    }
}
