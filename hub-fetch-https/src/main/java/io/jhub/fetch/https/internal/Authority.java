package io.jhub.fetch.https.internal;

import io.jhub.api.GitHost;
import java.net.URI;
import java.util.Locale;

/**
 * The one spelling of an https authority that tokens are matched by: the host in lower case (IPv6 in brackets)
 * and {@code :port} unless the port is 443, so {@code GitHub.com:443}, {@code github.com} and
 * {@code https://github.com/x} all give {@code github.com}.
 */
public final class Authority {
    private Authority() {
    }

    /**
     * Returns the authority of a git host.
     *
     * @param host the git host
     * @return {@code host} or {@code host:port}
     */
    public static String of(GitHost host) {
        int port = host.port().orElse(443);
        return host.host().toLowerCase(Locale.ROOT) + (port == 443 ? "" : ":" + port);
    }

    /**
     * Returns the authority an https URL goes to, or empty text for any other scheme, so it matches no token.
     *
     * @param uri the URL
     * @return {@code host} or {@code host:port}, or {@code ""} when the URL is not https with a host
     */
    public static String of(URI uri) {
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return "";
        }
        String host = uri.getHost().toLowerCase(Locale.ROOT);
        if (host.indexOf(':') >= 0 && !host.startsWith("[")) {
            host = "[" + host + "]";
        }
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        return host + (port == 443 ? "" : ":" + port);
    }
}
