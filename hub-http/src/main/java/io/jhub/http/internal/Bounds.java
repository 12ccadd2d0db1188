package io.jhub.http.internal;

import java.time.Duration;

/**
 * The bounds of one request beyond the connect and read timeouts, as the transports apply them: a minimum body
 * rate over a window, a deadline for the status line and headers, and an overall deadline (which may have started
 * before this request, for retries and resumes).
 *
 * @param lowSpeedLimit bytes per second a body must average over each window; 0 for no rate check
 * @param lowSpeedTimeMillis the window, in milliseconds
 * @param headersTimeoutMillis how long the status line and headers may take, {@link Long#MAX_VALUE} for no bound
 * @param deadlineEndNanos when the overall deadline passes on the {@link System#nanoTime()} clock, or
 *        {@link Long#MAX_VALUE} for none
 * @param deadlineText the overall deadline described for messages, with the setting that changes it
 */
public record Bounds(long lowSpeedLimit, long lowSpeedTimeMillis, long headersTimeoutMillis, long deadlineEndNanos,
                     String deadlineText) {
    /** No bound besides the transport's timeouts. */
    public static final Bounds NONE = new Bounds(0, 1, Long.MAX_VALUE, Long.MAX_VALUE, "no deadline");

    /**
     * Returns the milliseconds left until the overall deadline.
     *
     * @param now the current {@link System#nanoTime()}
     * @return the time left, never negative, {@link Long#MAX_VALUE} without a deadline
     */
    long deadlineLeftMillis(long now) {
        if (deadlineEndNanos == Long.MAX_VALUE) {
            return Long.MAX_VALUE;
        }
        return Math.max(0, (deadlineEndNanos - now + 999_999) / 1_000_000);
    }

    /**
     * Describes the headers bound for messages.
     *
     * @return the bound with its setting
     */
    String headersText() {
        return "the status line and headers did not arrive within " + show(Duration.ofMillis(headersTimeoutMillis))
                + " (setting http.headersTimeout)";
    }

    /**
     * Formats a duration for messages, such as {@code 30 s} or {@code 1500 ms}.
     *
     * @param d the duration
     * @return the text
     */
    public static String show(Duration d) {
        long ms = d.toMillis();
        if (ms >= 3_600_000 && ms % 3_600_000 == 0) {
            return ms / 3_600_000 + " h";
        }
        if (ms >= 60_000 && ms % 60_000 == 0) {
            return ms / 60_000 + " min";
        }
        return ms >= 1000 && ms % 1000 == 0 ? ms / 1000 + " s" : ms + " ms";
    }
}
