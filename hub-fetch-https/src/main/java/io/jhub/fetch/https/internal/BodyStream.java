package io.jhub.fetch.https.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Wraps an HTTP body: marks its failures as {@link TransportException} and counts the bytes that arrived. */
public final class BodyStream extends FilterInputStream {
    private long count;

    /**
     * Wraps a body.
     *
     * @param in the HTTP body
     */
    public BodyStream(InputStream in) {
        super(in);
    }

    /**
     * Returns how many bytes arrived so far.
     *
     * @return the count
     */
    public long count() {
        return count;
    }

    @Override
    public int read() throws IOException {
        try {
            int b = super.read();
            if (b >= 0) {
                count++;
            }
            return b;
        } catch (TransportException e) {
            throw e;
        } catch (IOException e) {
            throw new TransportException(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
            }
            return n;
        } catch (TransportException e) {
            throw e;
        } catch (IOException e) {
            throw new TransportException(e);
        }
    }

    @Override
    public long skip(long n) throws IOException {
        byte[] buf = new byte[(int) Math.min(8192, Math.max(1, n))];
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
