package io.jhub.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.DownloadException;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import org.junit.jupiter.api.Test;

/**
 * Every {@link HttpEngineTest} again with direct connections allowed: GET and HEAD, straight or through an HTTP
 * proxy, then go over jhub's own blocking connections, and must behave the same (credentials, redirects, retries,
 * timeouts, progress); POST still uses the JDK's HttpClient.
 */
class DirectHttpEngineTest extends HttpEngineTest {
    @Override
    boolean direct() {
        return true;
    }

    /** Serves one canned reply over plain http on a raw socket, after reading the request head. */
    private static URI cannedReply(ServerSocket server, String reply) {
        Thread t = new Thread(() -> {
            try (Socket s = server.accept()) {
                InputStream in = s.getInputStream();
                int matched = 0;
                while (matched < 4) {
                    int c = in.read();
                    if (c < 0) {
                        return;
                    }
                    matched = c == "\r\n\r\n".charAt(matched) ? matched + 1 : c == '\r' ? 1 : 0;
                }
                s.getOutputStream().write(reply.getBytes(UTF_8));
            } catch (IOException ignored) {
                // the test sees what the client got
            }
        }, "canned-reply");
        t.setDaemon(true);
        t.start();
        return URI.create("http://127.0.0.1:" + server.getLocalPort() + "/x");
    }

    @Test
    void interimRepliesAreSkippedAndABodyWithoutLengthEndsWithTheConnection() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            URI uri = cannedReply(server, "HTTP/1.1 103 Early Hints\r\nLink: </a>\r\n\r\n"
                    + "HTTP/1.1 200 OK\r\nX-A: 1\r\n\r\nuntil the end");
            String[] header = new String[1];
            String body = engine().allowPlainHttp(true).build().send(HttpCall.get(uri), r -> {
                header[0] = r.header("x-a").orElseThrow();
                return new String(r.body().readAllBytes(), UTF_8);
            });
            assertEquals("until the end", body);
            assertEquals("1", header[0]);
        }
    }

    @Test
    void aBodyCutBeforeItsLengthFails() throws IOException {
        try (ServerSocket server = new ServerSocket(0, 5, InetAddress.getLoopbackAddress())) {
            URI uri = cannedReply(server, "HTTP/1.1 200 OK\r\nContent-Length: 100\r\n\r\nonly this");
            HttpEngine e = engine().allowPlainHttp(true).build();
            DownloadException ex = assertThrows(DownloadException.class, () -> e.send(HttpCall.get(uri),
                    r -> r.body().readAllBytes()));
            assertTrue(ex.getMessage().contains("closed after 9 of 100 body bytes"), ex.getMessage());
        }
    }

    @Test
    void aGetAndAPostShareOneKeptAliveConnection() throws IOException {
        try (KeepAliveServer server = new KeepAliveServer(false)) {
            HttpEngine e = engine().allowPlainHttp(true).retries(0).build();
            ResponseHandler<String> text = r -> new String(r.body().readAllBytes(), UTF_8);
            assertEquals("ok", e.send(HttpCall.get(server.uri("/info/refs")), text));
            assertEquals(1, e.idleConnections(), "the connection waits for the next request");
            assertEquals("ok", e.send(HttpCall.post(server.uri("/git-upload-pack"), "text/plain",
                    "0000".getBytes(UTF_8)), text));
            assertEquals(java.util.List.of("GET /info/refs HTTP/1.1 #1", "POST /git-upload-pack HTTP/1.1 #1"),
                    server.requests);
            assertEquals(1, server.connections.get());
        }
    }

    @Test
    void aRequestOnAConnectionTheServerClosedMeanwhileGoesOutAgainOnANewOne() throws IOException {
        try (KeepAliveServer server = new KeepAliveServer(true)) {
            // no engine retries: only the transport's resend on a new connection can make the second call work
            HttpEngine e = engine().allowPlainHttp(true).retries(0).build();
            ResponseHandler<String> text = r -> new String(r.body().readAllBytes(), UTF_8);
            assertEquals("ok", e.send(HttpCall.get(server.uri("/a")), text));
            assertEquals("ok", e.send(HttpCall.post(server.uri("/b"), "text/plain", "x".getBytes(UTF_8)), text));
            assertEquals(java.util.List.of("GET /a HTTP/1.1 #1", "POST /b HTTP/1.1 #2"), server.requests);
        }
    }

    @Test
    void aBodyLeftUnreadEndsItsConnection() throws IOException {
        byte[] big = new byte[1 << 20];
        try (RecordingServer s = new RecordingServer(certs.serverContext(), (ex, i) -> RecordingServer.respond(ex,
                200, big))) {
            HttpEngine e = engine().build();
            int status = e.send(HttpCall.get(s.uri("/big")), r -> r.body().read() >= 0 ? r.status() : -1);
            assertEquals(200, status);
            assertEquals(0, e.idleConnections(), "a megabyte is not drained for the sake of reuse");
            int length = e.send(HttpCall.get(s.uri("/big")), r -> r.body().readAllBytes().length);
            assertEquals(1 << 20, length);
            assertEquals(1, e.idleConnections());
        }
    }
}
