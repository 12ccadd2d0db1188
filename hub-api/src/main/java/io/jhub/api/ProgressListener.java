package io.jhub.api;

/**
 * Receives progress events. Called from the thread doing the work, possibly from several threads at once
 * (parallel downloads), so implementations must be thread-safe and quick.
 *
 * @since 0.1
 */
@FunctionalInterface
public interface ProgressListener {
    /** A listener that ignores every event. */
    ProgressListener NONE = new ProgressListener() {
        // a class, not a lambda: linking a lambda is the first java.lang.invoke use of a fresh JVM's warm load
        @Override
        public void onProgress(ProgressEvent event) {
        }

        @Override
        public String toString() {
            return "ProgressListener.NONE";
        }
    };

    /**
     * Returns a listener that shows progress on standard error as the {@code jhub} command does: a line redrawn
     * in place on a terminal, plain lines for long steps otherwise. See {@link ConsoleProgress}.
     *
     * @return a new console listener
     */
    static ConsoleProgress console() {
        return ConsoleProgress.standardError();
    }

    /**
     * Returns the library's default listener: a step that takes longer than a few seconds (a large download, a
     * slow fetch) is reported through the {@link System.Logger} named {@code io.jhub.progress} at INFO every few
     * seconds and when it ends, as is a wait for another process's cache lock; short steps log nothing. Route
     * it with your logging backend (see the README's logging section), or pass {@link #NONE} to turn it off.
     *
     * @return a new logging listener
     */
    static ProgressListener logging() {
        return new LoggedProgress();
    }

    /**
     * Receives one event.
     *
     * @param event what happened
     */
    void onProgress(ProgressEvent event);
}
