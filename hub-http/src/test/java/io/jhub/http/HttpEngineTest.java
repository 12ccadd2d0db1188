package io.jhub.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.DownloadException;
import io.jhub.api.ProgressEvent;
import io.jhub.testkit.ConnectProxy;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import javax.net.ssl.SSLContext;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HttpEngineTest {
    @TempDir
    static java.nio.file.Path certDir;
    static TestCertificates certs;

    @BeforeAll
    static void certificates() throws IOException {
        certs = TestCertificates.generate(certDir);
    }

    /**
     * Tells whether the engines under test use jhub's own connections; here they use a handed-in HttpClient, and
     * {@link DirectHttpEngineTest} runs every test again over jhub's own connections.
     *
     * @return false here
     */
    boolean direct() {
        return false;
    }

    /**
     * Sets an engine's transport: jhub's own connections, or a handed-in {@link java.net.http.HttpClient} with
     * the test certificate's TLS context, no proxy and no redirects of its own.
     *
     * @param ownSockets true for jhub's own connections
     * @param tls the client's TLS context
     * @param b the builder
     * @return the builder
     */
    static HttpEngine.Builder overTransport(boolean ownSockets, SSLContext tls, HttpEngine.Builder b) {
        return ownSockets ? b : b.httpClient(java.net.http.HttpClient.newBuilder()
                .proxy(java.net.http.HttpClient.Builder.NO_PROXY).sslContext(tls)
                .connectTimeout(Duration.ofSeconds(2)).version(java.net.http.HttpClient.Version.HTTP_1_1).build());
    }

    HttpEngine.Builder engine() {
        return overTransport(direct(), certs.clientContext(), HttpEngine.builder().sslContext(certs.clientContext()))
                .environment(n -> Optional.empty())
                .backoff(Duration.ofMillis(5), Duration.ofMillis(50)).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofSeconds(5));
    }

    private static final ResponseHandler<String> TEXT = r -> new String(r.body().readAllBytes(), UTF_8);

    @Test
    void sendsUserAgentAndCredentialToItsOwnAuthority() throws IOException {
        SSLContext tls = certs.serverContext();
        try (RecordingServer s = new RecordingServer(tls, (ex, i) -> RecordingServer.respond(ex, 200, "hi".getBytes(UTF_8)))) {
            Credential c = Credential.bearer("127.0.0.1:" + s.port(), "s3cret", "TEST_TOKEN");
            boolean[] sent = new boolean[1];
            String body = engine().build().send(HttpCall.get(s.uri("/x")).credential(c), r -> {
                sent[0] = r.credentialSent();
                assertEquals(OptionalLongOf(2), r.contentLength());
                return TEXT.handle(r);
            });
            assertEquals("hi", body);
            assertTrue(sent[0]);
            String ua = s.requests.get(0).headers().getFirst("User-Agent");
            assertTrue(ua.matches("jhub/\\S+ \\(Java \\d+\\)"), ua);
            assertEquals("Bearer s3cret", s.requests.get(0).headers().getFirst("Authorization"));
            assertFalse(c.toString().contains("s3cret"));
        }
    }

    private static java.util.OptionalLong OptionalLongOf(long v) {
        return java.util.OptionalLong.of(v);
    }

    @Test
    void dropsCredentialOnRedirectToAnotherAuthorityAndKeepsItDropped() throws IOException {
        SSLContext tls = certs.serverContext();
        try (RecordingServer b = new RecordingServer(tls, (ex, i) -> RecordingServer.respond(ex, 200, "B".getBytes(UTF_8)));
             RecordingServer a = new RecordingServer(tls, (ex, i) -> {
                 if (ex.getRequestURI().getPath().equals("/start")) {
                     ex.getResponseHeaders().add("Location", b.uri("/bounce").toString());
                 } else {
                     ex.getResponseHeaders().add("Location", "/end");
                 }
                 RecordingServer.respond(ex, 302, new byte[0]);
             })) {
            // b's /bounce answers 200; make a chain a -> b by the first hop only
            Credential c = Credential.bearer("127.0.0.1:" + a.port(), "s3cret", "TEST_TOKEN");
            boolean[] sent = {true};
            URI[] finalUri = new URI[1];
            String body = engine().build().send(HttpCall.get(a.uri("/start")).credential(c), r -> {
                sent[0] = r.credentialSent();
                finalUri[0] = r.uri();
                return TEXT.handle(r);
            });
            assertEquals("B", body);
            assertFalse(sent[0]);
            assertEquals(b.uri("/bounce"), finalUri[0]);
            assertEquals("Bearer s3cret", a.requests.get(0).headers().getFirst("Authorization"));
            assertEquals(1, b.requests.size());
            assertNull(b.requests.get(0).headers().getFirst("Authorization"), "credential leaked to another port");
        }
    }

    @Test
    void secretPlainHeadersStayWithTheFirstAuthority() throws IOException {
        SSLContext tls = certs.serverContext();
        try (RecordingServer b = new RecordingServer(tls, (ex, i) -> RecordingServer.respond(ex, 200, "B".getBytes(UTF_8)));
             RecordingServer a = new RecordingServer(tls, (ex, i) -> {
                 ex.getResponseHeaders().add("Location", b.uri("/b").toString());
                 RecordingServer.respond(ex, 302, new byte[0]);
             })) {
            HttpCall call = HttpCall.get(a.uri("/a")).header("Authorization", "token xyz").header("Cookie", "s=1")
                    .header("X-Plain", "kept");
            assertEquals("B", engine().build().send(call, TEXT));
            assertEquals("token xyz", a.requests.get(0).headers().getFirst("Authorization"));
            assertNull(b.requests.get(0).headers().getFirst("Authorization"));
            assertNull(b.requests.get(0).headers().getFirst("Cookie"));
            assertEquals("kept", b.requests.get(0).headers().getFirst("X-Plain"));
        }
    }

    @Test
    void aSlowButSteadyBodyIsNotCutByTheReadTimeout() throws IOException {
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> {
            ex.sendResponseHeaders(200, 8 * 1000);
            for (int k = 0; k < 8; k++) {
                ex.getResponseBody().write(new byte[1000]);
                ex.getResponseBody().flush();
                try {
                    Thread.sleep(150); // pacing the body, not synchronisation: 8 x 150 ms > the 400 ms timeout
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        })) {
            HttpEngine e = engine().readTimeout(Duration.ofMillis(400)).build();
            int n = e.send(HttpCall.get(s.uri("/steady")), r -> r.body().readAllBytes().length);
            assertEquals(8000, n);
        }
    }

    @Test
    void credentialOnceDroppedIsNotSentWhenRedirectedBack() throws IOException {
        SSLContext tls = certs.serverContext();
        URI[] aUri = new URI[1];
        try (RecordingServer b = new RecordingServer(tls, (ex, i) -> {
                ex.getResponseHeaders().add("Location", aUri[0].toString());
                RecordingServer.respond(ex, 307, new byte[0]);
             });
             RecordingServer a = new RecordingServer(tls, (ex, i) -> {
                 if (i == 0) {
                     ex.getResponseHeaders().add("Location", b.uri("/b").toString());
                     RecordingServer.respond(ex, 301, new byte[0]);
                 } else {
                     RecordingServer.respond(ex, 200, "A".getBytes(UTF_8));
                 }
             })) {
            aUri[0] = a.uri("/back");
            Credential c = Credential.bearer("127.0.0.1:" + a.port(), "s3cret", "TEST_TOKEN");
            assertEquals("A", engine().build().send(HttpCall.get(a.uri("/a")).credential(c), TEXT));
            assertEquals(2, a.requests.size());
            assertNull(b.requests.get(0).headers().getFirst("Authorization"));
            assertNull(a.requests.get(1).headers().getFirst("Authorization"));
        }
    }

    @Test
    void refusesRedirectFromHttpsToHttp() throws IOException {
        try (RecordingServer plain = new RecordingServer(null, (ex, i) -> RecordingServer.respond(ex, 200, "P".getBytes(UTF_8)));
             RecordingServer a = new RecordingServer(certs.serverContext(), (ex, i) -> {
                 ex.getResponseHeaders().add("Location", plain.uri("/p").toString());
                 RecordingServer.respond(ex, 302, new byte[0]);
             })) {
            HttpEngine e = engine().allowPlainHttp(true).build();
            DownloadException ex = assertThrows(DownloadException.class, () -> e.send(HttpCall.get(a.uri("/a")), TEXT));
            assertTrue(ex.getMessage().contains("https to http"), ex.getMessage());
            assertEquals(0, plain.requests.size());
        }
    }

    @Test
    void plainHttpOnlyWhenAllowed() throws IOException {
        try (RecordingServer plain = new RecordingServer(null, (ex, i) -> RecordingServer.respond(ex, 200, "P".getBytes(UTF_8)))) {
            DownloadException ex = assertThrows(DownloadException.class,
                    () -> engine().build().send(HttpCall.get(plain.uri("/p")), TEXT));
            assertTrue(ex.getMessage().contains("allowPlainHttp"), ex.getMessage());
            assertEquals(0, plain.requests.size());
            assertEquals("P", engine().allowPlainHttp(true).build().send(HttpCall.get(plain.uri("/p")), TEXT));
        }
    }

    @Test
    void retriesServerErrorsThenSucceeds() throws IOException {
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> {
            int status = i == 0 ? 500 : i == 1 ? 503 : 200;
            RecordingServer.respond(ex, status, (status == 200 ? "ok" : "busy").getBytes(UTF_8));
        })) {
            assertEquals("ok", engine().retries(2).build().send(HttpCall.get(s.uri("/r")), TEXT));
            assertEquals(3, s.requests.size());
        }
    }

    @Test
    void givesUpAfterRetriesWithTheLastStatus() throws IOException {
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> RecordingServer.respond(ex, 503, new byte[0]))) {
            DownloadException e = assertThrows(DownloadException.class,
                    () -> engine().retries(2).build().send(HttpCall.get(s.uri("/r")), TEXT));
            assertEquals(3, s.requests.size());
            assertEquals(503, e.status().orElseThrow());
            assertTrue(e.getMessage().contains("3 attempts") && e.getMessage().contains("503"), e.getMessage());
        }
    }

    @Test
    void honoursRetryAfterOn429() throws IOException {
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> {
            if (i == 0) {
                ex.getResponseHeaders().add("Retry-After", "1");
                RecordingServer.respond(ex, 429, new byte[0]);
            } else {
                RecordingServer.respond(ex, 200, "ok".getBytes(UTF_8));
            }
        })) {
            HttpEngine e = engine().backoff(Duration.ofMillis(5), Duration.ofSeconds(10)).build();
            assertEquals("ok", e.send(HttpCall.get(s.uri("/r")), TEXT));
            assertEquals(2, s.requests.size());
            long gapMillis = (s.requests.get(1).nanoTime() - s.requests.get(0).nanoTime()) / 1_000_000;
            assertTrue(gapMillis >= 950, "second request came after only " + gapMillis + " ms");
        }
    }

    @Test
    void connectionRefusedIsRetriedThenReported() throws IOException {
        int port;
        try (ServerSocket ss = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = ss.getLocalPort();
        }
        URI uri = URI.create("https://127.0.0.1:" + port + "/gone");
        DownloadException e = assertThrows(DownloadException.class,
                () -> engine().retries(2).build().send(HttpCall.get(uri), TEXT));
        assertTrue(e.getMessage().contains("after 3 attempts"), e.getMessage());
        assertTrue(e.status().isEmpty());
        assertEquals(uri, e.uri());
    }

    @Test
    void stalledBodyHitsTheReadTimeout() throws IOException {
        CountDownLatch release = new CountDownLatch(1);
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> {
            ex.sendResponseHeaders(200, 100);
            ex.getResponseBody().write(new byte[10]);
            ex.getResponseBody().flush();
            try {
                release.await();
            } catch (InterruptedException ignored) {
                Thread.currentThread().interrupt();
            }
        })) {
            HttpEngine e = engine().readTimeout(Duration.ofMillis(400)).build();
            int[] got = new int[1];
            DownloadException ex = assertThrows(DownloadException.class, () -> e.send(HttpCall.get(s.uri("/slow")), r -> {
                byte[] buf = new byte[64];
                int n;
                while ((n = r.body().read(buf)) >= 0) {
                    got[0] += n;
                }
                return got[0];
            }));
            assertEquals(10, got[0]);
            assertTrue(ex.getMessage().contains("read timed out"), ex.getMessage());
            assertEquals(1, s.requests.size(), "a failure inside the handler must not be retried");
        } finally {
            release.countDown();
        }
    }

    @Test
    void handsOtherStatusesToTheHandlerAndReportsProgress() throws IOException {
        byte[] big = new byte[600_000];
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> {
            if (ex.getRequestURI().getPath().equals("/missing")) {
                RecordingServer.respond(ex, 404, "nope".getBytes(UTF_8));
            } else {
                RecordingServer.respond(ex, 200, big);
            }
        })) {
            List<ProgressEvent> events = new CopyOnWriteArrayList<>();
            HttpEngine e = engine().progress(events::add).build();
            assertEquals(404, e.send(HttpCall.get(s.uri("/missing")), HttpReply::status));
            assertEquals(1, s.requests.size());
            long n = e.send(HttpCall.get(s.uri("/big")), r -> (long) r.body().readAllBytes().length);
            assertEquals(big.length, n);
            ProgressEvent last = events.get(events.size() - 1);
            assertEquals(ProgressEvent.Phase.DOWNLOAD, last.phase());
            assertEquals(big.length, last.done());
            assertEquals(big.length, last.total());
        }
    }

    @Test
    void httpsProxyFromTheEnvironmentUnlessNoProxyMatches() throws IOException {
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> RecordingServer.respond(ex, 200, "ok".getBytes(UTF_8)));
             ConnectProxy proxy = new ConnectProxy()) {
            Map<String, String> env = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port());
            HttpEngine viaProxy = engine().environment(n -> Optional.ofNullable(env.get(n))).build();
            assertEquals("ok", viaProxy.send(HttpCall.get(s.uri("/p")), TEXT));
            // a handed-in HttpClient brings its own proxy (none here): the environment's is jhub's connections'
            assertEquals(direct() ? List.of("127.0.0.1:" + s.port()) : List.of(), proxy.targets);

            Map<String, String> bypass = Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port(), "no_proxy",
                    "example.org,127.0.0.1");
            HttpEngine direct = engine().environment(n -> Optional.ofNullable(bypass.get(n))).build();
            assertEquals("ok", direct.send(HttpCall.get(s.uri("/p")), TEXT));
            assertEquals(direct() ? 1 : 0, proxy.targets.size(), "NO_PROXY must bypass the proxy");
            assertEquals(2, s.requests.size());
        }
    }

    @Test
    void engineFromAFetchContext() throws IOException {
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        io.jhub.api.spi.FetchContext ctx = new io.jhub.api.spi.FetchContext() {
            @Override public Duration connectTimeout() { return Duration.ofSeconds(2); }
            @Override public Duration readTimeout() { return Duration.ofSeconds(5); }
            @Override public io.jhub.api.ProgressListener progress() { return events::add; }
            @Override public Optional<String> setting(String key) { return Optional.empty(); }
            @Override public Optional<String> env(String name) { return Optional.empty(); }
            @Override public Optional<SSLContext> sslContext() { return Optional.of(certs.clientContext()); }
        };
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> RecordingServer.respond(ex, 200, "ctx".getBytes(UTF_8)))) {
            assertEquals("ctx", HttpEngine.fromContext(ctx).send(HttpCall.get(s.uri("/c")), TEXT));
            assertEquals(3, events.get(events.size() - 1).done());
        }
    }

    @Test
    void chunkedBodiesArriveWhole() throws IOException {
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> {
            ex.sendResponseHeaders(200, 0);
            ex.getResponseBody().write("hello ".getBytes(UTF_8));
            ex.getResponseBody().flush();
            ex.getResponseBody().write("chunked world".getBytes(UTF_8));
            ex.close();
        })) {
            assertEquals("hello chunked world", engine().build().send(HttpCall.get(s.uri("/c")), TEXT));
        }
    }

    @Test
    void headersOfTheConnectionItselfAreRefused() {
        HttpEngine e = engine().build();
        for (String name : List.of("Host", "Connection", "Content-Length")) {
            HttpCall call = HttpCall.get(URI.create("https://127.0.0.1:9/h")).header(name, "1");
            assertThrows(IllegalArgumentException.class, () -> e.send(call, TEXT), name);
        }
    }

    @Test
    void postIsSentWithItsBodyAndBuilderRejectsBadValues() throws IOException {
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> {
            byte[] in = ex.getRequestBody().readAllBytes();
            RecordingServer.respond(ex, 200, in);
        })) {
            HttpCall call = HttpCall.post(s.uri("/p"), "text/plain", "body".getBytes(UTF_8)).header("X-A", "1");
            assertEquals("body", engine().build().send(call, TEXT));
            assertEquals("1", s.requests.get(0).headers().getFirst("X-A"));
        }
        assertThrows(IllegalArgumentException.class, () -> HttpEngine.builder().retries(-1));
        assertThrows(IllegalArgumentException.class, () -> HttpEngine.builder().readTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class,
                () -> HttpEngine.builder().backoff(Duration.ofSeconds(2), Duration.ofSeconds(1)));
        assertThrows(IllegalArgumentException.class, () -> HttpCall.get(URI.create("ftp://x/y")));
        assertThrows(IllegalArgumentException.class, () -> HttpCall.get(URI.create("https://x/")).header("A", "b\nc"));
        assertThrows(NullPointerException.class, () -> HttpEngine.builder().sslContext(null));
        assertFalse(HttpCall.get(URI.create("https://x/")).credential(Credential.bearer("x", "tok", "T"))
                .toString().contains("tok"));
        assertEquals(Map.of(), HttpCall.get(URI.create("https://x/")).headers());
    }
}
