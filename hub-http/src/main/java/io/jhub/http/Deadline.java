package io.jhub.http;

import io.jhub.http.internal.Bounds;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * The point in time by which one request, or one download with all its resumes, must be over: the
 * {@link HttpLimits#deadline()} counted from when the deadline was started, on the monotonic clock. Pass the same
 * deadline to several {@link HttpEngine#send(HttpCall, ResponseHandler, Deadline)} calls to bound them together.
 *
 * @since 0.1
 */
public final class Deadline {
    private static final Deadline NONE = new Deadline(Optional.empty(), 0);

    private final Optional<Duration> limit;
    private final long endNanos;

    private Deadline(Optional<Duration> limit, long endNanos) {
        this.limit = limit;
        this.endNanos = endNanos;
    }

    /**
     * Starts a deadline now.
     *
     * @param limits where the length ({@link HttpLimits#deadline()}) comes from; none means no deadline
     * @return the deadline
     */
    public static Deadline start(HttpLimits limits) {
        Objects.requireNonNull(limits, "limits");
        return limits.deadline().map(d -> new Deadline(Optional.of(d), System.nanoTime() + d.toNanos()))
                .orElse(NONE);
    }

    /**
     * Returns a deadline that never passes.
     *
     * @return no deadline
     */
    public static Deadline none() {
        return NONE;
    }

    /**
     * Returns the time left, never negative.
     *
     * @return the time left, or empty when there is no deadline
     */
    public Optional<Duration> remaining() {
        return limit.map(l -> Duration.ofNanos(Math.max(0, endNanos - System.nanoTime())));
    }

    /**
     * Tells whether the deadline has passed.
     *
     * @return true when no time is left
     */
    public boolean passed() {
        return limit.isPresent() && endNanos - System.nanoTime() <= 0;
    }

    /**
     * Describes the bound for messages, with the setting that changes it.
     *
     * @return such as {@code the overall deadline of 24 h (setting http.deadline)}
     */
    public String describe() {
        return "the overall deadline of " + limit.map(Bounds::show).orElse("none") + " for the request and its"
                + " retries (setting " + HttpLimits.DEADLINE + "; 0 for none)";
    }

    /** Returns the end on the {@link System#nanoTime()} clock, or {@link Long#MAX_VALUE} for none. */
    long endNanos() {
        return limit.isPresent() ? endNanos : Long.MAX_VALUE;
    }

    @Override
    public String toString() {
        return "Deadline[" + limit.map(Bounds::show).orElse("none") + remaining().map(r -> ", " + r.toMillis()
                + " ms left").orElse("") + "]";
    }
}
