package io.jhub.http.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * Applies a request's {@link Bounds} and read timeout to the stream its reply arrives on. No thread and no timer:
 * before each read the underlying wait (a socket's {@code SO_TIMEOUT}, the JDK body's poll) is set to the nearest
 * bound, and after each read the bounds are checked. Any timeout below is fatal and reported as a
 * {@link LimitExceeded} naming the bound that set the wait. The rate is checked per window of time spent waiting
 * in reads: a window without a byte fails when it ends, a trickle at the first read after its window ends.
 */
final class BoundedInput extends FilterInputStream {
    /** Sets how long the next read of the underlying stream may wait. */
    interface Wait {
        void set(int millis) throws IOException;
    }

    private final Bounds bounds;
    private final long readTimeoutMillis;
    private final Wait wait;
    private final long headersEnd;
    private boolean body;
    private int waitSet = -1;
    private LimitExceeded.Kind waitKind = LimitExceeded.Kind.READ_TIMEOUT;
    private long windowNanos;
    private long windowBytes;

    /**
     * Wraps a stream.
     *
     * @param in the reply's stream
     * @param bounds the request's bounds
     * @param readTimeoutMillis the longest wait for the next bytes
     * @param wait sets the underlying wait
     * @param headersFirst true when the status line and headers come first (a socket), false for a body alone
     */
    BoundedInput(InputStream in, Bounds bounds, long readTimeoutMillis, Wait wait, boolean headersFirst) {
        super(in);
        this.bounds = bounds;
        this.readTimeoutMillis = readTimeoutMillis;
        this.wait = wait;
        long now = System.nanoTime();
        this.headersEnd = bounds.headersTimeoutMillis() == Long.MAX_VALUE ? Long.MAX_VALUE
                : now + bounds.headersTimeoutMillis() * 1_000_000;
        if (!headersFirst) {
            bodyStarts();
        }
    }

    /** Marks the end of the headers: from now on the rate is checked instead of the headers deadline. */
    void bodyStarts() {
        body = true;
        windowNanos = 0;
        windowBytes = 0;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        long start = System.nanoTime();
        check(start);
        setWait(start);
        int n;
        try {
            n = in.read(b, off, len);
        } catch (SocketTimeoutException | HttpTimeoutException e) {
            if (e instanceof LimitExceeded) {
                throw e;
            }
            if (waitKind == LimitExceeded.Kind.LOW_SPEED) {
                windowBytes = 0; // a whole window without a byte
                windowNanos = bounds.lowSpeedTimeMillis() * 1_000_000;
            }
            throw exceeded(waitKind, System.nanoTime(), e);
        }
        long now = System.nanoTime();
        if (body) {
            windowNanos += now - start;
            windowBytes += Math.max(0, n);
            checkRate();
        }
        check(now);
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        // through read, so the bounds hold while skipping too
        byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
        long done = 0;
        while (done < n) {
            int k = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (k < 0) {
                break;
            }
            done += k;
        }
        return done;
    }

    private void check(long now) throws LimitExceeded {
        if (now - bounds.deadlineEndNanos() >= 0 && bounds.deadlineEndNanos() != Long.MAX_VALUE) {
            throw exceeded(LimitExceeded.Kind.DEADLINE, now, null);
        }
        if (!body && now - headersEnd >= 0 && headersEnd != Long.MAX_VALUE) {
            throw exceeded(LimitExceeded.Kind.HEADERS, now, null);
        }
    }

    /** The window counts only time spent waiting in reads, so a slow consumer is not taken for a slow server. */
    private void checkRate() throws LimitExceeded {
        if (bounds.lowSpeedLimit() > 0 && windowNanos >= bounds.lowSpeedTimeMillis() * 1_000_000) {
            if (windowBytes * 1_000_000_000.0 < bounds.lowSpeedLimit() * (double) windowNanos) {
                throw exceeded(LimitExceeded.Kind.LOW_SPEED, 0, null);
            }
            windowNanos = 0;
            windowBytes = 0;
        }
    }

    private void setWait(long now) throws IOException {
        long millis = readTimeoutMillis;
        LimitExceeded.Kind kind = LimitExceeded.Kind.READ_TIMEOUT;
        if (body && bounds.lowSpeedLimit() > 0 && bounds.lowSpeedTimeMillis() <= millis) {
            // a whole window without a byte is below any positive rate
            millis = bounds.lowSpeedTimeMillis();
            kind = LimitExceeded.Kind.LOW_SPEED;
        }
        if (!body && headersEnd != Long.MAX_VALUE) {
            long left = Math.max(1, (headersEnd - now + 999_999) / 1_000_000);
            if (left <= millis) {
                millis = left;
                kind = LimitExceeded.Kind.HEADERS;
            }
        }
        long deadlineLeft = bounds.deadlineLeftMillis(now);
        if (deadlineLeft <= millis) {
            millis = Math.max(1, deadlineLeft);
            kind = LimitExceeded.Kind.DEADLINE;
        }
        int ms = (int) Math.min(Integer.MAX_VALUE, millis);
        waitKind = kind;
        if (ms != waitSet) {
            wait.set(ms);
            waitSet = ms;
        }
    }

    private LimitExceeded exceeded(LimitExceeded.Kind kind, long now, Throwable cause) {
        String message = switch (kind) {
            case DEADLINE -> "the request passed " + bounds.deadlineText();
            case HEADERS -> bounds.headersText();
            case LOW_SPEED -> {
                long ms = windowNanos / 1_000_000;
                yield "the body arrived slower than " + bounds.lowSpeedLimit() + " bytes/s over "
                        + Bounds.show(java.time.Duration.ofMillis(bounds.lowSpeedTimeMillis())) + " (" + windowBytes
                        + " bytes in " + ms + " ms; settings http.lowSpeedLimit and http.lowSpeedTime, a limit of 0"
                        + " turns the check off)";
            }
            case READ_TIMEOUT -> "no bytes received for " + readTimeoutMillis + " ms (read timeout)";
        };
        return new LimitExceeded(kind, message, cause);
    }
}
