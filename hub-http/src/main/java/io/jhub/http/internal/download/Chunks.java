package io.jhub.http.internal.download;

import java.io.IOException;
import java.io.InputStream;

/**
 * Reads a body in large chunks. A TLS stream hands out one record (at most 16 KiB) per read; gathering a whole
 * buffer first means one file write, and one progress update, per 256 KiB instead of per record. When the body
 * breaks, the bytes that arrived before are still handed out, and the failure comes with the next read.
 */
final class Chunks {
    private final InputStream in;
    private IOException broken;

    Chunks(InputStream in) {
        this.in = in;
    }

    /**
     * Reads until {@code want} bytes are in {@code buf}, the body ends, or it breaks after some bytes.
     *
     * @param buf where the bytes go, from index 0
     * @param want how many bytes to gather, at most {@code buf.length}
     * @return the bytes read, or -1 at the end of the body
     * @throws IOException if reading fails before any byte of this chunk arrived
     */
    int fill(byte[] buf, int want) throws IOException {
        if (broken != null) {
            throw broken;
        }
        int n = 0;
        while (n < want) {
            int k;
            try {
                k = in.read(buf, n, want - n);
            } catch (IOException e) {
                if (n == 0) {
                    throw e;
                }
                broken = e;
                return n;
            }
            if (k < 0) {
                return n == 0 ? -1 : n;
            }
            n += k;
        }
        return n;
    }
}
