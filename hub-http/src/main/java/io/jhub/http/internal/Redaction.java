package io.jhub.http.internal;

import java.net.InetSocketAddress;
import java.net.URI;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Makes URLs safe to show: no user info (proxy passwords included), and the query (signed URLs carry secrets
 * there) hidden.
 */
public final class Redaction {
    private static final Pattern SCHEME = Pattern.compile("[A-Za-z][A-Za-z0-9+.-]*://");

    private Redaction() {
    }

    /**
     * Returns the URL for messages and progress.
     *
     * @param uri any URI
     * @return scheme, host, port and path; {@code ?...} when there was a query
     */
    public static String forDisplay(URI uri) {
        StringBuilder sb = new StringBuilder();
        if (uri.getScheme() != null) {
            sb.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            sb.append(uri.getHost());
            if (uri.getPort() >= 0) {
                sb.append(':').append(uri.getPort());
            }
        }
        if (uri.getRawPath() != null) {
            sb.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            sb.append("?...");
        }
        return sb.toString();
    }

    /**
     * Returns the URI without user info, for exceptions that keep the URI.
     *
     * @param uri any URI
     * @return the URI without user info
     */
    public static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment());
        } catch (java.net.URISyntaxException e) {
            return URI.create(forDisplay(uri));
        }
    }

    /**
     * Returns a proxy setting such as {@code http://user:password@proxy:3128} for messages, even a malformed
     * one: everything from after a leading {@code scheme://} (or the start) up to the last {@code @} is dropped.
     *
     * @param value the setting as written
     * @return the setting without user name and password
     */
    public static String proxySetting(String value) {
        int start = afterScheme(value);
        int at = value.lastIndexOf('@');
        return at < start ? value : value.substring(0, start) + value.substring(at + 1);
    }

    /** Returns where the authority of a URL-like setting starts: after a leading {@code scheme://}, else 0. */
    static int afterScheme(String value) {
        Matcher m = SCHEME.matcher(value);
        return m.lookingAt() ? m.end() : 0;
    }

    /**
     * Returns an HTTP proxy's address for messages.
     *
     * @param address the proxy's address
     * @return {@code http://host:port} (IPv6 literals in brackets)
     */
    public static String proxy(InetSocketAddress address) {
        String host = address.getHostString();
        return "http://" + (host.indexOf(':') >= 0 ? "[" + host + "]" : host) + ":" + address.getPort();
    }
}
