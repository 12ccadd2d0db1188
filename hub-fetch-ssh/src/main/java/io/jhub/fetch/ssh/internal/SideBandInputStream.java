package io.jhub.fetch.ssh.internal;

import io.jhub.api.GitProtocolException;
import io.jhub.git.wire.PktLine;
import io.jhub.git.wire.PktLineReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;

/**
 * The pack data of a side-band stream: band 1 is data, band 2 progress text (passed on), band 3 a fatal error
 * from the server (thrown as {@link GitProtocolException}). Ends at the flush packet.
 */
final class SideBandInputStream extends InputStream {
    private final PktLineReader reader;
    private final Consumer<String> progress;
    private byte[] current = new byte[0];
    private int pos = 1;
    private boolean ended;

    SideBandInputStream(PktLineReader reader, Consumer<String> progress) {
        this.reader = reader;
        this.progress = progress;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        if (len == 0) {
            return 0;
        }
        while (pos >= current.length) {
            if (ended || !nextDataPacket()) {
                return -1;
            }
        }
        int n = Math.min(len, current.length - pos);
        System.arraycopy(current, pos, b, off, n);
        pos += n;
        return n;
    }

    private boolean nextDataPacket() throws IOException {
        PktLine p = reader.read();
        if (p.kind() == PktLine.Kind.FLUSH) {
            ended = true;
            return false;
        }
        if (!p.isData()) {
            throw new GitProtocolException("Unexpected " + p.kind() + " pkt-line inside the side-band pack data.");
        }
        byte[] payload = p.payload();
        if (payload.length == 0) {
            return true;
        }
        switch (payload[0]) {
            case 1 -> {
                current = payload;
                pos = 1;
            }
            case 2 -> progress.accept(new String(payload, 1, payload.length - 1, StandardCharsets.UTF_8));
            case 3 -> throw new GitProtocolException("The git server reported an error: "
                    + new String(payload, 1, payload.length - 1, StandardCharsets.UTF_8).strip());
            default -> throw new GitProtocolException("Unknown side-band channel " + (payload[0] & 0xff)
                    + " in the server's reply.");
        }
        return true;
    }
}
