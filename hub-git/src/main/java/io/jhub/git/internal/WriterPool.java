package io.jhub.git.internal;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

/**
 * Writes small files on a few threads while the archive is still being read, so creating files (slow on some
 * file systems) overlaps with decryption, decompression and parsing. Files of one directory go to the same
 * thread (the kernel serialises creation in one directory anyway). What is queued is bounded by an
 * {@link InFlight}; its first failure stops all further writes and is thrown to the reader by its next
 * {@link #submit} or by {@link #awaitAll}. {@link #close} stops the threads and joins them, so nothing is
 * written once the extraction has returned or thrown.
 */
public final class WriterPool implements AutoCloseable {
    /** What a queued file costs beyond its bytes (the job, its path), so empty files are bounded too. */
    static final int JOB_OVERHEAD = 256;
    /** The writer threads' names start with this. */
    public static final String THREAD_NAME = "jhub-extract-writer-";

    private final ExecutorService[] lanes;
    private final List<Thread> started = new ArrayList<>();
    private final FileOutput output;
    private final InFlight inFlight;
    private volatile boolean stopped;

    /**
     * Creates the pool; its threads start with the first files.
     *
     * @param threads how many writer threads, at least 1
     * @param maxQueuedBytes the bound on bytes (plus {@link #JOB_OVERHEAD} per file) waiting to be written
     * @param output how files are created
     */
    public WriterPool(int threads, long maxQueuedBytes, FileOutput output) {
        this.output = output;
        this.inFlight = new InFlight(maxQueuedBytes);
        this.lanes = new ExecutorService[threads];
        for (int i = 0; i < threads; i++) {
            String name = THREAD_NAME + i;
            lanes[i] = Executors.newSingleThreadExecutor(r -> {
                Thread t = new Thread(r, name);
                t.setDaemon(true);
                synchronized (started) {
                    started.add(t);
                }
                return t;
            });
        }
    }

    /** Queues a new file whose parent directory exists; waits while too many bytes are queued. */
    void submit(Path file, String rel, byte[] data, boolean executable) throws IOException {
        long cost = data.length + (long) JOB_OVERHEAD;
        inFlight.add(cost);
        try {
            lanes[Math.floorMod(file.getParent().hashCode(), lanes.length)].execute(() -> write(file, rel, data,
                    executable, cost));
        } catch (RejectedExecutionException e) {
            inFlight.failed(cost, e);
            inFlight.awaitEmpty();
        }
    }

    /**
     * Waits until every queued file is written, then throws the first failure, if any.
     *
     * @throws IOException the first write failure
     */
    public void awaitAll() throws IOException {
        inFlight.awaitEmpty();
    }

    /**
     * Returns the most bytes (with {@link #JOB_OVERHEAD} per file) that were queued at once, for tests.
     *
     * @return the peak
     */
    public long peakQueuedBytes() {
        return inFlight.peakBytes();
    }

    /** Drops what is still queued and returns once every writer thread has ended. */
    @Override
    public void close() {
        stopped = true;
        for (ExecutorService lane : lanes) {
            lane.shutdown();
        }
        List<Thread> threads;
        synchronized (started) {
            threads = List.copyOf(started);
        }
        boolean interrupted = false;
        for (Thread t : threads) {
            while (t.isAlive()) {
                try {
                    t.join();
                } catch (InterruptedException e) {
                    interrupted = true; // the threads only finish short writes: wait for them all the same
                }
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void write(Path file, String rel, byte[] data, boolean executable, long cost) {
        if (stopped || inFlight.hasFailed()) {
            inFlight.done(cost);
            return;
        }
        try {
            output.write(file, rel, data, executable);
            inFlight.done(cost);
        } catch (IOException | RuntimeException | Error e) {
            inFlight.failed(cost, e);
        }
    }
}
