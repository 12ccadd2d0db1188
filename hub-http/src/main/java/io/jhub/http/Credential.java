package io.jhub.http;

import java.util.Locale;
import java.util.Objects;

/**
 * A secret header that belongs to one authority ({@code host} or {@code host:port}). The engine sends it only
 * over https and only while the request goes to that authority; after a redirect to another authority it is
 * dropped for good. {@link #toString()} never shows the value.
 *
 * @param authority {@code host} or {@code host:port} (IPv6 literals in brackets); no port means 443
 * @param headerName the header, such as {@code Authorization} or {@code PRIVATE-TOKEN}
 * @param headerValue the secret value
 * @param source where the secret came from, for messages, such as {@code GITHUB_TOKEN}
 * @since 0.1
 */
public record Credential(String authority, String headerName, String headerValue, String source) {

    /**
     * Validates the fields.
     *
     * @param authority {@code host} or {@code host:port}
     * @param headerName the header name
     * @param headerValue the secret value
     * @param source where the secret came from
     * @throws NullPointerException if any field is null
     * @throws IllegalArgumentException if the authority or header name is blank or malformed
     */
    public Credential {
        Objects.requireNonNull(authority, "authority");
        Objects.requireNonNull(headerName, "headerName");
        Objects.requireNonNull(headerValue, "headerValue");
        Objects.requireNonNull(source, "source");
        if (authority.isBlank() || authority.contains("/") || authority.contains("@")) {
            throw new IllegalArgumentException("Credential authority must be host or host:port, got \""
                    + authority + "\"");
        }
        if (!headerName.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+")) {
            throw new IllegalArgumentException("Credential header name is not a valid HTTP header name: \""
                    + headerName + "\"");
        }
        if (headerValue.indexOf('\r') >= 0 || headerValue.indexOf('\n') >= 0) {
            throw new IllegalArgumentException("Credential value from " + source + " contains a line break");
        }
    }

    /**
     * Makes a bearer-token credential ({@code Authorization: Bearer <token>}).
     *
     * @param authority {@code host} or {@code host:port}
     * @param token the token
     * @param source where the token came from, for messages
     * @return the credential
     */
    public static Credential bearer(String authority, String token, String source) {
        Objects.requireNonNull(token, "token");
        return new Credential(authority, "Authorization", "Bearer " + token, source);
    }

    /**
     * Tells whether the credential may go with a request to {@code uri}: https, same host (ignoring case) and
     * same port (a missing port counts as 443).
     *
     * @param uri the request's URI
     * @return true when the credential belongs to the URI's authority
     */
    public boolean appliesTo(java.net.URI uri) {
        Objects.requireNonNull(uri, "uri");
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            return false;
        }
        int port = uri.getPort() < 0 ? 443 : uri.getPort();
        return normalise(uri.getHost() + ":" + port).equals(normalise(authority));
    }

    private static String normalise(String hostPort) {
        String s = hostPort.toLowerCase(Locale.ROOT);
        String host;
        String port;
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            host = s.substring(0, close + 1);
            port = s.length() > close + 2 ? s.substring(close + 2) : "443";
        } else {
            int colon = s.lastIndexOf(':');
            boolean bareIpv6 = colon >= 0 && s.indexOf(':') != colon;
            if (bareIpv6) {
                host = "[" + s + "]";
                port = "443";
            } else {
                host = colon < 0 ? s : s.substring(0, colon);
                port = colon < 0 ? "443" : s.substring(colon + 1);
            }
        }
        return host + ":" + port;
    }

    /**
     * Describes the credential without its value.
     *
     * @return authority, header name and source
     */
    @Override
    public String toString() {
        return "Credential[" + headerName + " for " + authority + " from " + source + "]";
    }
}
