package io.jhub.fetch.https.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Sits between the decompressed bytes and the tar reader to tell a tar that really ends (its end-of-archive
 * marker, a 512-byte record of zeros, where the next header would be) from one that is merely cut at an entry
 * boundary: Commons Compress answers "no more entries" to both. {@link #headerNext()} is called before each
 * header is read (when the previous entry's data has been read to its end); the bytes from there on are kept
 * for {@link #endedWithMarker()}. The tar reader reads records straight from this stream, without reading ahead.
 */
final class TarEndCheck extends FilterInputStream {
    private static final int RECORD = 512;
    private final byte[] capture = new byte[2 * RECORD];
    private final byte[] one = new byte[1];
    private long count;
    private long start;
    private int captured;

    TarEndCheck(InputStream in) {
        super(in);
    }

    /** Marks where the reader will look for the next header (after the padding of the previous entry). */
    void headerNext() {
        start = count;
        captured = 0;
    }

    /** Whether a record of zeros stood where the last header was looked for. */
    boolean endedWithMarker() {
        int padding = (int) ((RECORD - start % RECORD) % RECORD);
        if (captured < padding + RECORD) {
            return false;
        }
        for (int i = padding; i < padding + RECORD; i++) {
            if (capture[i] != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public int read() throws IOException {
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        if (n > 0) {
            int keep = Math.min(n, capture.length - captured);
            System.arraycopy(b, off, capture, captured, keep);
            captured += keep;
            count += n;
        }
        return n;
    }

    @Override
    public boolean markSupported() {
        return false; // the reader must not look ahead and step back past what is captured
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[8192];
        long done = 0;
        while (done < n) {
            int r = read(buf, 0, (int) Math.min(buf.length, n - done));
            if (r < 0) {
                break;
            }
            done += r;
        }
        return done;
    }
}
