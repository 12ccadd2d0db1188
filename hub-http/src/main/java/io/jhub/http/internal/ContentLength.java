package io.jhub.http.internal;

import java.net.ProtocolException;
import java.util.List;
import java.util.OptionalLong;

/**
 * The one rule for a reply's {@code Content-Length}, whichever transport carried it. Several values that are all
 * the same number (repeated headers, or a list such as {@code 42, 42}) are folded into one, as RFC 9110 section
 * 8.6 allows; values that differ are refused, since a body whose length two parties read differently is how
 * responses are smuggled; anything but a decimal number is refused too.
 */
public final class ContentLength {
    private ContentLength() {
    }

    /**
     * Reads the length from every value of the header.
     *
     * @param values the header's values in order (empty when absent)
     * @return the length, or empty when there is no header
     * @throws ProtocolException if a value is not a number of at most 18 digits or two values differ
     */
    public static OptionalLong of(List<String> values) throws ProtocolException {
        long length = -1;
        for (String value : values) {
            for (String part : value.split(",", -1)) {
                String v = part.trim();
                if (!isDigits(v)) {
                    throw new ProtocolException("malformed Content-Length \"" + printable(value) + "\"");
                }
                long n = Long.parseLong(v);
                if (length >= 0 && n != length) {
                    throw new ProtocolException("the reply has two different Content-Length values, " + length
                            + " and " + n + "; refused, since a body whose length is ambiguous is how responses are"
                            + " smuggled");
                }
                length = n;
            }
        }
        return length < 0 ? OptionalLong.empty() : OptionalLong.of(length);
    }

    private static boolean isDigits(String v) {
        if (v.isEmpty() || v.length() > 18) {
            return false;
        }
        for (int i = 0; i < v.length(); i++) {
            if (v.charAt(i) < '0' || v.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    private static String printable(String s) {
        String cut = s.length() > 40 ? s.substring(0, 40) + "..." : s;
        return cut.replaceAll("[^\\x20-\\x7e]", "?");
    }
}
