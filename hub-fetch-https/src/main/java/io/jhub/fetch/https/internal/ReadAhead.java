package io.jhub.fetch.https.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Reads a stream ahead on a thread of its own, so that what producing its bytes costs (receiving, decrypting and
 * inflating an archive) runs on one core while the reader parses and writes them on another. At most
 * {@code depth} chunks wait at a time, so the bytes held are bounded. A failure of the source reaches the reader
 * unchanged (the same exception object, so its kind still tells a transport failure from a corrupt archive) where
 * the bytes stop. {@link #close()} stops the thread and returns once it has ended: nothing reads the source after
 * that, so its connection may be reused or closed. Closed before the source's end, it first runs the source's
 * abort action, so that a read waiting on a stalled host fails at once instead of holding the close (and the
 * error the reader is about to report) until the read timeout. Read by one thread.
 */
final class ReadAhead extends InputStream {
    /** The reading thread's name. */
    static final String THREAD_NAME = "jhub-extract-reader";

    private final BlockingQueue<Object> ready;
    private final BlockingQueue<byte[]> free;
    private final Thread thread;
    private final Runnable abortSource;
    private volatile boolean closed;
    private volatile boolean sourceDone;
    private Chunk current = new Chunk(new byte[0], 0);
    private int pos;
    private boolean ended;

    private record Chunk(byte[] bytes, int length) {
    }

    private record Failure(Throwable cause) {
    }

    private static final Object END = new Object();

    /**
     * Starts reading {@code source} ahead.
     *
     * @param source the stream; read by the new thread only, until its end, a failure or {@link #close()}
     * @param chunk the bytes read at a time
     * @param depth the most chunks that wait for the reader
     * @param abortSource ends the source's transfer from another thread so that a waiting read fails (closing
     *     the connection under it); run by {@link #close()} before the source has ended or failed
     */
    ReadAhead(InputStream source, int chunk, int depth, Runnable abortSource) {
        this.abortSource = abortSource;
        this.ready = new ArrayBlockingQueue<>(depth);
        this.free = new ArrayBlockingQueue<>(depth + 2);
        this.thread = new Thread(() -> pump(source, chunk), THREAD_NAME);
        thread.setDaemon(true);
        thread.start();
    }

    private void pump(InputStream source, int chunk) {
        try {
            while (!closed) {
                byte[] buf = free.poll();
                buf = buf != null ? buf : new byte[chunk];
                int n = source.read(buf, 0, buf.length);
                if (n < 0) {
                    sourceDone = true;
                    ready.put(END);
                    return;
                }
                ready.put(new Chunk(buf, n));
            }
        } catch (InterruptedException e) {
            // closed while waiting for room: the reader wants nothing more
        } catch (IOException | RuntimeException | Error e) {
            sourceDone = true;
            try {
                ready.put(new Failure(e));
            } catch (InterruptedException closedMeanwhile) {
                // the reader is gone and wants nothing more
            }
        }
    }

    @Override
    public int read() throws IOException {
        while (pos == current.length()) {
            if (!nextChunk()) {
                return -1;
            }
        }
        return current.bytes()[pos++] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos == current.length()) {
            if (!nextChunk()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length() - pos);
        System.arraycopy(current.bytes(), pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean nextChunk() throws IOException {
        if (ended || closed) {
            return false;
        }
        Object next;
        try {
            next = ready.take();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for the archive's bytes");
        }
        if (current.bytes().length > 0) {
            free.offer(current.bytes());
        }
        if (next == END) {
            ended = true;
            return false;
        } else if (next instanceof Failure f) {
            ended = true;
            throw rethrow(f.cause());
        }
        current = (Chunk) next;
        pos = 0;
        return true;
    }

    private static IOException rethrow(Throwable t) {
        if (t instanceof IOException io) {
            return io;
        } else if (t instanceof RuntimeException r) {
            throw r;
        } else if (t instanceof Error e) {
            throw e;
        }
        throw new UncheckedIOException(new IOException(t));
    }

    /** Whether the reading thread is still running, for tests. */
    boolean reading() {
        return thread.isAlive();
    }

    /**
     * Stops the reading thread and waits until it has ended; when it has not reached the source's end, the
     * source is aborted first, which ends a read waiting on it.
     */
    @Override
    public void close() {
        closed = true;
        thread.interrupt(); // wakes it if it waits for room; a read of the source is not interrupted
        if (!sourceDone) {
            abortSource.run();
        }
        boolean interrupted = false;
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }
}
