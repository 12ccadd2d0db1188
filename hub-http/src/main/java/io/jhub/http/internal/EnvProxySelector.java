package io.jhub.http.internal;

import java.io.IOException;
import java.net.Proxy;
import java.net.ProxySelector;
import java.net.SocketAddress;
import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;

/**
 * Chooses a proxy the way curl and most tools read the environment: {@code https_proxy}/{@code HTTPS_PROXY}
 * for https URLs, {@code http_proxy}/{@code HTTP_PROXY} for http URLs (lower case wins when both are set),
 * {@code no_proxy}/{@code NO_PROXY} for exceptions. When the environment names no proxy for a scheme, the JDK's
 * default selector decides (it honours {@code https.proxyHost} and friends). A user name and password in the
 * proxy URL ({@code http://user:p%40ss@proxy:3128}) are kept with the {@linkplain #route(URI) route}.
 */
public final class EnvProxySelector extends ProxySelector {
    private final Function<String, Optional<String>> env;
    private final ProxySelector fallback;
    private final NoProxy noProxy;

    /**
     * Creates the selector.
     *
     * @param env the environment
     * @param fallback the selector used when the environment names no proxy (may be null for direct)
     */
    public EnvProxySelector(Function<String, Optional<String>> env, ProxySelector fallback) {
        this.env = env;
        this.fallback = fallback;
        this.noProxy = NoProxy.parse(lookup("no_proxy").orElse(""));
    }

    @Override
    public List<Proxy> select(URI uri) {
        Optional<ProxyRoute> r = fromEnvironment(uri);
        if (r.isPresent()) {
            return List.of(r.get().proxy());
        }
        return fallback != null ? fallback.select(uri) : List.of(Proxy.NO_PROXY);
    }

    /**
     * Chooses the route for a URL as {@link #select(URI)} does, with the credentials of the proxy URL
     * ({@code http://user:password@proxy:3128}) when it has any.
     *
     * @param uri the request's URL
     * @return the route
     * @throws IllegalArgumentException if the proxy variable is not a usable proxy URL
     */
    public ProxyRoute route(URI uri) {
        return fromEnvironment(uri).orElseGet(() -> fallback != null ? ProxyRoute.first(fallback.select(uri))
                : ProxyRoute.DIRECT);
    }

    private Optional<ProxyRoute> fromEnvironment(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Optional<String> proxy = scheme.equals("https") ? lookup("https_proxy")
                : scheme.equals("http") ? lookup("http_proxy") : Optional.empty();
        if (proxy.isEmpty()) {
            return Optional.empty();
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (uri.getHost() != null && noProxy.matches(uri.getHost(), port)) {
            return Optional.of(ProxyRoute.DIRECT);
        }
        return Optional.of(ProxyUrl.parse(proxy.get()));
    }

    @Override
    public void connectFailed(URI uri, SocketAddress sa, IOException ioe) {
        if (fallback != null) {
            fallback.connectFailed(uri, sa, ioe);
        }
    }

    private Optional<String> lookup(String lowerName) {
        return env.apply(lowerName).or(() -> env.apply(lowerName.toUpperCase(Locale.ROOT)))
                .map(String::trim).filter(s -> !s.isEmpty());
    }
}
