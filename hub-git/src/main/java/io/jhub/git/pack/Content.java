package io.jhub.git.pack;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;

/** A delta base: an object's bytes, on the heap when small, otherwise in the spill file and read through a window. */
interface Content {
    /** The number of bytes. */
    long size();

    /** How many heap bytes this content holds. */
    long heapBytes();

    /** Writes {@code len} bytes starting at {@code off} to {@code out}. */
    void copyTo(long off, long len, OutputStream out) throws IOException;

    /** Bytes held in an array. */
    record Heap(byte[] bytes) implements Content {
        @Override
        public long size() {
            return bytes.length;
        }

        @Override
        public long heapBytes() {
            return bytes.length;
        }

        @Override
        public void copyTo(long off, long len, OutputStream out) throws IOException {
            out.write(bytes, Math.toIntExact(off), Math.toIntExact(len));
        }
    }

    /** Bytes in a file region, read through a small window since delta copies are mostly short and local. */
    final class InFile implements Content {
        private static final int WINDOW = 256 * 1024;
        private final FileChannel channel;
        private final long position;
        private final long size;
        private final byte[] window = new byte[WINDOW];
        private long windowStart = -1;
        private int windowLength;

        InFile(FileChannel channel, long position, long size) {
            this.channel = channel;
            this.position = position;
            this.size = size;
        }

        @Override
        public long size() {
            return size;
        }

        @Override
        public long heapBytes() {
            return WINDOW;
        }

        @Override
        public void copyTo(long off, long len, OutputStream out) throws IOException {
            while (len > 0) {
                if (windowStart < 0 || off < windowStart || off >= windowStart + windowLength) {
                    fill(off);
                }
                int from = (int) (off - windowStart);
                int n = (int) Math.min(len, windowLength - from);
                out.write(window, from, n);
                off += n;
                len -= n;
            }
        }

        private void fill(long off) throws IOException {
            ByteBuffer bb = ByteBuffer.wrap(window, 0, (int) Math.min(WINDOW, size - off));
            while (bb.hasRemaining()) {
                if (channel.read(bb, position + off + bb.position()) < 0) {
                    throw new IOException("the spill file ended at " + (position + off + bb.position()));
                }
            }
            windowStart = off;
            windowLength = bb.limit();
        }
    }
}
