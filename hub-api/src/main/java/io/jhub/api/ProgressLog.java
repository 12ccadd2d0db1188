package io.jhub.api;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Decides which events become a plain log line: nothing for steps shorter than the interval; for a step that
 * runs longer, a line each interval and its end; a lock wait at once. Not thread-safe: callers synchronise.
 */
final class ProgressLog {
    /** How often a long step is reported. */
    static final long INTERVAL_NANOS = 5_000_000_000L;

    private final ProgressText text = new ProgressText();
    private final Map<String, Long> firstSeen = new HashMap<>();
    private final Map<String, Boolean> reported = new HashMap<>();
    private long lastLine = Long.MIN_VALUE;

    /**
     * Returns the line to log for an event, if any.
     *
     * @param e the event
     * @param now {@link System#nanoTime()} of the event
     * @return the line, or empty to stay silent
     */
    Optional<String> line(ProgressEvent e, long now) {
        String subject = e.subject();
        switch (e.phase()) {
            case WAIT -> {
                firstSeen.remove(subject);
                return emit(e, now);
            }
            case DONE -> {
                firstSeen.remove(subject);
                text.observe(e, now);
                return reported.remove(subject) != null ? Optional.of(text.describe(e, now)) : Optional.empty();
            }
            default -> {
                Long first = firstSeen.get(subject);
                if (first == null) {
                    firstSeen.put(subject, now);
                    first = now;
                }
                boolean due = now - first >= INTERVAL_NANOS
                        && (lastLine == Long.MIN_VALUE || now - lastLine >= INTERVAL_NANOS);
                if (due) {
                    return emit(e, now);
                }
                text.observe(e, now);
                return Optional.empty();
            }
        }
    }

    private Optional<String> emit(ProgressEvent e, long now) {
        lastLine = now;
        reported.put(e.subject(), Boolean.TRUE);
        return Optional.of(text.describe(e, now));
    }
}
