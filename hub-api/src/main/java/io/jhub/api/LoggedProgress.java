package io.jhub.api;

import java.util.Optional;

/**
 * The library's default progress: long steps (over five seconds) reported through {@link System.Logger}
 * {@code io.jhub.progress} at INFO every few seconds and when they end; short steps say nothing. The logger is
 * looked up only when a first line is due, so a quick call never starts a logging framework.
 */
final class LoggedProgress implements ProgressListener {
    /** The logger name of progress lines. */
    static final String LOGGER = "io.jhub.progress";

    private final ProgressLog log = new ProgressLog();
    private System.Logger logger;

    @Override
    public void onProgress(ProgressEvent event) {
        Optional<String> line;
        System.Logger to;
        synchronized (this) {
            line = log.line(event, System.nanoTime());
            if (line.isEmpty()) {
                return;
            }
            if (logger == null) {
                logger = System.getLogger(LOGGER);
            }
            to = logger;
        }
        to.log(System.Logger.Level.INFO, line.get());
    }

    @Override
    public String toString() {
        return "ProgressListener.logging()";
    }
}
