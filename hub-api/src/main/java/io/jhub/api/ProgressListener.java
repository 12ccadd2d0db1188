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
     * Receives one event.
     *
     * @param event what happened
     */
    void onProgress(ProgressEvent event);
}
