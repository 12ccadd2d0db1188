package io.jhub.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.DownloadException;
import io.jhub.testkit.ScriptedHttpsServer;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The bounds every request of the engine keeps to, over both transports (jhub's own connections and the JDK's
 * HttpClient): a minimum body rate, a deadline for the head, an overall deadline across retries; and the reply
 * head rules (conflicting {@code Content-Length}, redirects to other schemes). The servers trickle on purpose;
 * the tests never sleep.
 */
class HttpLimitsTest {
    private static final ResponseHandler<String> TEXT = r -> new String(r.body().readAllBytes(), UTF_8);
    /** Small bounds so the tests stay fast: 1000 bytes/s over 1 s, 1 s for the head. */
    private static final HttpLimits FAST = new HttpLimits(1000, Duration.ofSeconds(1), Duration.ofSeconds(1),
            Optional.of(Duration.ofMinutes(5)));

    @TempDir
    static Path certDir;
    static TestCertificates certs;

    @BeforeAll
    static void certificates() throws IOException {
        certs = TestCertificates.generate(certDir);
    }

    private static HttpEngine.Builder engine(boolean direct) {
        return HttpEngineTest.overTransport(direct, certs.clientContext(), HttpEngine.builder().sslContext(certs.clientContext())).retries(0)
                .limits(FAST);
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void aBodyAtAFewBytesPerSecondFailsWithTheRateMessage(boolean direct) throws IOException {
        try (ScriptedHttpsServer s = ScriptedHttpsServer.start(certs.serverContext(), (r, out) -> {
            ScriptedHttpsServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 600\r\n\r\n");
            ScriptedHttpsServer.trickle(out, new byte[600], Duration.ofMillis(100));
        })) {
            HttpEngine e = engine(direct).build();
            DownloadException ex = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(DownloadException.class, () -> e.send(HttpCall.get(s.uri("/slow")), TEXT)));
            assertTrue(ex.getMessage().contains("slower than 1000 bytes/s over 1 s"), ex.getMessage());
            assertTrue(ex.getMessage().contains("http.lowSpeedLimit"), ex.getMessage());
        }
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void aStalledBodyFailsWithTheRateMessageAfterOneWindow(boolean direct) throws IOException {
        try (ScriptedHttpsServer s = ScriptedHttpsServer.start(certs.serverContext(), (r, out) -> {
            ScriptedHttpsServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nfirst bytes");
            Thread.sleep(60_000); // then nothing, until the server closes
        })) {
            HttpEngine e = engine(direct).build();
            DownloadException ex = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(DownloadException.class, () -> e.send(HttpCall.get(s.uri("/stall")), TEXT)));
            assertTrue(ex.getMessage().contains("slower than 1000 bytes/s over 1 s (0 bytes in 1000 ms"),
                    ex.getMessage());
        }
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void headersArrivingOneByteAtATimeHitTheHeadersDeadline(boolean direct) throws IOException {
        byte[] endless = ("X-Slow: " + "a".repeat(600) + "\r\n").getBytes(UTF_8);
        try (ScriptedHttpsServer s = ScriptedHttpsServer.start(certs.serverContext(), (r, out) -> {
            ScriptedHttpsServer.write(out, "HTTP/1.1 200 OK\r\n");
            ScriptedHttpsServer.trickle(out, endless, Duration.ofMillis(100));
        })) {
            HttpEngine e = engine(direct).build();
            DownloadException ex = assertTimeoutPreemptively(Duration.ofSeconds(20),
                    () -> assertThrows(DownloadException.class, () -> e.send(HttpCall.get(s.uri("/head")), TEXT)));
            assertTrue(ex.getMessage().contains("the status line and headers did not arrive within 1 s (setting"
                    + " http.headersTimeout)"), ex.getMessage());
        }
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void theOverallDeadlineEndsRetries(boolean direct) throws IOException {
        try (ScriptedHttpsServer s = ScriptedHttpsServer.start(certs.serverContext(), (r, out) ->
                ScriptedHttpsServer.write(out, "HTTP/1.1 503 Busy\r\nContent-Length: 0\r\n\r\n"))) {
            HttpEngine e = engine(direct).retries(100).backoff(Duration.ofMillis(100), Duration.ofMillis(100))
                    .limits(new HttpLimits(1000, Duration.ofSeconds(1), Duration.ofSeconds(1),
                            Optional.of(Duration.ofMillis(1500)))).build();
            DownloadException ex = assertThrows(DownloadException.class,
                    () -> e.send(HttpCall.get(s.uri("/busy")), TEXT));
            assertTrue(ex.getMessage().contains("the overall deadline of 1500 ms for the request and its retries"
                    + " (setting http.deadline"), ex.getMessage());
            int seen = s.requests().size();
            assertTrue(seen > 1 && seen < 100, "retried until the deadline: " + seen);
        }
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void twoDifferentContentLengthsAreRefused(boolean direct) throws IOException {
        try (ScriptedHttpsServer s = ScriptedHttpsServer.start(certs.serverContext(), (r, out) ->
                ScriptedHttpsServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 6\r\n\r\n"
                        + "hello!"))) {
            HttpEngine e = engine(direct).build();
            DownloadException ex = assertThrows(DownloadException.class,
                    () -> e.send(HttpCall.get(s.uri("/two")), TEXT));
            assertTrue(ex.getMessage().contains("Content-Length"), ex.getMessage());
        }
    }

    @Test
    void identicalContentLengthsAreFoldedIntoOne() throws IOException {
        try (ScriptedHttpsServer s = ScriptedHttpsServer.start(certs.serverContext(), (r, out) ->
                ScriptedHttpsServer.write(out, "HTTP/1.1 200 OK\r\nContent-Length: 5\r\nContent-Length: 5, 5\r\n\r\n"
                        + "hello"))) {
            HttpEngine e = engine(true).build();
            assertEquals("hello", e.send(HttpCall.get(s.uri("/same")), TEXT));
        }
    }

    @ParameterizedTest(name = "direct={0}")
    @ValueSource(booleans = {true, false})
    void aRedirectToFileIsReportedAsAnUnsupportedScheme(boolean direct) throws IOException {
        try (ScriptedHttpsServer s = ScriptedHttpsServer.start(certs.serverContext(), (r, out) ->
                ScriptedHttpsServer.write(out, "HTTP/1.1 302 Found\r\nLocation: file:///etc/passwd\r\n"
                        + "Content-Length: 0\r\n\r\n"))) {
            HttpEngine e = engine(direct).build();
            DownloadException ex = assertThrows(DownloadException.class,
                    () -> e.send(HttpCall.get(s.uri("/to-file")), TEXT));
            assertTrue(ex.getMessage().contains("file:///etc/passwd: its scheme \"file\" is not supported"),
                    ex.getMessage());
            assertFalse(ex.getMessage().contains("https to http"), ex.getMessage());
        }
    }

    @Test
    void limitsComeFromSettingsWithUnitsAndBadValuesSaySo() {
        HttpLimits l = HttpLimits.fromSettings(k -> Optional.ofNullable(java.util.Map.of("http.lowSpeedLimit", "0",
                "http.lowSpeedTime", "500ms", "http.headersTimeout", "2m", "http.deadline", "0").get(k)));
        assertEquals(new HttpLimits(0, Duration.ofMillis(500), Duration.ofMinutes(2), Optional.empty()), l);
        assertEquals(l, HttpLimits.fromSettings(k -> Optional.ofNullable(l.toSettings().get(k))));
        assertEquals(HttpLimits.defaults(), HttpLimits.fromSettings(k -> Optional.empty()));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> HttpLimits.fromSettings(
                k -> k.equals("http.headersTimeout") ? Optional.of("soon") : Optional.empty()));
        assertTrue(e.getMessage().contains("http.headersTimeout") && e.getMessage().contains("\"soon\""),
                e.getMessage());
    }
}
