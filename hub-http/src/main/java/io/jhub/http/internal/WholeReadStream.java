package io.jhub.http.internal;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input stream whose subclasses implement only {@link #read(byte[], int, int)}; a single-byte read goes through
 * it (the opposite of {@link InputStream}'s defaults).
 */
abstract class WholeReadStream extends InputStream {
    @Override
    public final int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public abstract int read(byte[] b, int off, int len) throws IOException;
}
