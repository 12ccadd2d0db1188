package io.jhub.core.internal.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;

/**
 * A {@link Transport} that opens one blocking connection per request to the server (HTTP/1.1 with
 * {@code Connection: close}; TLS through the given context, host name verified), straight or through an HTTP
 * proxy: a {@code CONNECT} tunnel for https, the absolute form ({@code GET http://host/path}) for http. Reading a
 * large body this way costs about half the CPU of the JDK's asynchronous HttpClient (bench/download).
 */
public final class SocketTransport implements Transport {
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host",
            "upgrade");

    private final DirectSockets sockets;
    private final long readTimeoutMillis;

    /**
     * Creates the transport.
     *
     * @param tls the TLS context for https, or empty for the JVM's default
     * @param connectTimeout how long connecting and the TLS handshake may take
     * @param readTimeout how long the headers, and each next part of a body, may take
     */
    public SocketTransport(Optional<SSLContext> tls, Duration connectTimeout, Duration readTimeout) {
        this.sockets = new DirectSockets(tls, connectTimeout, readTimeout);
        this.readTimeoutMillis = readTimeout.toMillis();
    }

    @Override
    public TransportResponse exchange(TransportRequest r) throws IOException {
        return exchange(r, ProxyRoute.DIRECT);
    }

    /**
     * Sends a request along a route. For plain http through a proxy, {@code Proxy-Authorization} must already
     * be among the request's headers; for https the tunnel sends it to the proxy alone.
     *
     * @param r what to send
     * @param route direct, or through an HTTP proxy
     * @return the reply
     * @throws IOException as {@link Transport#exchange(TransportRequest)}, or a {@link ProxyException}
     */
    public TransportResponse exchange(TransportRequest r, ProxyRoute route) throws IOException {
        boolean absolute = route.viaHttpProxy() && !"https".equalsIgnoreCase(r.uri().getScheme());
        byte[] requestHead = requestHead(r, absolute);
        DirectSockets.Connection c = sockets.open(r.uri(), route);
        try {
            OutputStream out = c.io().getOutputStream();
            out.write(requestHead);
            if (r.body().isPresent()) {
                out.write(r.body().get());
            }
            out.flush();
            BoundedInput in = new BoundedInput(c.io().getInputStream(), r.bounds(), readTimeoutMillis,
                    c.io()::setSoTimeout, true);
            ResponseHead head = ResponseHead.read(in);
            in.bodyStarts();
            return new Reply(c, head, new ClosingBody(body(r.method(), head, in), c));
        } catch (IOException | RuntimeException e) {
            c.close();
            throw e;
        }
    }

    private static byte[] requestHead(TransportRequest r, boolean absolute) {
        URI u = r.uri();
        String path = u.getRawPath() == null || u.getRawPath().isEmpty() ? "/" : u.getRawPath();
        String authority = u.getPort() >= 0 ? u.getHost() + ":" + u.getPort() : u.getHost();
        StringBuilder sb = new StringBuilder(256).append(r.method()).append(' ');
        if (absolute) {
            sb.append(u.getScheme().toLowerCase(Locale.ROOT)).append("://").append(authority);
        }
        sb.append(path);
        if (u.getRawQuery() != null) {
            sb.append('?').append(u.getRawQuery());
        }
        sb.append(" HTTP/1.1\r\nHost: ").append(authority).append("\r\n");
        r.headers().forEach((k, v) -> {
            if (RESTRICTED.contains(k.toLowerCase(Locale.ROOT))) {
                // the same rule as the JDK's HttpClient: these belong to the connection, not to the caller
                throw new IllegalArgumentException("restricted header name: \"" + k + "\"");
            }
            sb.append(k).append(": ").append(v).append("\r\n");
        });
        r.body().ifPresent(b -> sb.append("Content-Length: ").append(b.length).append("\r\n"));
        sb.append("Connection: close\r\n\r\n");
        return sb.toString().getBytes(StandardCharsets.ISO_8859_1);
    }

    private static InputStream body(String method, ResponseHead head, InputStream in) throws IOException {
        int s = head.status();
        if (method.equals("HEAD") || s == 204 || s == 304) {
            return InputStream.nullInputStream();
        }
        Optional<String> coding = head.first("Transfer-Encoding");
        if (coding.isPresent() && coding.get().toLowerCase(Locale.ROOT).contains("chunked")) {
            return new ChunkedBody(in);
        }
        return new FixedLengthBody(in, ContentLength.of(head.all("Content-Length")).orElse(-1));
    }

    /** The body of a reply; closing it ends the connection, as one request uses one connection. */
    private static final class ClosingBody extends java.io.FilterInputStream {
        private final DirectSockets.Connection connection;

        ClosingBody(InputStream body, DirectSockets.Connection connection) {
            super(body);
            this.connection = connection;
        }

        @Override
        public void close() {
            connection.close();
        }
    }

    /** A reply on its own connection, which closing ends. */
    private record Reply(DirectSockets.Connection connection, ResponseHead head, InputStream body)
            implements TransportResponse {
        @Override
        public int status() {
            return head.status();
        }

        @Override
        public Optional<String> header(String name) {
            return head.first(name);
        }

        @Override
        public java.util.List<String> headers(String name) {
            return head.all(name);
        }

        @Override
        public void discard() {
            close();
        }

        @Override
        public void close() {
            connection.close();
        }
    }
}
