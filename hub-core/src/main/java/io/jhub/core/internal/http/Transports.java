package io.jhub.core.internal.http;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLContext;

/**
 * Chooses, per request, the route (proxy and its credentials) and the transport. With direct connections allowed,
 * bodiless GET and HEAD requests that go straight or through an HTTP proxy use the {@link SocketTransport};
 * everything else (SOCKS, requests with a body, direct connections not allowed) uses the {@link JdkTransport}.
 * One exception: https through a proxy with credentials always takes the socket transport, because the JDK's
 * HttpClient sends no Basic credentials in a {@code CONNECT} unless the JVM-wide
 * {@code jdk.http.auth.tunneling.disabledSchemes} allows it, which a library must not change. For plain http
 * through such a proxy the credentials travel as {@code Proxy-Authorization} on the request itself. A 407 from
 * a proxy becomes a {@link ProxyException} that says what to fix.
 */
public final class Transports {
    private final Function<URI, ProxyRoute> routes;
    private final JdkTransport jdk;
    private final SocketTransport sockets;
    private final boolean directAllowed;

    /**
     * Creates the transports.
     *
     * @param proxies the proxy selector; an {@link EnvProxySelector} also supplies credentials
     * @param tls the TLS context, or empty for the JVM's
     * @param connectTimeout how long connecting may take
     * @param readTimeout how long the headers, and each next part of a body, may take
     * @param directAllowed whether bodiless GET and HEAD requests may use jhub's own connections
     */
    public Transports(ProxySelector proxies, Optional<SSLContext> tls, Duration connectTimeout, Duration readTimeout,
                      boolean directAllowed) {
        this.routes = proxies instanceof EnvProxySelector env ? env::route
                : uri -> ProxyRoute.first(proxies.select(uri));
        this.jdk = new JdkTransport(connectTimeout, readTimeout, proxies, tls);
        this.sockets = new SocketTransport(tls, connectTimeout, readTimeout);
        this.directAllowed = directAllowed;
    }

    /**
     * Sends a request over the transport that suits it.
     *
     * @param r what to send
     * @return the reply
     * @throws ProxyException if a proxy refuses the request (407, or a failed {@code CONNECT})
     * @throws IOException as {@link Transport#exchange(TransportRequest)}
     * @throws InterruptedException if interrupted while waiting
     */
    public TransportResponse exchange(TransportRequest r) throws IOException, InterruptedException {
        ProxyRoute route;
        try {
            route = routes.apply(r.uri());
        } catch (RuntimeException e) {
            return jdk.exchange(r); // as before routes existed: the HttpClient asks the selector itself
        }
        boolean https = "https".equalsIgnoreCase(r.uri().getScheme());
        boolean proxied = route.viaHttpProxy();
        // through a tunnel a Proxy-Authorization header would reach the server, as the HttpClient knows too
        TransportRequest sent = proxied && https ? withProxyAuthorization(r, Optional.empty())
                : proxied && route.credentials().isPresent() ? withProxyAuthorization(r, route.credentials()) : r;
        boolean bodiless = r.body().isEmpty() && (r.method().equals("GET") || r.method().equals("HEAD"));
        boolean direct = proxied && https && route.credentials().isPresent()
                || directAllowed && bodiless && (proxied || route.proxy().type() == Proxy.Type.DIRECT);
        TransportResponse response = direct ? sockets.exchange(sent, route) : jdk.exchange(sent);
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
