package io.jhub.api;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Turns progress events into one line of text. Rates and ETAs of a transfer are counted from its own first
 * {@link ProgressEvent.Phase#DOWNLOAD} event and the bytes it already had then (a resumed partial, a wait for a
 * lock before it), not from when the listener was made. Not thread-safe: callers synchronise.
 */
final class ProgressText {
    /** Below this a rate is noise: the first events of a transfer arrive microseconds apart. */
    private static final long MIN_RATE_NANOS = 200_000_000L;

    private final Map<String, long[]> starts = new HashMap<>();

    /**
     * Describes an event, updating the transfer clocks.
     *
     * @param e the event
     * @param now {@link System#nanoTime()} of the event
     * @return the line
     */
    String describe(ProgressEvent e, long now) {
        observe(e, now);
        return switch (e.phase()) {
            case DOWNLOAD -> transfer(e, starts.get(e.subject()), now);
            case EXTRACT -> "extracting " + e.subject() + " " + e.done() + (e.total() > 0 ? "/" + e.total() : "")
                    + " files";
            case RESOLVE -> "resolving " + e.subject();
            case COMPILE -> "compiling " + e.subject();
            case WAIT -> "waiting for another jhub process (lock " + e.subject() + ")";
            case DONE -> "done " + e.subject();
        };
    }

    /**
     * Updates the transfer clocks without making text (cheap: most events are never shown): a transfer's clock
     * starts at its first download event and stops at its end or at a lock wait.
     *
     * @param e the event
     * @param now {@link System#nanoTime()} of the event
     */
    void observe(ProgressEvent e, long now) {
        switch (e.phase()) {
            case DOWNLOAD -> {
                if (!starts.containsKey(e.subject())) {
                    starts.put(e.subject(), new long[] {now, e.done()});
                }
            }
            case WAIT, DONE -> starts.remove(e.subject());
            default -> {
                // no clock
            }
        }
    }

    private static String transfer(ProgressEvent e, long[] start, long now) {
        long elapsed = now - start[0];
        double rate = elapsed < MIN_RATE_NANOS ? -1 : Math.max(0, e.done() - start[1]) / (elapsed / 1e9);
        StringBuilder sb = new StringBuilder(bytes(e.done()));
        if (e.total() > 0) {
            sb.append(" / ").append(bytes(e.total())).append(String.format(Locale.ROOT, " (%.0f%%)",
                    100.0 * e.fraction()));
        }
        if (rate >= 0) {
            sb.append("  ").append(bytes((long) rate)).append("/s");
            if (e.total() > 0 && rate > 0) {
                long eta = (long) ((e.total() - e.done()) / rate);
                sb.append(String.format(Locale.ROOT, "  ETA %d:%02d", eta / 60, eta % 60));
            }
        }
        return sb.append("  ").append(e.subject()).toString();
    }

    /**
     * Formats a byte count with binary units.
     *
     * @param n bytes
     * @return such as {@code 512 B} or {@code 1.5 MiB}
     */
    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", v, units[u]);
    }
}
