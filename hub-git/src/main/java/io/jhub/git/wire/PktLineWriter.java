package io.jhub.git.wire;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

/**
 * Writes pkt-lines to a stream. Writes go straight to the stream; call {@link #flushStream()} (or
 * {@link #writeFlush()}, which does it) to push them out. Not thread-safe.
 *
 * @since 0.1
 */
public final class PktLineWriter {
    /** Largest payload of one data packet. */
    public static final int MAX_PAYLOAD = PktLineReader.MAX_LENGTH - 4;

    private static final byte[] HEX = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
    private final OutputStream out;

    /**
     * Creates a writer.
     *
     * @param out the stream
     */
    public PktLineWriter(OutputStream out) {
        this.out = Objects.requireNonNull(out, "out");
    }

    /**
     * Writes a text line, adding the LF that git's text lines end with.
     *
     * @param line the text, without LF
     * @return this writer
     * @throws IllegalArgumentException if the line is too long for one packet
     * @throws IOException if writing fails
     */
    public PktLineWriter writeText(String line) throws IOException {
        return writeData((line + "\n").getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a data packet with exactly these bytes.
     *
     * @param payload the data, at most {@link #MAX_PAYLOAD} bytes
     * @return this writer
     * @throws IllegalArgumentException if the payload is too long
     * @throws IOException if writing fails
     */
    public PktLineWriter writeData(byte[] payload) throws IOException {
        if (payload.length > MAX_PAYLOAD) {
            throw new IllegalArgumentException("pkt-line payload of " + payload.length + " bytes exceeds the "
                    + "maximum of " + MAX_PAYLOAD);
        }
        writeLength(payload.length + 4);
        out.write(payload);
        return this;
    }

    /**
     * Writes a flush packet ({@code 0000}) and flushes the stream.
     *
     * @return this writer
     * @throws IOException if writing fails
     */
    public PktLineWriter writeFlush() throws IOException {
        writeLength(0);
        out.flush();
        return this;
    }

    /**
     * Writes a delim packet ({@code 0001}).
     *
     * @return this writer
     * @throws IOException if writing fails
     */
    public PktLineWriter writeDelim() throws IOException {
        writeLength(1);
        return this;
    }

    /**
     * Flushes the underlying stream.
     *
     * @throws IOException if flushing fails
     */
    public void flushStream() throws IOException {
        out.flush();
    }

    private void writeLength(int n) throws IOException {
        out.write(new byte[] {HEX[(n >> 12) & 15], HEX[(n >> 8) & 15], HEX[(n >> 4) & 15], HEX[n & 15]});
    }
}
