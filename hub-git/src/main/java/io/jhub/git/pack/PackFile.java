package io.jhub.git.pack;

import io.jhub.api.GitProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.zip.Inflater;
import java.util.zip.InflaterInputStream;

/** Random access to a pack (or spill) file: positional reads, so streams over it are independent. */
final class PackFile {
    private final FileChannel channel;

    PackFile(FileChannel channel) {
        this.channel = channel;
    }

    /** A stream of the raw bytes from {@code position} on (at most {@code limit} bytes). */
    InputStream raw(long position, long limit) {
        return new InputStream() {
            private long pos = position;
            private final long end = position + limit;

            @Override
            public int read() throws IOException {
                byte[] one = new byte[1];
                return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (pos >= end) {
                    return -1;
                }
                int want = (int) Math.min(len, end - pos);
                int n = channel.read(ByteBuffer.wrap(b, off, want), pos);
                if (n > 0) {
                    pos += n;
                }
                return n;
            }
        };
    }

    /** A stream of the inflated zlib data starting at {@code position}; closing it frees the inflater. */
    InputStream inflated(long position) {
        Inflater inf = new Inflater();
        return new InflaterInputStream(raw(position, Long.MAX_VALUE - position), inf, 64 * 1024) {
            private boolean closed;

            @Override
            public void close() throws IOException {
                if (!closed) {
                    closed = true;
                    inf.end();
                }
            }
        };
    }

    /** Inflates exactly {@code size} bytes at {@code position} into memory. */
    byte[] inflateAll(long position, long size) throws IOException {
        if (size > Integer.MAX_VALUE - 16) {
            throw new GitProtocolException("An object of " + size + " bytes is too large to rebuild in memory.");
        }
        byte[] out = new byte[(int) size];
        try (InputStream in = inflated(position)) {
            int done = 0;
            while (done < out.length) {
                int n = in.read(out, done, out.length - done);
                if (n < 0) {
                    throw new GitProtocolException("Pack data at offset " + position + " ended after " + done
                            + " of " + size + " bytes.");
                }
                done += n;
            }
        }
        return out;
    }

    /** Reads exactly {@code size} raw bytes at {@code position}. */
    byte[] readAll(long position, long size) throws IOException {
        byte[] out = new byte[Math.toIntExact(size)];
        ByteBuffer bb = ByteBuffer.wrap(out);
        while (bb.hasRemaining()) {
            if (channel.read(bb, position + bb.position()) < 0) {
                throw new IOException("unexpected end of file at " + (position + bb.position()));
            }
        }
        return out;
    }
}
