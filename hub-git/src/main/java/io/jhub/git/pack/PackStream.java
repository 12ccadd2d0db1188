package io.jhub.git.pack;

import io.jhub.api.GitProtocolException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * The incoming pack, read once: every byte read from the source is also written to the pack file, and every
 * byte consumed (not the trailer) goes into the pack checksum. Tracks the current pack offset.
 */
final class PackStream {
    /** Receives inflated bytes. */
    interface Sink {
        void accept(byte[] b, int off, int len);
    }

    private final InputStream source;
    private final OutputStream copy;
    private final MessageDigest packDigest = ObjectType.sha1();
    private final byte[] buf = new byte[128 * 1024];
    private final byte[] out = new byte[64 * 1024];
    private final long maxBytes;
    private final String limitSetting;
    private int pos;
    private int lim;
    private long offset;
    private long received;

    PackStream(InputStream source, OutputStream copy, long maxBytes, String limitSetting) {
        this.source = source;
        this.copy = copy;
        this.maxBytes = maxBytes;
        this.limitSetting = limitSetting;
    }

    long offset() {
        return offset;
    }

    int readByte() throws IOException {
        if (pos == lim) {
            fill();
        }
        packDigest.update(buf[pos]);
        offset++;
        return buf[pos++] & 0xff;
    }

    void readFully(byte[] b, boolean digest) throws IOException {
        int done = 0;
        while (done < b.length) {
            if (pos == lim) {
                fill();
            }
            int n = Math.min(lim - pos, b.length - done);
            System.arraycopy(buf, pos, b, done, n);
            if (digest) {
                packDigest.update(buf, pos, n);
            }
            pos += n;
            offset += n;
            done += n;
        }
    }

    /** Inflates one zlib stream starting at the current position; returns the number of inflated bytes. */
    long inflate(Inflater inf, Sink sink) throws IOException {
        inf.reset();
        long total = 0;
        int given = 0;
        try {
            while (!inf.finished()) {
                if (inf.needsInput()) {
                    advance(given);
                    if (pos == lim) {
                        fill();
                    }
                    given = lim - pos;
                    inf.setInput(buf, pos, given);
                }
                int n = inf.inflate(out);
                if (n > 0) {
                    sink.accept(out, 0, n);
                    total += n;
                } else if (inf.needsDictionary()) {
                    throw new GitProtocolException("Corrupt pack at offset " + offset + ": a zlib stream asks for a "
                            + "preset dictionary.");
                }
            }
        } catch (DataFormatException e) {
            throw new GitProtocolException("Corrupt pack near offset " + offset + ": " + e.getMessage(), e);
        }
        advance(given - inf.getRemaining());
        return total;
    }

    private void advance(int n) {
        packDigest.update(buf, pos, n);
        pos += n;
        offset += n;
    }

    byte[] checksum() {
        return packDigest.digest();
    }

    /** Checks that the source ends here; returns how many extra bytes were seen (at least one, or zero). */
    long drain() throws IOException {
        if (pos < lim) {
            return lim - pos;
        }
        return source.read() < 0 ? 0 : 1;
    }

    private void fill() throws IOException {
        int n = source.read(buf, 0, buf.length);
        if (n < 0) {
            throw new GitProtocolException("The pack ended early at byte " + offset + ": the connection was "
                    + "closed before the whole pack arrived. Try again; the target was left untouched.");
        }
        copy.write(buf, 0, n);
        received += n;
        if (received > maxBytes) {
            throw new io.jhub.api.UnsafeArchiveException("The pack is larger than the limit of " + maxBytes
                    + " bytes; refusing to receive more. If you trust this repository, raise the limit with the "
                    + "setting " + limitSetting + ".");
        }
        pos = 0;
        lim = n;
    }
}
