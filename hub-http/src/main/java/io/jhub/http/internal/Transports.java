package io.jhub.http.internal;

import java.io.IOException;
import java.net.ProxySelector;
import java.net.URI;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Carries every request of an engine: over jhub's own connections ({@link SocketTransport}), or, when the
 * application handed in an {@link HttpClient}, over that client alone (its proxy, authenticator and TLS context
 * apply). For the sockets it chooses the route (proxy and its credentials) per request: for plain http through an
 * HTTP proxy with credentials they travel as {@code Proxy-Authorization} on the request itself, for https in the
 * {@code CONNECT} of the tunnel only. A 407 from a proxy becomes a {@link ProxyException} that says what to fix.
 */
public final class Transports {
    private final ProxySelector proxies;
    private final Function<URI, ProxyRoute> routes;
    private final Optional<JdkTransport> jdk;
    private final SocketTransport sockets;

    /**
     * Creates the transports.
     *
     * @param proxies the proxy selector; an {@link EnvProxySelector} also supplies credentials
     * @param tls the TLS context, or empty for the JVM's
     * @param connectTimeout how long connecting may take
     * @param readTimeout how long the headers, and each next part of a body, may take
     * @param client the application's client, which then carries every request
     */
    public Transports(ProxySelector proxies, Optional<SSLContext> tls, Duration connectTimeout, Duration readTimeout,
                      Optional<HttpClient> client) {
        this.proxies = proxies;
        this.routes = proxies instanceof EnvProxySelector env ? env::route
                : uri -> ProxyRoute.first(proxies.select(uri));
        this.jdk = client.map(c -> new JdkTransport(c, readTimeout));
        this.sockets = new SocketTransport(tls, connectTimeout, readTimeout);
    }

    /**
     * Returns how many of jhub's own connections wait idle for reuse.
     *
     * @return the count
     */
    public int idleConnections() {
        return sockets.idleConnections();
    }

    /**
     * Sends a request.
     *
     * @param r what to send
     * @return the reply
     * @throws ProxyException if a proxy refuses the request (407, or a failed {@code CONNECT})
     * @throws IOException as {@link Transport#exchange(TransportRequest)}, also when the proxy selector fails
     * @throws InterruptedException if interrupted while waiting
     */
    public TransportResponse exchange(TransportRequest r) throws IOException, InterruptedException {
        if (jdk.isPresent()) {
            return jdk.get().exchange(r);
        }
        ProxyRoute route;
        try {
            route = routes.apply(r.uri());
        } catch (RuntimeException e) {
            throw new IOException("the proxy selector " + proxies + " failed for " + Redaction.forDisplay(r.uri())
                    + ": " + e, e);
        }
        boolean https = "https".equalsIgnoreCase(r.uri().getScheme());
        boolean proxied = route.viaHttpProxy();
        // through a tunnel a Proxy-Authorization header would reach the server
        TransportRequest sent = proxied && https ? withProxyAuthorization(r, Optional.empty())
                : proxied && route.credentials().isPresent() ? withProxyAuthorization(r, route.credentials()) : r;
        TransportResponse response = sockets.exchange(sent, route);
        if (proxied && response.status() == 407) {
            response.discard();
            throw ProxyException.authentication(route, https);
        }
        return response;
    }

    /** Replaces the caller's {@code Proxy-Authorization}, if any, by the credentials' (or none). */
    private static TransportRequest withProxyAuthorization(TransportRequest r, Optional<ProxyCredentials> c) {
        if (c.isEmpty() && r.headers().keySet().stream().noneMatch("Proxy-Authorization"::equalsIgnoreCase)) {
            return r;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        r.headers().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("Proxy-Authorization")) {
                headers.put(k, v);
            }
        });
        c.ifPresent(creds -> headers.put("Proxy-Authorization", creds.basicAuthorization()));
        return new TransportRequest(r.method(), r.uri(), headers, r.body(), r.bounds());
    }
}
