package io.jhub.git.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.security.MessageDigest;

/**
 * Appends rebuilt objects to the spill file. Each object goes out through a buffer, is hashed to its id on the
 * way, and is copied to the heap too when the caller wants it kept there as a base for further deltas.
 */
final class SpillWriter {
    private final FileChannel channel;
    private final ByteBuffer buffer = ByteBuffer.allocate(256 * 1024);
    private long end;

    SpillWriter(FileChannel channel) throws IOException {
        this.channel = channel;
        this.end = channel.size();
    }

    /** Where the next object starts. */
    long end() {
        return end + buffer.position();
    }

    /**
     * Starts an object of {@code size} bytes.
     *
     * @param digest receives the bytes, or null
     * @param keepOnHeap whether to keep a copy in memory as well
     */
    Sink begin(long size, MessageDigest digest, boolean keepOnHeap) {
        return new Sink(end(), size, digest, keepOnHeap ? new byte[Math.toIntExact(size)] : null);
    }

    /** One object being written. */
    final class Sink extends OutputStream {
        private final long start;
        private final long size;
        private final MessageDigest digest;
        private final byte[] heap;
        private long written;

        private Sink(long start, long size, MessageDigest digest, byte[] heap) {
            this.start = start;
            this.size = size;
            this.digest = digest;
            this.heap = heap;
        }

        @Override
        public void write(int b) throws IOException {
            write(new byte[] {(byte) b}, 0, 1);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            if (written + len > size) {
                throw new IOException("object overruns its announced size of " + size + " bytes");
            }
            if (digest != null) {
                digest.update(b, off, len);
            }
            if (heap != null) {
                System.arraycopy(b, off, heap, (int) written, len);
            }
            written += len;
            while (len > 0) {
                int n = Math.min(len, buffer.remaining());
                buffer.put(b, off, n);
                off += n;
                len -= n;
                if (!buffer.hasRemaining()) {
                    flushBuffer();
                }
            }
        }

        long start() {
            return start;
        }

        long written() {
            return written;
        }

        /** Flushes the object to the file and returns it as a delta base. */
        Content finish() throws IOException {
            flushBuffer();
            return heap != null ? new Content.Heap(heap) : new Content.InFile(channel, start, size);
        }
    }

    private void flushBuffer() throws IOException {
        buffer.flip();
        while (buffer.hasRemaining()) {
            end += channel.write(buffer, end);
        }
        buffer.clear();
    }
}
