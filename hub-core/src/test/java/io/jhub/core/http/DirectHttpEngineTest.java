package io.jhub.core.http;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Every {@link HttpEngineTest} again with direct connections allowed: GET and HEAD without a proxy then go over
 * jhub's own blocking connections, and must behave the same (credentials, redirects, retries, timeouts,
 * progress); POST and proxied requests still use the JDK's HttpClient.
 */
class DirectHttpEngineTest extends HttpEngineTest {
    @Override
    boolean direct() {
        return true;
    }

    @Test
    void getGoesOverADirectConnectionAndPostOverTheHttpClient() throws IOException {
        try (RecordingServer s = new RecordingServer(certs.serverContext(),
                (ex, i) -> RecordingServer.respond(ex, 200, ex.getRequestBody().readAllBytes()))) {
            HttpEngine e = engine().build();
            assertEquals("", e.send(HttpCall.get(s.uri("/g")), r -> new String(r.body().readAllBytes(), UTF_8)));
            assertEquals("b", e.send(HttpCall.post(s.uri("/p"), "text/plain", "b".getBytes(UTF_8)),
                    r -> new String(r.body().readAllBytes(), UTF_8)));
            // the JDK's HttpClient may not send Connection at all; jhub's own connections close after one request
            assertEquals("close", s.requests.get(0).headers().getFirst("Connection"));
            assertNull(s.requests.get(1).headers().getFirst("Connection"));
        }
    }
}
