package io.jhub.fetch.ssh.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;

/**
 * A stream that gives up when no byte arrives within the read timeout: a watchdog thread runs
 * {@code onTimeout} (which closes the connection), and the blocked read then fails.
 */
final class ReadTimeout extends FilterInputStream {
    private final long timeoutNanos;
    private final Runnable onTimeout;
    private final Object lock = new Object();
    private volatile long lastProgress = System.nanoTime();
    private volatile boolean reading;
    private volatile boolean stopped;
    private volatile boolean timedOut;

    ReadTimeout(InputStream in, Duration timeout, Runnable onTimeout) {
        super(in);
        this.timeoutNanos = timeout.toNanos();
        this.onTimeout = onTimeout;
        Thread t = new Thread(this::watch, "jhub-ssh-read-timeout");
        t.setDaemon(true);
        t.start();
    }

    private void watch() {
        long step = Math.max(1, Math.min(1000, timeoutNanos / 4_000_000));
        synchronized (lock) {
            while (!stopped) {
                if (reading && System.nanoTime() - lastProgress > timeoutNanos) {
                    timedOut = true;
                    stopped = true;
                    onTimeout.run();
                    return;
                }
                try {
                    lock.wait(step);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    boolean timedOut() {
        return timedOut;
    }

    void stop() {
        synchronized (lock) {
            stopped = true;
            lock.notifyAll();
        }
    }

    @Override
    public int read() throws IOException {
        begin();
        try {
            return check(super.read());
        } finally {
            reading = false;
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        begin();
        try {
            return check(in.read(b, off, len));
        } finally {
            reading = false;
        }
    }

    private void begin() {
        lastProgress = System.nanoTime();
        reading = true;
    }

    private int check(int r) throws IOException {
        if (timedOut) {
            throw new java.net.SocketTimeoutException("no data for " + timeoutNanos / 1_000_000 + " ms");
        }
        lastProgress = System.nanoTime();
        return r;
    }
}
