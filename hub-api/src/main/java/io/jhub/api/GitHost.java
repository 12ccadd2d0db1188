package io.jhub.api;

import java.net.IDN;
import java.util.Locale;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * A git host with an optional port: a domain ({@code github.com}), a single-label name ({@code localhost}), an
 * IPv4 address ({@code 127.0.0.1}) or a bracketed IPv6 address ({@code [::1]}), each optionally followed by
 * {@code :port}. Names are kept in lower-case ASCII (internationalised names are converted with IDNA).
 *
 * @since 0.1
 */
public final class GitHost {
    private static final String DIGITS = "0123456789";
    private static final String HEX = DIGITS + "abcdef";
    private static final String ALNUM = DIGITS + "abcdefghijklmnopqrstuvwxyz";
    private static final String LABEL_CHARS = ALNUM + "-_";
    private static final String EXAMPLE = "valid examples are \"github.com\", \"gitlab.example.org:8443\", "
            + "\"localhost\", \"127.0.0.1:9000\" and \"[::1]:9000\"";

    private final String host;
    private final int port;

    private GitHost(String host, int port) {
        this.host = host;
        this.port = port;
    }

    /**
     * Parses {@code host} or {@code host:port}.
     *
     * @param text the host string
     * @return the parsed value
     * @throws InvalidGitHostException if the string is malformed; the message quotes it and shows valid examples
     * @throws NullPointerException if {@code text} is null
     */
    public static GitHost parse(String text) {
        Objects.requireNonNull(text, "text");
        String hostPart;
        String portPart = null;
        if (text.startsWith("[")) {
            int close = text.indexOf(']');
            if (close < 0) {
                throw invalid(text, "the IPv6 address has no closing ']'");
            }
            hostPart = text.substring(1, close).toLowerCase(Locale.ROOT);
            String rest = text.substring(close + 1);
            if (!rest.isEmpty()) {
                if (!rest.startsWith(":")) {
                    throw invalid(text, "only \":port\" may follow the bracketed address");
                }
                portPart = rest.substring(1);
            }
            if (!isIpv6(hostPart)) {
                throw invalid(text, "\"" + hostPart + "\" is not an IPv6 address");
            }
            hostPart = "[" + hostPart + "]";
        } else {
            int colon = text.indexOf(':');
            if (colon >= 0 && text.indexOf(':', colon + 1) >= 0) {
                throw invalid(text, "an IPv6 address must be written in brackets, e.g. \"[::1]:9000\"");
            }
            hostPart = colon < 0 ? text : text.substring(0, colon);
            portPart = colon < 0 ? null : text.substring(colon + 1);
            hostPart = checkName(text, hostPart);
        }
        return new GitHost(hostPart, portPart == null ? -1 : parsePort(text, portPart));
    }

    /**
     * Returns the host name or address as it goes in a URL (IPv6 in brackets), without the port.
     *
     * @return the host
     */
    public String host() {
        return host;
    }

    /**
     * Returns the host without IPv6 brackets, as socket APIs want it.
     *
     * @return the bare host name or address
     */
    public String bareHost() {
        return host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
    }

    /**
     * Returns the port, if one was given.
     *
     * @return the port
     */
    public OptionalInt port() {
        return port < 0 ? OptionalInt.empty() : OptionalInt.of(port);
    }

    /**
     * Formats the value so that {@link #parse(String)} gives it back.
     *
     * @return {@code host} or {@code host:port}
     */
    @Override
    public String toString() {
        return port < 0 ? host : host + ":" + port;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof GitHost that && host.equals(that.host) && port == that.port;
    }

    @Override
    public int hashCode() {
        return host.hashCode() * 31 + port;
    }

