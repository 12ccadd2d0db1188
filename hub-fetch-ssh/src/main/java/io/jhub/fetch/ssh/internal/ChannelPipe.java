package io.jhub.fetch.ssh.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;

/**
 * A bounded byte buffer between jsch's session thread (which writes what the server sends) and the reader.
 * Replaces jsch's own piped stream, whose reader only notices new data after a one-second poll; here every
 * write wakes the reader at once. A full buffer blocks the writer, which in turn stops the SSH window from
 * growing, so memory stays bounded.
 */
final class ChannelPipe {
    private final byte[] buf;
    private int head;
    private int size;
    private boolean writerClosed;
    private boolean readerClosed;

    ChannelPipe(int capacity) {
        buf = new byte[capacity];
    }

    /** The side jsch writes to; closing it marks the end of the stream. */
    OutputStream sink() {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                put(b, off, len);
            }

            @Override
            public void close() {
                closeWriter();
            }
        };
    }

    /** The side the protocol reads from. */
    InputStream source() {
        return new InputStream() {
            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                return take(b, off, len);
            }

            @Override
            public synchronized int available() {
                synchronized (ChannelPipe.this) {
                    return size;
                }
            }

            @Override
            public void close() {
                closeReader();
            }
        };
    }

    synchronized void closeWriter() {
        writerClosed = true;
        notifyAll();
    }

    synchronized void closeReader() {
        readerClosed = true;
        notifyAll();
    }

    private synchronized void put(byte[] b, int off, int len) throws IOException {
        while (len > 0) {
            while (size == buf.length && !readerClosed) {
                await();
            }
            if (readerClosed) {
                throw new IOException("the reader has gone away");
            }
            int tail = (head + size) % buf.length;
            int n = Math.min(len, Math.min(buf.length - size, buf.length - tail));
            System.arraycopy(b, off, buf, tail, n);
            size += n;
            off += n;
            len -= n;
            notifyAll();
        }
    }

    private synchronized int take(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (size == 0 && !writerClosed && !readerClosed) {
            await();
        }
        if (size == 0) {
            return -1;
        }
        int n = Math.min(len, Math.min(size, buf.length - head));
        System.arraycopy(buf, head, b, off, n);
        head = (head + n) % buf.length;
        size -= n;
        notifyAll();
        return n;
    }

    private void await() throws InterruptedIOException {
        try {
            wait();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for SSH data");
        }
    }
}
