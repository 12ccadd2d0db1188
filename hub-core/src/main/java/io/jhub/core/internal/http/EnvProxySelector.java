package io.jhub.core.internal.http;

import java.io.IOException;
import java.net.InetSocketAddress;
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
 * default selector decides (it honours {@code https.proxyHost} and friends).
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
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        Optional<String> proxy = scheme.equals("https") ? lookup("https_proxy")
                : scheme.equals("http") ? lookup("http_proxy") : Optional.empty();
        if (proxy.isEmpty()) {
            return fallback != null ? fallback.select(uri) : List.of(Proxy.NO_PROXY);
        }
        int port = uri.getPort() >= 0 ? uri.getPort() : scheme.equals("https") ? 443 : 80;
        if (uri.getHost() != null && noProxy.matches(uri.getHost(), port)) {
            return List.of(Proxy.NO_PROXY);
        }
        return List.of(new Proxy(Proxy.Type.HTTP, address(proxy.get())));
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

    /**
     * Parses a proxy setting such as {@code http://proxy:3128}, {@code proxy:3128} or {@code proxy}.
     *
     * @param value the variable's value
     * @return an unresolved address (resolution happens when connecting)
     * @throws IllegalArgumentException if the value is not a usable proxy address
     */
    static InetSocketAddress address(String value) {
        String v = value.contains("://") ? value : "http://" + value;
        URI u;
        try {
            u = URI.create(v);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("Proxy setting \"" + value + "\" is not a URL such as"
                    + " http://proxy.example.org:3128", e);
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("Proxy setting \"" + value + "\" names no host; use a URL such as"
                    + " http://proxy.example.org:3128");
        }
        int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
        String host = u.getHost().startsWith("[") ? u.getHost().substring(1, u.getHost().length() - 1) : u.getHost();
        return InetSocketAddress.createUnresolved(host, port);
    }
}
