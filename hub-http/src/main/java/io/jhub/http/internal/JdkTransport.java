package io.jhub.http.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Flow;

/**
 * A {@link Transport} over an {@link HttpClient} the application handed in (with its own proxy, authenticator and
 * TLS context); used only then, every other engine speaks over the {@link SocketTransport}. The client must not
 * follow redirects: the engine does, so that a credential never leaves its authority.
 */
public final class JdkTransport implements Transport {
    private static final int DRAIN_LIMIT = 64 * 1024;

    private final Duration readTimeout;
    private final HttpClient client;

    /**
     * Creates the transport.
     *
     * @param client the application's client, which follows no redirects
     * @param readTimeout how long the headers, and each next part of a body, may take
     */
    public JdkTransport(HttpClient client, Duration readTimeout) {
        this.client = client;
        this.readTimeout = readTimeout;
    }

    @Override
    public TransportResponse exchange(TransportRequest r) throws IOException, InterruptedException {
        // the HttpClient's request timeout ends when the headers have arrived: the headers bound, or less
        long now = System.nanoTime();
        Bounds b = r.bounds();
        long wait = Math.min(readTimeout.toMillis(), Math.min(b.headersTimeoutMillis(), b.deadlineLeftMillis(now)));
        LimitExceeded.Kind kind = wait == b.deadlineLeftMillis(now) ? LimitExceeded.Kind.DEADLINE
                : wait == b.headersTimeoutMillis() ? LimitExceeded.Kind.HEADERS : LimitExceeded.Kind.READ_TIMEOUT;
        HttpRequest.Builder rb = HttpRequest.newBuilder(r.uri()).timeout(Duration.ofMillis(Math.max(1, wait)))
                .method(r.method(), r.body().map(HttpRequest.BodyPublishers::ofByteArray)
                        .orElseGet(HttpRequest.BodyPublishers::noBody));
        r.headers().forEach(rb::header);
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        try {
            response = client.send(rb.build(), HttpResponse.BodyHandlers.ofPublisher());
        } catch (HttpConnectTimeoutException e) {
            throw e;
        } catch (HttpTimeoutException e) {
            throw new LimitExceeded(kind, switch (kind) {
                case DEADLINE -> "the request passed " + b.deadlineText();
                case HEADERS -> b.headersText();
                default -> "no reply within " + wait + " ms (read timeout)";
            }, e);
        }
        return new Reply(response, b);
    }

    /** A reply whose body is subscribed on first use. */
    private final class Reply implements TransportResponse {
        private final HttpResponse<Flow.Publisher<List<ByteBuffer>>> response;
        private final Bounds bounds;
        private StreamingBody stream;
        private InputStream bounded;

        Reply(HttpResponse<Flow.Publisher<List<ByteBuffer>>> response, Bounds bounds) {
            this.response = response;
            this.bounds = bounds;
        }

        @Override
        public int status() {
            return response.statusCode();
        }

        @Override
        public Optional<String> header(String name) {
            return response.headers().firstValue(name);
        }

        @Override
        public List<String> headers(String name) {
            return response.headers().allValues(name);
        }

        @Override
        public synchronized InputStream body() {
            if (bounded == null) {
                StreamingBody s = subscribed(readTimeout);
                bounded = new BoundedInput(s, bounds, readTimeout.toMillis(), s::waitAtMost, false);
            }
            return bounded;
        }

        @Override
        public void discard() {
            // a short wait: a body nobody reads is only drained so that the connection can be reused
            StreamingBody body = subscribed(readTimeout.compareTo(Duration.ofSeconds(2)) < 0 ? readTimeout
                    : Duration.ofSeconds(2));
            byte[] buf = new byte[8192];
            try {
                long total = 0;
                int n;
                while (total < DRAIN_LIMIT && (n = body.read(buf)) >= 0) {
                    total += n;
                }
            } catch (IOException ignored) {
                // the connection is simply not reused
            }
            close();
        }

        @Override
        public void abort() {
            subscribed(readTimeout).abort();
        }

        @Override
        public void close() {
            subscribed(readTimeout).close();
        }

        /** Returns the body stream, subscribing it with the given read timeout on first use. */
        private synchronized StreamingBody subscribed(Duration timeout) {
            if (stream == null) {
                stream = new StreamingBody(timeout);
                response.body().subscribe(stream);
            }
            return stream;
        }
    }
}
