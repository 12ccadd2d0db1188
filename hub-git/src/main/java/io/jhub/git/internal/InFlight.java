package io.jhub.git.internal;

import io.jhub.api.UnsafeArchiveException;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The files handed to the writer threads and not yet written: counts them and their bytes against a bound (the
 * reading thread waits while it is reached), keeps the first write failure, and lets the reader wait until all
 * are written. A failure is rethrown in the reading thread with its kind and message.
 */
final class InFlight {
    private final long maxBytes;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private long bytes;
    private long peakBytes;
    private int files;
    private volatile Throwable failure;

    InFlight(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** Waits until {@code cost} more bytes fit (or nothing is in flight), then counts them; throws a failure. */
    void add(long cost) throws IOException {
        lock.lock();
        try {
            while (failure == null && files > 0 && bytes + cost > maxBytes) {
                changed.await();
            }
            throwIfFailed();
            bytes += cost;
            peakBytes = Math.max(peakBytes, bytes);
            files++;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while extracting an archive");
        } finally {
            lock.unlock();
        }
    }

    /** Counts a file as written (or skipped after a failure). */
    void done(long cost) {
        lock.lock();
        try {
            bytes -= cost;
            files--;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Counts a file as failed; the first failure is kept. */
    void failed(long cost, Throwable t) {
        lock.lock();
        try {
            if (failure == null) {
                failure = t;
            }
        } finally {
            lock.unlock();
        }
        done(cost);
    }

    boolean hasFailed() {
        return failure != null;
    }

    long peakBytes() {
        lock.lock();
        try {
            return peakBytes;
        } finally {
            lock.unlock();
        }
    }

    /** Waits until nothing is in flight, then throws the first failure, if any. */
    void awaitEmpty() throws IOException {
        lock.lock();
        try {
            while (files > 0) {
                changed.await();
            }
            throwIfFailed();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for an archive's files to be written");
        } finally {
            lock.unlock();
        }
    }

    private void throwIfFailed() throws IOException {
        Throwable t = failure;
        if (t instanceof UnsafeArchiveException u) {
            throw new UnsafeArchiveException(u.getMessage(), u);
        } else if (t instanceof IOException io) {
            throw new IOException(io.getMessage(), io);
        } else if (t != null) {
            throw new IllegalStateException("an archive writer thread failed: " + t, t);
        }
    }
}
