package io.jhub.git.internal;

/**
 * How a {@link TreeWriter} hands files to its writer threads.
 *
 * @param threads how many writer threads
 * @param maxQueuedBytes the most file bytes held in memory waiting to be written
 * @param maxQueuedFile the largest file that is queued; larger ones are streamed to disk by the reading thread
 */
public record ParallelWrites(int threads, long maxQueuedBytes, int maxQueuedFile) {
    /**
     * Validates the values.
     *
     * @throws IllegalArgumentException if one is not positive, or a queued file could exceed the queue
     */
    public ParallelWrites {
        if (threads < 1 || maxQueuedBytes < 1 || maxQueuedFile < 0 || maxQueuedFile > maxQueuedBytes) {
            throw new IllegalArgumentException("invalid parallel writes: threads=" + threads + " maxQueuedBytes="
                    + maxQueuedBytes + " maxQueuedFile=" + maxQueuedFile);
        }
    }

    /**
     * Returns the defaults: one writer thread per core (2 to 4), 1 MiB queued, files up to 256 KiB queued. More
     * queued bytes make no extraction faster but, when the disk is slow, let the queued buffers live long enough to
     * be promoted to the old generation (with 4 MiB the heap pools' peaks summed to 69 MiB instead of 47 MiB).
     *
     * @return the defaults
     */
    public static ParallelWrites defaults() {
        int cores = Runtime.getRuntime().availableProcessors();
        return new ParallelWrites(Math.max(2, Math.min(4, cores)), 1024L * 1024, 256 * 1024);
    }
}
