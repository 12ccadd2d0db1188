package io.jhub.core;

import java.util.Locale;

/**
 * Sizes in bytes as people write them ({@code 20G}, {@code 512M}, {@code 1.5T}, {@code 4096}) and as jhub shows
 * them, for the cache's maximum size ({@link HubBuilder#cacheMaxSize(long)}, {@code cache.maxSize}).
 *
 * @since 0.3
 */
public final class ByteSize {
    private static final String UNITS = "KMGTP";

    private ByteSize() {
    }

    /**
     * Parses a size: a number, optionally with a fraction, then optionally {@code K}, {@code M}, {@code G},
     * {@code T} or {@code P} (powers of 1024, any case, optionally followed by {@code B} or {@code iB}), or
     * {@code B} alone.
     *
     * @param text the size
     * @param source where it came from, such as {@code JHUB_CACHE_MAX_SIZE}, for the message
     * @return the size in bytes
     * @throws IllegalArgumentException if the text is not a size, with the value and what to write instead
     */
    public static long parse(String text, String source) {
        String s = text.strip().toUpperCase(Locale.ROOT);
        if (s.endsWith("IB")) {
            s = s.substring(0, s.length() - 2);
        } else if (s.endsWith("B")) {
            s = s.substring(0, s.length() - 1);
        }
        int shift = 0;
        if (!s.isEmpty() && UNITS.indexOf(s.charAt(s.length() - 1)) >= 0) {
            shift = 10 * (UNITS.indexOf(s.charAt(s.length() - 1)) + 1);
            s = s.substring(0, s.length() - 1).strip();
        }
        if (!s.matches("[0-9]+(\\.[0-9]+)?")) {
            throw bad(text, source);
        }
        double bytes = Double.parseDouble(s) * Math.pow(2, shift);
        if (bytes >= 0x1p63) {
            throw bad(text, source);
        }
        return (long) bytes;
    }

    private static IllegalArgumentException bad(String text, String source) {
        return new IllegalArgumentException(source + " is \"" + text + "\", which is not a size: write a whole or"
                + " decimal number with an optional unit K, M, G or T (powers of 1024), such as 20G or 512M.");
    }

    /**
     * Formats a size for people: {@code 512 B}, {@code 12.3 KiB}, {@code 1.2 GiB}.
     *
     * @param bytes the size
     * @return the text
     */
    public static String format(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        int unit = 0;
        double v = bytes;
        while (v >= 1024 && unit < UNITS.length()) {
            v /= 1024;
            unit++;
        }
        return String.format(Locale.ROOT, "%.1f %siB", v, UNITS.charAt(unit - 1));
    }
}
