package io.jhub.http.internal;

import java.io.IOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * An input stream over the HttpClient's body publisher that waits at most the read timeout for the next bytes
 * (the JDK's own stream waits forever once the headers have arrived). Demand is a few buffer lists at a time, so
 * memory stays bounded whatever the body's size.
 */
public final class StreamingBody extends WholeReadStream implements Flow.Subscriber<List<ByteBuffer>> {
    private static final int DEMAND = 16;
    private static final Object END = new Object();

    private final BlockingQueue<Object> queue = new LinkedBlockingQueue<>();
    private volatile long waitNanos;
    private volatile Flow.Subscription subscription;
    private Iterator<ByteBuffer> list = List.<ByteBuffer>of().iterator();
    private ByteBuffer current = ByteBuffer.allocate(0);
    private boolean finished;
    private boolean closed;

    /**
     * Creates the stream; subscribe it to the response's publisher.
     *
     * @param readTimeout longest wait for the next bytes
     */
    public StreamingBody(Duration readTimeout) {
        this.waitNanos = readTimeout.toNanos();
    }

    /**
     * Changes the longest wait for the next bytes, for the reads that follow.
     *
     * @param millis a positive number of milliseconds
     */
    void waitAtMost(int millis) {
        this.waitNanos = millis * 1_000_000L;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        this.subscription = s;
        s.request(DEMAND);
    }

    @Override
    public void onNext(List<ByteBuffer> item) {
        queue.add(item);
    }

    @Override
    public void onError(Throwable t) {
        queue.add(t);
    }

    @Override
    public void onComplete() {
        queue.add(END);
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        java.util.Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (!current.hasRemaining()) {
            if (list.hasNext()) {
                current = list.next();
                continue;
            }
            if (!nextList()) {
                return -1;
            }
        }
        int n = Math.min(len, current.remaining());
        current.get(b, off, n);
        return n;
    }

    @Override
    public int available() {
        return current.remaining();
    }

    @SuppressWarnings("unchecked")
    private boolean nextList() throws IOException {
        if (closed) {
            throw new IOException("stream closed");
        }
        if (finished) {
            return false;
        }
        Object item;
        try {
            item = queue.poll(waitNanos, TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            cancel();
            throw new IOException("interrupted while reading the response body", e);
        }
        if (item == null) {
            cancel();
            throw new HttpTimeoutException("no bytes received for " + waitNanos / 1_000_000
                    + " ms (read timeout) while reading the response body");
        }
        if (item == END) {
            finished = true;
            return false;
        }
        if (item instanceof Throwable t) {
            finished = true;
            throw t instanceof IOException io ? io : new IOException(t.getMessage(), t);
        }
        list = ((List<ByteBuffer>) item).iterator();
        subscription.request(1);
        return true;
    }

    private void cancel() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /**
     * Stops the transfer from any thread: cancels the subscription and wakes a read that waits for the next
     * bytes, which then fails. Does nothing to a body already read to its end.
     */
    public void abort() {
        cancel();
        queue.add(new IOException("the transfer was stopped (aborted by its reader)"));
    }

    /** Stops the transfer if it has not finished; the connection is then not reused. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            if (!finished) {
                cancel();
            }
            queue.clear();
        }
    }
}
