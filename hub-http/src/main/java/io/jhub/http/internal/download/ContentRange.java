package io.jhub.http.internal.download;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed {@code Content-Range: bytes first-last/total} header.
 *
 * @param first first byte position
 * @param last last byte position (inclusive)
 * @param total the complete length, or -1 for {@code *}
 */
public record ContentRange(long first, long last, long total) {
    private static final Pattern P = Pattern.compile("\\s*bytes\\s+(\\d{1,18})-(\\d{1,18})/(\\d{1,18}|\\*)\\s*");

    /**
     * Parses the header value.
     *
     * @param value the header value
     * @return the range, or empty if malformed
     */
    public static Optional<ContentRange> parse(String value) {
        Matcher m = P.matcher(value);
        if (!m.matches()) {
            return Optional.empty();
        }
        long first = Long.parseLong(m.group(1));
        long last = Long.parseLong(m.group(2));
        long total = m.group(3).equals("*") ? -1 : Long.parseLong(m.group(3));
        if (last < first || total >= 0 && last >= total) {
            return Optional.empty();
        }
        return Optional.of(new ContentRange(first, last, total));
    }
}
