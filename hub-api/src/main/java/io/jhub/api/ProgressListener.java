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
    ProgressListener NONE = event -> { };

    /**
     * Receives one event.
     *
     * @param event what happened
     */
    void onProgress(ProgressEvent event);
}
