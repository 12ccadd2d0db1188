package io.jhub.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;

/** A reply body in HTTP/1.1 chunked transfer coding; trailers are read and dropped. */
final class ChunkedBody extends WholeReadStream {
    private final InputStream in;
    private long left;
    private boolean ended;

    ChunkedBody(InputStream in) {
        this.in = in;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        if (left == 0 && !nextChunk()) {
            return -1;
        }
        int n = in.read(b, off, (int) Math.min(len, left));
        if (n < 0) {
            throw new EOFException("the connection closed inside a chunk of the body");
        }
        left -= n;
        if (left == 0) {
            expectLineEnd();
        }
        return n;
    }

    private boolean nextChunk() throws IOException {
        if (ended) {
            return false;
        }
        String size = line();
        int semi = size.indexOf(';');
        String hex = (semi >= 0 ? size.substring(0, semi) : size).trim();
        if (!hex.matches("[0-9a-fA-F]{1,15}")) {
            throw new ProtocolException("malformed chunk size \"" + hex + "\"");
        }
        left = Long.parseLong(hex, 16);
        if (left == 0) {
            while (!line().isEmpty()) {
                // trailer fields are not used
            }
            ended = true;
            return false;
        }
        return true;
    }

    private void expectLineEnd() throws IOException {
        if (!line().isEmpty()) {
            throw new ProtocolException("a chunk of the body is longer than its declared size");
        }
    }

    private String line() throws IOException {
        return HttpLines.read(in, 4096, "a chunk header line").orElseThrow(() -> new EOFException("the connection"
                + " closed inside the chunked body"));
    }

}
