package io.jhub.cli.internal;

import io.jhub.api.ProgressEvent;
import io.jhub.api.ProgressListener;

/**
 * Progress for a non-terminal standard error (CI logs, pipes): one {@link System.Logger} INFO line every few
 * seconds per kind of work, plus the line of each finished step.
 */
final class LoggedProgress implements ProgressListener {
    static final String LOGGER = "io.jhub.progress";
    private static final long INTERVAL_NANOS = 5_000_000_000L;
    private static final System.Logger LOG = CliLoggerFinder.lineLogger(LOGGER);

    private final long startNanos = System.nanoTime();
    private long lastLine = startNanos;

    @Override
    public synchronized void onProgress(ProgressEvent e) {
        long now = System.nanoTime();
        if (e.phase() != ProgressEvent.Phase.DONE && now - lastLine < INTERVAL_NANOS) {
            return;
        }
        lastLine = now;
        LOG.log(System.Logger.Level.INFO, TerminalProgress.describe(e, now - startNanos));
    }
}