    private static String checkName(String text, String name) {
        if (name.isEmpty()) {
            throw invalid(text, "the host name is empty");
        }
        String ascii;
        try {
            // plain ASCII names skip IDN, which loads the ICU tables and costs start-up time
            ascii = (isAscii(name) ? name : IDN.toASCII(name)).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException e) {
            throw invalid(text, "\"" + name + "\" is not a valid host name (" + e.getMessage() + ")");
        }
        if (onlyChars(ascii, "0123456789.")) {
            if (!isIpv4(ascii)) {
                throw invalid(text, "\"" + name + "\" is not a valid IPv4 address (four numbers 0-255)");
            }
            return ascii;
        }
        String[] labels = ascii.split("\\.", -1);
        if (ascii.length() > 253) {
            throw invalid(text, "the host name is longer than 253 characters");
        }
        for (String label : labels) {
            if (!isLabel(label)) {
                throw invalid(text, "the label \"" + label + "\" must be 1-63 letters, digits, '-' or '_' and not"
                        + " start or end with '-' or '_'");
            }
        }
        if (onlyChars(labels[labels.length - 1], DIGITS)) {
            throw invalid(text, "the last label of a domain cannot be all digits");
        }
        return ascii;
    }

    private static boolean isIpv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return false;
        }
        for (String p : parts) {
            if (p.length() > 3 || !onlyChars(p, DIGITS) || Integer.parseInt(p) > 255) {
                return false;
            }
        }
        return true;
    }

    private static boolean isIpv6(String s) {
        int zone = s.indexOf('%');
        if (zone >= 0) {
            if (zone == s.length() - 1 || !onlyChars(s.substring(zone + 1), LABEL_CHARS + ".")) {
                return false;
            }
            s = s.substring(0, zone);
        }
        int doubleColon = s.indexOf("::");
        if (doubleColon >= 0 && s.indexOf("::", doubleColon + 1) >= 0) {
            return false;
        }
        String[] halves = doubleColon < 0 ? new String[] {s} : new String[] {s.substring(0, doubleColon),
                s.substring(doubleColon + 2)};
        int groups = 0;
        for (int h = 0; h < halves.length; h++) {
            if (halves[h].isEmpty()) {
                continue;
            }
            String[] parts = halves[h].split(":", -1);
            for (int i = 0; i < parts.length; i++) {
                boolean last = h == halves.length - 1 && i == parts.length - 1;
                if (last && parts[i].contains(".")) {
                    if (!isIpv4(parts[i])) {
                        return false;
                    }
                    groups += 2;
                } else if (parts[i].length() <= 4 && onlyChars(parts[i], HEX)) {
                    groups++;
                } else {
                    return false;
                }
            }
        }
        return doubleColon < 0 ? groups == 8 : groups <= 7;
    }

    private static int parsePort(String text, String port) {
        int value = port.length() > 5 || !onlyChars(port, DIGITS) ? 0 : Integer.parseInt(port);
        if (value < 1 || value > 65535) {
            throw invalid(text, "the port \"" + port + "\" must be a number from 1 to 65535");
        }
        return value;
    }

    // character checks instead of regular expressions: parsing the default host is part of every start-up

    /** A DNS label: 1-63 of a-z, 0-9, '-', '_', starting and ending with a letter or digit. */
    private static boolean isLabel(String label) {
        int n = label.length();
        return n >= 1 && n <= 63 && onlyChars(label, LABEL_CHARS) && ALNUM.indexOf(label.charAt(0)) >= 0
                && ALNUM.indexOf(label.charAt(n - 1)) >= 0;
    }

    private static boolean isAscii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** True if {@code s} is not empty and every character is one of {@code allowed}. */
    private static boolean onlyChars(String s, String allowed) {
        if (s.isEmpty()) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            if (allowed.indexOf(s.charAt(i)) < 0) {
                return false;
            }
        }
        return true;
    }

    private static InvalidGitHostException invalid(String text, String why) {
        return new InvalidGitHostException("Invalid git host \"" + text + "\": " + why + "; " + EXAMPLE + ".");
    }
}
