package io.jhub.git.wire;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Objects;

/**
 * One pkt-line: a data packet with its payload, or one of the special packets flush ({@code 0000}), delim
 * ({@code 0001}) and response-end ({@code 0002}).
 *
 * @param kind what sort of packet
 * @param payload the data (empty for special packets); not copied, do not modify
 * @since 0.1
 */
public record PktLine(Kind kind, byte[] payload) {
    /** The kinds of pkt-line. */
    public enum Kind {
        /** A data packet. */
        DATA,
        /** {@code 0000}: end of a message or section. */
        FLUSH,
        /** {@code 0001}: separates sections in protocol v2. */
        DELIM,
        /** {@code 0002}: end of a response in stateless protocol v2. */
        RESPONSE_END
    }

    private static final byte[] NONE = new byte[0];
    /** The flush packet. */
    public static final PktLine FLUSH = new PktLine(Kind.FLUSH, NONE);
    /** The delim packet. */
    public static final PktLine DELIM = new PktLine(Kind.DELIM, NONE);
    /** The response-end packet. */
    public static final PktLine RESPONSE_END = new PktLine(Kind.RESPONSE_END, NONE);

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if a special packet has a payload
     */
    public PktLine {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(payload, "payload");
        if (kind != Kind.DATA && payload.length != 0) {
            throw new IllegalArgumentException(kind + " packets carry no payload");
        }
    }

    /**
     * Creates a data packet.
     *
     * @param payload the data
     * @return the packet
     */
    public static PktLine data(byte[] payload) {
        return new PktLine(Kind.DATA, payload);
    }

    /**
     * Tells whether this is a data packet.
     *
     * @return true for data
     */
    public boolean isData() {
        return kind == Kind.DATA;
    }

    /**
     * Returns the payload as UTF-8 text without one trailing LF (git text lines end in LF, but may omit it).
     *
     * @return the text; empty for special packets
     */
    public String text() {
        int n = payload.length;
        if (n > 0 && payload[n - 1] == '\n') {
            n--;
        }
        return new String(payload, 0, n, StandardCharsets.UTF_8);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PktLine p && p.kind == kind && Arrays.equals(p.payload, payload);
    }

    @Override
    public int hashCode() {
        return kind.hashCode() * 31 + Arrays.hashCode(payload);
    }

    @Override
    public String toString() {
        return kind == Kind.DATA ? "PktLine[" + text() + "]" : "PktLine[" + kind + "]";
    }
}
