package io.jhub.http.internal.download;

import io.jhub.api.ProgressEvent;
import io.jhub.api.ProgressListener;
import java.util.concurrent.atomic.AtomicLong;

/** Adds up bytes from one or many threads and reports them at most every 256 KiB, then once when done. */
public final class ProgressMeter {
    private static final long STEP = 256 * 1024;

    private final ProgressListener listener;
    private final String subject;
    private final AtomicLong done = new AtomicLong();
    private final AtomicLong reported = new AtomicLong();
    private volatile long total = -1;

    /**
     * Creates a meter.
     *
     * @param listener where events go
     * @param subject the URL shown (no credentials)
     */
    public ProgressMeter(ProgressListener listener, String subject) {
        this.listener = listener;
        this.subject = subject;
    }

    /**
     * Starts over at {@code start} of {@code total} bytes.
     *
     * @param start bytes already there
     * @param total expected bytes, or -1
     */
    public void reset(long start, long total) {
        this.total = total;
        done.set(start);
        reported.set(start);
        emit(ProgressEvent.Phase.DOWNLOAD, start);
    }

    /**
     * Counts bytes written.
     *
     * @param n bytes
     */
    public void add(long n) {
        long now = done.addAndGet(n);
        long last = reported.get();
        if (now - last >= STEP && reported.compareAndSet(last, now)) {
            emit(ProgressEvent.Phase.DOWNLOAD, now);
        }
    }

    /** Reports the end. */
    public void finish() {
        emit(ProgressEvent.Phase.DONE, done.get());
    }

    private void emit(ProgressEvent.Phase phase, long value) {
        long t = total;
        listener.onProgress(new ProgressEvent(phase, subject, value, t < 0 ? -1 : Math.max(t, value)));
    }
}
