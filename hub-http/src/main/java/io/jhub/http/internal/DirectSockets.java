package io.jhub.http.internal;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.URI;
import java.net.http.HttpConnectTimeoutException;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;

/**
 * Opens a blocking connection to a URL's host, straight or through an HTTP proxy: TCP within the connect timeout,
 * or through a SOCKS proxy, then for {@code https:} a {@link ProxyTunnel} when proxied and TLS through the given context with SNI and host
 * name verification ({@code HTTPS} endpoint identification) for the URL's host.
 * The TCP stream is read through a 64 KiB buffer, so TLS reads a record header and its body with one system
 * call for several records instead of two per record.
 */
final class DirectSockets {
    private static final int READ_BUFFER = 64 * 1024;

    private final Optional<SSLContext> tls;
    private final Duration connectTimeout;
    private final Duration readTimeout;

    DirectSockets(Optional<SSLContext> tls, Duration connectTimeout, Duration readTimeout) {
        this.tls = tls;
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
    }

    /**
     * An open connection.
     *
     * @param io the socket to read and write (TLS over {@code tcp} for https)
     * @param tcp the TCP socket; closing it ends the connection at once, without waiting for the peer
     */
    record Connection(Socket io, Socket tcp) implements AutoCloseable {
        @Override
        public void close() {
            try {
                tcp.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }

    /**
     * Connects to the URL's host and port, or through the route's HTTP proxy (a {@code CONNECT} tunnel for
     * https); the socket's read timeout is the read timeout once connected. The connect timeout applies to each
     * step: TCP, the proxy's answer, the TLS handshake.
     *
     * @param uri an absolute http or https URL
     * @param route direct, or through an HTTP proxy
     * @return the connected (and for https, handshaken) connection
     * @throws IOException if connecting, the proxy or the handshake fails
     */
    Connection open(URI uri, ProxyRoute route) throws IOException {
        boolean https = "https".equalsIgnoreCase(uri.getScheme());
        String host = hostOf(uri);
        int port = uri.getPort() >= 0 ? uri.getPort() : https ? 443 : 80;
        boolean proxied = route.viaHttpProxy();
        boolean socks = route.proxy().type() == Proxy.Type.SOCKS;
        // through SOCKS the proxy resolves the server's name, as the JDK does for a socket made with a Proxy
        InetSocketAddress to = proxied ? new InetSocketAddress(route.address().getHostString(),
                route.address().getPort()) : socks ? InetSocketAddress.createUnresolved(host, port)
                : new InetSocketAddress(host, port);
        Socket raw = socks ? new BufferedSocket(route.proxy()) : new BufferedSocket();
        try {
            raw.setTcpNoDelay(true);
            int timeout = millis(connectTimeout);
            try {
                raw.connect(to, timeout);
            } catch (SocketTimeoutException e) {
                HttpConnectTimeoutException t = new HttpConnectTimeoutException("connecting to "
                        + (proxied ? "the proxy " + route.display() : host + ":" + port) + " took longer than "
                        + timeout + " ms");
                t.initCause(e);
                throw t;
            }
            if (!https) {
                raw.setSoTimeout(millis(readTimeout));
                return new Connection(raw, raw);
            }
            raw.setSoTimeout(timeout);
            if (proxied) {
                ProxyTunnel.open(raw, host, port, route);
            }
            SSLSocket s = (SSLSocket) context().getSocketFactory().createSocket(raw, host, port, true);
            SSLParameters p = s.getSSLParameters();
            p.setEndpointIdentificationAlgorithm("HTTPS");
            if (!isIpLiteral(host)) {
                try {
                    p.setServerNames(List.of(new SNIHostName(host)));
                } catch (IllegalArgumentException notAnSniName) {
                    // such as a name with '_': sent without SNI, as the JDK's HttpClient does
                }
            }
            s.setSSLParameters(p);
            s.startHandshake();
            s.setSoTimeout(millis(readTimeout));
            return new Connection(s, raw);
        } catch (IOException | RuntimeException e) {
            raw.close();
            throw e;
        }
    }

    private SSLContext context() throws IOException {
        if (tls.isPresent()) {
            return tls.get();
        }
        try {
            return SSLContext.getDefault();
        } catch (NoSuchAlgorithmException e) {
            throw new IOException("the JVM has no default TLS context: " + e.getMessage(), e);
        }
    }

    static String hostOf(URI uri) {
        String h = uri.getHost();
        return h.startsWith("[") && h.endsWith("]") ? h.substring(1, h.length() - 1) : h;
    }

    private static boolean isIpLiteral(String host) {
        return host.indexOf(':') >= 0 || host.toLowerCase(Locale.ROOT).matches("[0-9.]+");
    }

    private static int millis(Duration d) {
        return (int) Math.max(1, Math.min(Integer.MAX_VALUE, d.toMillis()));
    }

    /** A TCP socket whose input stream is buffered, for the TLS layer above it. */
    private static final class BufferedSocket extends Socket {
        private InputStream in;

        BufferedSocket() {
        }

        BufferedSocket(Proxy socks) {
            super(socks);
        }

        @Override
        public synchronized InputStream getInputStream() throws IOException {
            if (in == null) {
                in = new BufferedInputStream(super.getInputStream(), READ_BUFFER);
            }
            return in;
        }
    }
}
