package io.jhub.http.internal;

import java.net.InetSocketAddress;
import java.net.Proxy;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * How a request reaches its server: directly, or through a proxy, with the proxy's credentials when its URL
 * carried any.
 *
 * @param proxy the proxy, {@link Proxy#NO_PROXY} for a direct connection
 * @param credentials the proxy's user name and password, if configured
 */
public record ProxyRoute(Proxy proxy, Optional<ProxyCredentials> credentials) {
    /** A direct connection. */
    public static final ProxyRoute DIRECT = new ProxyRoute(Proxy.NO_PROXY, Optional.empty());

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public ProxyRoute {
        Objects.requireNonNull(proxy, "proxy");
        Objects.requireNonNull(credentials, "credentials");
    }

    /**
     * Returns the route of a selector's first choice, without credentials (a plain selector knows none).
     *
     * @param chosen what a {@link java.net.ProxySelector} returned (may be null or empty)
     * @return the route; direct when nothing was chosen
     */
    public static ProxyRoute first(List<Proxy> chosen) {
        return chosen == null || chosen.isEmpty() || chosen.get(0) == null ? DIRECT
                : new ProxyRoute(chosen.get(0), Optional.empty());
    }

    /**
     * Tells whether another route has the same proxy and credentials (written out rather than generated, as
     * {@link ConnectionPool.Key}'s, which uses it).
     *
     * @param o the other object
     * @return true for an equal route
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof ProxyRoute r && proxy.equals(r.proxy) && credentials.equals(r.credentials);
    }

    /**
     * Returns a hash of the proxy and credentials, consistent with {@link #equals(Object)}.
     *
     * @return the hash
     */
    @Override
    public int hashCode() {
        return proxy.hashCode() * 31 + credentials.hashCode();
    }

    /**
     * Tells whether the route goes through an HTTP proxy with a usable address.
     *
     * @return true for an HTTP proxy
     */
    public boolean viaHttpProxy() {
        return proxy.type() == Proxy.Type.HTTP && proxy.address() instanceof InetSocketAddress;
    }

    /**
     * Returns the proxy's address.
     *
     * @return the address (unresolved when it came from the environment)
     * @throws IllegalStateException if the route is not {@linkplain #viaHttpProxy() through an HTTP proxy}
     */
    public InetSocketAddress address() {
        if (!viaHttpProxy()) {
            throw new IllegalStateException("not an HTTP proxy route: " + proxy);
        }
        return (InetSocketAddress) proxy.address();
    }

    /**
     * Returns the proxy for messages: {@code http://host:port}, never with user name or password.
     *
     * @return the proxy's URL without credentials, or {@code direct}
     */
    public String display() {
        return viaHttpProxy() ? Redaction.proxy(address()) : proxy.type() == Proxy.Type.DIRECT ? "direct"
                : proxy.toString();
    }
}
