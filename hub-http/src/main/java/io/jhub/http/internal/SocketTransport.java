package io.jhub.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.SocketException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;

/**
 * A {@link Transport} over jhub's own blocking HTTP/1.1 connections (TLS through the given context, host name
 * verified), straight, through an HTTP proxy ({@code CONNECT} tunnel for https, the absolute form
 * {@code GET http://host/path} for http) or through a SOCKS proxy. Connections are kept alive: once a reply has
 * been read to its end, its connection waits in a small {@link ConnectionPool} for the next request to the same
 * destination, so a ref lookup's {@code info/refs} GET and {@code ls-refs} POST share one TLS handshake. A request
 * on a reused connection that the server had closed meanwhile (no byte of a reply) is sent once more on a new
 * connection. Reading a large body this way costs about half the CPU of the JDK's asynchronous HttpClient
 * (bench/download).
 */
public final class SocketTransport implements Transport {
    private static final Set<String> RESTRICTED = Set.of("connection", "content-length", "expect", "host",
            "upgrade");
    /** A rest of a body up to this size is read on close so that the connection can be reused. */
    private static final int DRAIN_LIMIT = 16 * 1024;

    private final DirectSockets sockets;
    private final long readTimeoutMillis;
    private final ConnectionPool pool = new ConnectionPool(4, 16, 30_000);

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
     * Returns how many connections wait idle for reuse.
     *
     * @return the count
     */
    public int idleConnections() {
        return pool.idleCount();
    }

    /**
     * Sends a request along a route. For plain http through a proxy, {@code Proxy-Authorization} must already
     * be among the request's headers; for https the tunnel sends it to the proxy alone.
     *
     * @param r what to send
     * @param route direct, or through an HTTP or SOCKS proxy
     * @return the reply
     * @throws IOException as {@link Transport#exchange(TransportRequest)}, or a {@link ProxyException}
     */
    public TransportResponse exchange(TransportRequest r, ProxyRoute route) throws IOException {
        boolean absolute = route.viaHttpProxy() && !"https".equalsIgnoreCase(r.uri().getScheme());
        byte[] requestHead = requestHead(r, absolute);
        ConnectionPool.Key key = new ConnectionPool.Key(r.uri().getScheme().toLowerCase(Locale.ROOT),
                DirectSockets.hostOf(r.uri()).toLowerCase(Locale.ROOT), r.uri().getPort(), route);
        Optional<DirectSockets.Connection> idle = pool.take(key);
        if (idle.isPresent()) {
            try {
                return send(r, requestHead, idle.get(), key);
            } catch (ClosedWithoutReply | SocketException | EOFException | SSLException e) {
                // the server closed the idle connection: nothing of this request was answered, so send it anew
            }
        }
        return send(r, requestHead, sockets.open(r.uri(), route), key);
    }

    private TransportResponse send(TransportRequest r, byte[] requestHead, DirectSockets.Connection c,
                                   ConnectionPool.Key key) throws IOException {
        try {
            OutputStream out = c.io().getOutputStream();
            if (r.body().isPresent()) {
                byte[] b = r.body().get();
                byte[] all = java.util.Arrays.copyOf(requestHead, requestHead.length + b.length);
                System.arraycopy(b, 0, all, requestHead.length, b.length);
                out.write(all); // one TLS record where it fits, rather than the head and the body apart
            } else {
                out.write(requestHead);
            }
            out.flush();
            BoundedInput in = new BoundedInput(c.io().getInputStream(), r.bounds(), readTimeoutMillis,
                    c.io()::setSoTimeout, true);
            ResponseHead head = ResponseHead.read(in);
            in.bodyStarts();
            InputStream framed = body(r.method(), head, in);
            boolean framedBody = !(framed instanceof FixedLengthBody f) || f.length() >= 0;
            return new Reply(head, framed, c, head.persistent() && framedBody ? key : null);
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
        // said although it is HTTP/1.1's default: it tells jhub's connections apart from an HttpClient's in logs
        sb.append("Connection: keep-alive\r\n\r\n");
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

    /**
     * A reply on its connection. Closing it hands the connection back to the pool when the body was read to its
     * end (after reading a small rest), and ends it otherwise.
     */
    private final class Reply implements TransportResponse {
        private final ResponseHead head;
        private final InputStream framed;
        private final DirectSockets.Connection connection;
        private final ConnectionPool.Key reuseKey;
        private final InputStream body;
        private volatile boolean ended;
        private final java.util.concurrent.atomic.AtomicBoolean released =
                new java.util.concurrent.atomic.AtomicBoolean();

        Reply(ResponseHead head, InputStream framed, DirectSockets.Connection connection,
              ConnectionPool.Key reuseKey) {
            this.head = head;
            this.framed = framed;
            this.connection = connection;
            this.reuseKey = reuseKey;
            this.body = new java.io.FilterInputStream(framed) {
                @Override
                public int read() throws IOException {
                    byte[] one = new byte[1];
                    return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
                }

                @Override
                public int read(byte[] b, int off, int len) throws IOException {
                    int n = in.read(b, off, len);
                    if (n < 0) {
                        ended = true;
                    }
                    return n;
                }

                @Override
                public void close() {
                    Reply.this.close();
                }
            };
        }

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
        public InputStream body() {
            return body;
        }

        @Override
        public void discard() {
            close();
        }

        @Override
        public void abort() {
            if (!ended && released.compareAndSet(false, true)) {
                connection.close(); // the TCP socket: a read waiting on it fails at once
            } else {
                close();
            }
        }

        @Override
        public void close() {
            if (!released.compareAndSet(false, true)) {
                return;
            }
            if (reuseKey != null && (ended || drained())) {
                pool.give(reuseKey, connection);
            } else {
                connection.close();
            }
        }

        /** Reads what is left of a short body (such as the end of a chunked one), telling whether it ended. */
        private boolean drained() {
            byte[] buf = new byte[4096];
            try {
                long total = 0;
                int n;
                while ((n = framed.read(buf, 0, buf.length)) >= 0) {
                    total += n;
                    if (total > DRAIN_LIMIT) {
                        return false;
                    }
                }
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }
}
