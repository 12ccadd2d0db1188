package io.jhub.git.wire;

import io.jhub.api.GitProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Reads pkt-lines from a stream. A data packet whose payload starts with {@code ERR } is the server reporting a
 * failure and becomes a {@link GitProtocolException} carrying its text. Not thread-safe.
 *
 * @since 0.1
 */
public final class PktLineReader {
    /** Largest pkt-line, including its 4-byte length prefix. */
    public static final int MAX_LENGTH = 65520;

    private final InputStream in;
    private final byte[] header = new byte[4];

    /**
     * Creates a reader; it reads exactly the bytes of each packet and never buffers ahead.
     *
     * @param in the stream, for example an SSH channel or HTTP body
     */
    public PktLineReader(InputStream in) {
        this.in = Objects.requireNonNull(in, "in");
    }

    /**
     * Reads the next packet, or nothing if the stream ends cleanly before a new packet starts.
     *
     * @return the packet, or empty at the end of the stream
     * @throws GitProtocolException on a malformed length, a truncated packet or an {@code ERR} packet
     * @throws IOException if reading fails
     */
    public Optional<PktLine> next() throws IOException {
        int got = readFully(header, 0, 4);
        if (got == 0) {
            return Optional.empty();
        }
        if (got < 4) {
            throw new GitProtocolException("Truncated pkt-line: the stream ended after " + got
                    + " of 4 length bytes (" + show(header, got) + "); the server closed the connection early.");
        }
        int length = parseLength(header);
        switch (length) {
            case 0: return Optional.of(PktLine.FLUSH);
            case 1: return Optional.of(PktLine.DELIM);
            case 2: return Optional.of(PktLine.RESPONSE_END);
            case 3: throw new GitProtocolException("Invalid pkt-line length 0003: lengths 1-3 are reserved and 3 "
                    + "is unused; the server does not speak the git protocol.");
            default: break;
        }
        if (length > MAX_LENGTH) {
            throw new GitProtocolException("Invalid pkt-line length " + length + " (\"" + show(header, 4)
                    + "\"): the maximum is " + MAX_LENGTH + "; the server does not speak the git protocol.");
        }
        byte[] payload = new byte[length - 4];
        int n = readFully(payload, 0, payload.length);
        if (n < payload.length) {
            throw new GitProtocolException("Truncated pkt-line: the stream ended after " + n + " of "
                    + payload.length + " payload bytes; the server closed the connection early.");
        }
        if (payload.length >= 4 && payload[0] == 'E' && payload[1] == 'R' && payload[2] == 'R'
                && payload[3] == ' ') {
            throw new GitProtocolException("The git server reported an error: "
                    + PktLine.data(payload).text().substring(4));
        }
        return Optional.of(PktLine.data(payload));
    }

    /**
     * Reads the next packet; the stream must not end here.
     *
     * @return the packet
     * @throws GitProtocolException if the stream ended, or as for {@link #next()}
     * @throws IOException if reading fails
     */
    public PktLine read() throws IOException {
        return next().orElseThrow(() -> new GitProtocolException(
                "The git server closed the connection where another pkt-line was expected."));
    }

    /**
     * Reads data packets as text lines up to and including the next flush packet.
     *
     * @return the lines, without trailing LFs
     * @throws GitProtocolException if a delim or response-end packet comes first, or as for {@link #read()}
     * @throws IOException if reading fails
     */
    public List<String> readLinesUntilFlush() throws IOException {
        List<String> lines = new ArrayList<>();
        for (PktLine p = read(); p.kind() != PktLine.Kind.FLUSH; p = read()) {
            if (!p.isData()) {
                throw new GitProtocolException("Unexpected " + p.kind() + " pkt-line where text lines or a "
                        + "flush were expected.");
            }
            lines.add(p.text());
        }
        return lines;
    }

    private static int parseLength(byte[] h) throws GitProtocolException {
        int v = 0;
        for (int i = 0; i < 4; i++) {
            int d = Character.digit(h[i] & 0xff, 16);
            if (d < 0) {
                throw new GitProtocolException("Invalid pkt-line length \"" + show(h, 4)
                        + "\": expected 4 hex digits; the server does not speak the git protocol"
                        + " (or printed text first, e.g. from a login script).");
            }
            v = v * 16 + d;
        }
        return v;
    }

    private int readFully(byte[] b, int off, int len) throws IOException {
        int total = 0;
        while (total < len) {
            int r = in.read(b, off + total, len - total);
            if (r < 0) {
                break;
            }
            total += r;
        }
        return total;
    }

    /** Shows raw bytes printable: ASCII as is, the rest as \xNN. */
    static String show(byte[] b, int n) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < n; i++) {
            int c = b[i] & 0xff;
            if (c >= 0x20 && c < 0x7f && c != '\\' && c != '"') {
                sb.append((char) c);
            } else {
                sb.append(String.format("\\x%02x", c));
            }
        }
        return sb.toString();
    }
}
