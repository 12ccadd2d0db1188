package io.jhub.http.internal;

import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;

/** Reads the lines of HTTP/1.1 heads and chunk headers: ended by LF or CRLF, bytes taken as ISO-8859-1. */
final class HttpLines {
    private HttpLines() {
    }

    /**
     * Reads one line.
     *
     * @param in the stream, positioned at the line's first byte
     * @param max the longest line accepted, in bytes
     * @param what what the line is, for messages ("a reply header line")
     * @return the line without its end, or empty when the stream ended before the line's first byte
     * @throws EOFException if the stream ends inside the line
     * @throws ProtocolException if the line is longer than {@code max}
     * @throws IOException if reading fails
     */
    static Optional<String> read(InputStream in, int max, String what) throws IOException {
        byte[] buf = new byte[Math.min(256, max)];
        int n = 0;
        while (true) {
            int c = in.read();
            if (c < 0) {
                if (n == 0) {
                    return Optional.empty();
                }
                throw new EOFException("the connection ended inside " + what);
            }
            if (c == '\n') {
                int end = n > 0 && buf[n - 1] == '\r' ? n - 1 : n;
                return Optional.of(new String(buf, 0, end, StandardCharsets.ISO_8859_1));
            }
            if (n == max) {
                throw new ProtocolException(what + " is longer than " + max + " bytes");
            }
            if (n == buf.length) {
                buf = Arrays.copyOf(buf, Math.min(max, n * 2));
            }
            buf[n++] = (byte) c;
        }
    }
}
