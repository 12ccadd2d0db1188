package io.jhub.http;

import io.jhub.http.internal.Bounds;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The bounds on how long one request through {@link HttpEngine} may take, besides the connect and read timeouts:
 * a minimum transfer rate ({@code curl --speed-limit/--speed-time}), a deadline for the status line and headers,
 * and an overall deadline across retries. The defaults:
 * <ul>
 * <li>{@code http.lowSpeedLimit} 1024 bytes/s over {@code http.lowSpeedTime} 30 s: a body slower than that for
 *     a whole window fails the attempt (a download resumes it with a {@code Range} request). This is what catches
 *     a stalled or trickling server; 0 turns it off.</li>
 * <li>{@code http.headersTimeout} 30 s from sending the request to the end of the headers, so a server that sends
 *     one header a second cannot hold a request.</li>
 * <li>{@code http.deadline} 24 h for one request with its retries and redirects (for a download: the whole
 *     download with every resume). Generous on purpose: the rate floor already ends stalls, so the deadline only
 *     ends a transfer that keeps just above the floor for ever, and a 1 GiB file still arrives over a link of
 *     about 13 KB/s (an 8 GiB archive, the largest allowed, at about 100 KB/s); 0 means no deadline.</li>
 * </ul>
 * As settings ({@code Hub.builder().setting}, {@code jhub --set}, {@code -Djhub.<key>}) a duration is a whole
 * number with an optional unit {@code ms}, {@code s} (the default), {@code m} or {@code h}, such as {@code 30s}.
 *
 * @param lowSpeedLimit bytes per second a body must average over each window of {@code lowSpeedTime}; 0 for off
 * @param lowSpeedTime the window of the rate check
 * @param headersTimeout how long the status line and headers may take
 * @param deadline how long one request may take with its retries, or empty for no deadline
 * @since 0.1
 */
public record HttpLimits(long lowSpeedLimit, Duration lowSpeedTime, Duration headersTimeout,
                         Optional<Duration> deadline) {
    /** Setting name of {@link #lowSpeedLimit()}. */
    public static final String LOW_SPEED_LIMIT = "http.lowSpeedLimit";
    /** Setting name of {@link #lowSpeedTime()}. */
    public static final String LOW_SPEED_TIME = "http.lowSpeedTime";
    /** Setting name of {@link #headersTimeout()}. */
    public static final String HEADERS_TIMEOUT = "http.headersTimeout";
    /** Setting name of {@link #deadline()}. */
    public static final String DEADLINE = "http.deadline";

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|min|h)?");
    private static final HttpLimits DEFAULTS = new HttpLimits(1024, Duration.ofSeconds(30), Duration.ofSeconds(30),
            Optional.of(Duration.ofHours(24)));

    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if the rate is negative or a duration is not positive
     */
    public HttpLimits {
        Objects.requireNonNull(deadline, "deadline");
        if (lowSpeedLimit < 0) {
            throw new IllegalArgumentException(LOW_SPEED_LIMIT + " must be 0 (off) or more bytes per second, got "
                    + lowSpeedLimit);
        }
        positive(lowSpeedTime, LOW_SPEED_TIME);
        positive(headersTimeout, HEADERS_TIMEOUT);
        deadline.ifPresent(d -> positive(d, DEADLINE));
    }

    /**
     * Returns the defaults described on the class.
     *
     * @return 1024 bytes/s over 30 s, 30 s for the headers, 24 h overall
     */
    public static HttpLimits defaults() {
        return DEFAULTS;
    }

    /**
     * Reads the four settings named on the class, each falling back to its default.
     *
     * @param settings a lookup of settings by name
     * @return the limits
     * @throws IllegalArgumentException if a setting is malformed, naming it and its value
     */
    public static HttpLimits fromSettings(Function<String, Optional<String>> settings) {
        Objects.requireNonNull(settings, "settings");
        long rate = settings.apply(LOW_SPEED_LIMIT).map(v -> number(LOW_SPEED_LIMIT, v))
                .orElse(DEFAULTS.lowSpeedLimit);
        Duration window = settings.apply(LOW_SPEED_TIME).map(v -> duration(LOW_SPEED_TIME, v, false))
                .orElse(DEFAULTS.lowSpeedTime);
        Duration headers = settings.apply(HEADERS_TIMEOUT).map(v -> duration(HEADERS_TIMEOUT, v, false))
                .orElse(DEFAULTS.headersTimeout);
        Optional<Duration> deadline = settings.apply(DEADLINE).map(v -> duration(DEADLINE, v, true))
                .map(d -> d.isZero() ? Optional.<Duration>empty() : Optional.of(d)).orElse(DEFAULTS.deadline);
        return new HttpLimits(rate, window, headers, deadline);
    }

    /**
     * Returns these limits as the settings {@link #fromSettings(Function)} reads.
     *
     * @return setting name to value, durations in milliseconds
     */
    public Map<String, String> toSettings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put(LOW_SPEED_LIMIT, Long.toString(lowSpeedLimit));
        m.put(LOW_SPEED_TIME, lowSpeedTime.toMillis() + "ms");
        m.put(HEADERS_TIMEOUT, headersTimeout.toMillis() + "ms");
        m.put(DEADLINE, deadline.map(d -> d.toMillis() + "ms").orElse("0"));
        return m;
    }

    private static long number(String key, String value) {
        String v = value.trim();
        if (!v.matches("\\d{1,12}")) {
            throw new IllegalArgumentException("Setting " + key + " must be a whole number of bytes per second"
                    + " (0 turns the check off), got \"" + value + "\"");
        }
        return Long.parseLong(v);
    }

    private static Duration duration(String key, String value, boolean zeroAllowed) {
        String v = value.trim().toLowerCase(Locale.ROOT);
        Matcher m = DURATION.matcher(v);
        if (!m.matches() || !zeroAllowed && Long.parseLong(m.group(1)) == 0) {
            throw new IllegalArgumentException("Setting " + key + " must be a " + (zeroAllowed ? "" : "positive ")
                    + "whole number with an optional unit ms, s (default), m or h, such as 30s"
                    + (zeroAllowed ? " (0 for none)" : "") + ", got \"" + value + "\"");
        }
        long n = Long.parseLong(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(n);
            case "m", "min" -> Duration.ofMinutes(n);
            case "h" -> Duration.ofHours(n);
            default -> Duration.ofSeconds(n);
        };
    }

    private static void positive(Duration d, String what) {
        Objects.requireNonNull(d, what);
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + d);
        }
    }
}
