package io.jhub.http.internal;

import java.io.ByteArrayOutputStream;
import java.net.InetSocketAddress;
import java.net.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Parses a proxy setting such as {@code http://user:password@proxy:3128}, {@code proxy:3128} or {@code proxy}.
 * User name and password are percent-decoded ({@code p%40ss} is {@code p@ss}); the last {@code @} ends them, so
 * an unencoded {@code @} in a password still works. Messages about a malformed setting never show them.
 */
final class ProxyUrl {
    private ProxyUrl() {
    }

    /**
     * Parses a setting.
     *
     * @param value the variable's value
     * @return an HTTP proxy route with an unresolved address (resolution happens when connecting)
     * @throws IllegalArgumentException if the value is not a usable proxy address
     */
    static ProxyRoute parse(String value) {
        String v = Redaction.afterScheme(value) > 0 ? value : "http://" + value;
        int start = Redaction.afterScheme(v);
        int at = v.lastIndexOf('@');
        Optional<ProxyCredentials> credentials = Optional.empty();
        if (at >= start) {
            String info = v.substring(start, at);
            int colon = info.indexOf(':');
            String user = decode(colon < 0 ? info : info.substring(0, colon), value);
            String password = decode(colon < 0 ? "" : info.substring(colon + 1), value);
            if (!user.isEmpty() || !password.isEmpty()) {
                credentials = Optional.of(new ProxyCredentials(user, password));
            }
            v = v.substring(0, start) + v.substring(at + 1);
        }
        URI u;
        try {
            u = URI.create(v);
        } catch (IllegalArgumentException e) {
            // not chained: the cause's message would quote the whole value
            throw new IllegalArgumentException("Proxy setting \"" + Redaction.proxySetting(value) + "\" is not a"
                    + " URL such as http://proxy.example.org:3128");
        }
        if (u.getHost() == null) {
            throw new IllegalArgumentException("Proxy setting \"" + Redaction.proxySetting(value) + "\" names no"
                    + " host; use a URL such as http://proxy.example.org:3128");
        }
        int port = u.getPort() >= 0 ? u.getPort() : "https".equalsIgnoreCase(u.getScheme()) ? 443 : 80;
        return new ProxyRoute(new Proxy(Proxy.Type.HTTP, InetSocketAddress.createUnresolved(DirectSockets.hostOf(u),
                port)), credentials);
    }

    /** Decodes {@code %XX} escapes as UTF-8; unlike URLDecoder, a {@code +} stays a plus. */
    private static String decode(String s, String value) {
        if (s.indexOf('%') < 0) {
            return s;
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '%') {
                byte[] b = String.valueOf(c).getBytes(StandardCharsets.UTF_8);
                out.write(b, 0, b.length);
                continue;
            }
            int hi = i + 2 < s.length() ? Character.digit(s.charAt(i + 1), 16) : -1;
            int lo = hi >= 0 ? Character.digit(s.charAt(i + 2), 16) : -1;
            if (lo < 0) {
                throw new IllegalArgumentException("Proxy setting \"" + Redaction.proxySetting(value) + "\" has a"
                        + " malformed %-escape in its user name or password; write % itself as %25");
            }
            out.write(hi * 16 + lo);
            i += 2;
        }
        return out.toString(StandardCharsets.UTF_8);
    }
}
