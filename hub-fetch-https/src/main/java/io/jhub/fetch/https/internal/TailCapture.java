package io.jhub.fetch.https.internal;

import java.io.ByteArrayOutputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Keeps the bytes a zip reader consumes while it looks for the next entry, plus a short history before that,
 * so the central directory and end record (which the streaming reader skips) can be read afterwards.
 */
final class TailCapture extends FilterInputStream {
    private static final int HISTORY = 16 * 1024;
    private final byte[] ring = new byte[HISTORY];
    private final long maxCapture;
    private long total;
    private ByteArrayOutputStream capture;

    TailCapture(InputStream in, long maxCapture) {
        super(in);
        this.maxCapture = maxCapture;
    }

    /** Starts a new capture, seeded with the recent history. */
    void start() {
        capture = new ByteArrayOutputStream();
        int have = (int) Math.min(HISTORY, total);
        int from = (int) ((total - have) % HISTORY);
        for (int i = 0; i < have; i++) {
            capture.write(ring[(from + i) % HISTORY]);
        }
    }

    /** Ends the capture and returns what it holds. */
    byte[] stop() {
        byte[] out = capture == null ? new byte[0] : capture.toByteArray();
        capture = null;
        return out;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        for (int i = 0; i < n; i++) {
            ring[(int) ((total + i) % HISTORY)] = b[off + i];
        }
        if (n > 0) {
            total += n;
            if (capture != null) {
                if (capture.size() + (long) n > maxCapture) {
                    throw new ArchiveStream.CorruptArchiveException(new IOException(
                            "the zip central directory is larger than " + maxCapture + " bytes"));
                }
                capture.write(b, off, n);
            }
        }
        return n;
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
