package io.jhub.http.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.net.http.HttpConnectTimeoutException;
import java.nio.charset.StandardCharsets;

/**
 * Opens a tunnel through an HTTP proxy on a connected socket: sends {@code CONNECT host:port} (with
 * {@code Proxy-Authorization: Basic} when the route has credentials) and reads the proxy's reply head. After a
 * 2xx the socket carries bytes to and from the server, ready for the TLS handshake.
 */
final class ProxyTunnel {
    private ProxyTunnel() {
    }

    /**
     * Asks the proxy for a tunnel.
     *
     * @param tcp the socket connected to the proxy, its read timeout set to the connect timeout
     * @param host the server's host (an IPv6 literal without brackets)
     * @param port the server's port
     * @param route the route through the proxy
     * @throws ProxyException if the proxy answers other than 2xx
     * @throws HttpConnectTimeoutException if the proxy does not answer within the socket's read timeout
     * @throws IOException if the connection fails
     */
    static void open(Socket tcp, String host, int port, ProxyRoute route) throws IOException {
        String target = (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + port;
        StringBuilder sb = new StringBuilder(160).append("CONNECT ").append(target).append(" HTTP/1.1\r\nHost: ")
                .append(target).append("\r\n");
        route.credentials().ifPresent(c -> sb.append("Proxy-Authorization: ").append(c.basicAuthorization())
                .append("\r\n"));
        sb.append("\r\n");
        OutputStream out = tcp.getOutputStream();
        out.write(sb.toString().getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
        ResponseHead head;
        try {
            // a 2xx reply to CONNECT has no body, so the stream is left at the tunnel's first byte
            head = ResponseHead.read(tcp.getInputStream());
        } catch (SocketTimeoutException e) {
            HttpConnectTimeoutException t = new HttpConnectTimeoutException("the proxy " + route.display()
                    + " did not answer CONNECT " + target + " within " + tcp.getSoTimeout() + " ms");
            t.initCause(e);
            throw t;
        }
        if (head.status() == 407) {
            throw ProxyException.authentication(route, true);
        }
        if (head.status() / 100 != 2) {
            throw ProxyException.tunnelRefused(route, target, head.status());
        }
    }
}
