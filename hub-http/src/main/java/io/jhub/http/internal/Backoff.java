package io.jhub.http.internal;

import java.time.Duration;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Waits between attempts: exponential from {@code base}, capped at {@code max}, with jitter; a server's
 * {@code Retry-After} (seconds or HTTP-date) replaces the computed wait, still capped at {@code max}.
 *
 * @param base wait before the first retry
 * @param max longest wait
 */
public record Backoff(Duration base, Duration max) {

    /**
     * Returns how long to wait before retry number {@code retry} (1 for the first).
     *
     * @param retry the retry about to be made, from 1
     * @param retryAfter the server's {@code Retry-After} header, if any
     * @param now the current time, for HTTP-dates
     * @return the wait
     */
    public Duration delay(int retry, Optional<String> retryAfter, ZonedDateTime now) {
        Optional<Duration> asked = retryAfter.flatMap(v -> parseRetryAfter(v, now));
        if (asked.isPresent()) {
            return min(asked.get(), max);
        }
        long baseNanos = base.toNanos();
        long exp = retry >= 62 ? Long.MAX_VALUE : baseNanos << Math.min(retry - 1, 30);
        long capped = Math.min(exp < 0 ? Long.MAX_VALUE : exp, max.toNanos());
        // "equal jitter": half fixed, half random, so waits never collapse to zero
        long half = capped / 2;
        long jitter = half > 0 ? ThreadLocalRandom.current().nextLong(half + 1) : 0;
        return Duration.ofNanos(half + jitter);
    }

    /**
     * Parses a {@code Retry-After} value.
     *
     * @param value delta-seconds or an RFC 1123 date
     * @param now the current time
     * @return the wait it asks for (never negative), or empty if malformed
     */
    public static Optional<Duration> parseRetryAfter(String value, ZonedDateTime now) {
        String v = value.trim();
        if (v.matches("\\d{1,9}")) {
            return Optional.of(Duration.ofSeconds(Long.parseLong(v)));
        }
        try {
            ZonedDateTime at = ZonedDateTime.parse(v, DateTimeFormatter.RFC_1123_DATE_TIME);
            Duration d = Duration.between(now, at);
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }
}
