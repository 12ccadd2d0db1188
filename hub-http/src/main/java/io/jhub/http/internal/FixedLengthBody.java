package io.jhub.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;

/**
 * A reply body framed by {@code Content-Length}, or by the end of the connection when the length is unknown.
 * A connection that ends before the declared length is an {@link EOFException}, never a silent short body.
 */
final class FixedLengthBody extends WholeReadStream {
    private final InputStream in;
    private final long length;
    private long read;

    /**
     * Wraps the connection's input.
     *
     * @param in the input, positioned at the body
     * @param length the declared length, or -1 to read until the connection ends
     */
    FixedLengthBody(InputStream in, long length) {
        this.in = in;
        this.length = length;
    }

    /**
     * Returns the declared length.
     *
     * @return the length, or -1 when the body ends with the connection
     */
    long length() {
        return length;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        int want = length < 0 ? len : (int) Math.min(len, length - read);
        if (want == 0) {
            return -1;
        }
        int n = in.read(b, off, want);
        if (n < 0) {
            if (length >= 0) {
                throw new EOFException("the connection closed after " + read + " of " + length + " body bytes");
            }
            return -1;
        }
        read += n;
        return n;
    }

}
