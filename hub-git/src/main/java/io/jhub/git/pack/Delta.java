package io.jhub.git.pack;

import io.jhub.api.GitProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;

/**
 * Applies a git delta (base size, result size, then copy and insert instructions) to a base, streaming: the
 * delta is read once in order, the base is read where copies point, and the result goes to an output stream.
 */
final class Delta {
    /** Opens where the result goes, once its size is known. */
    interface Target {
        OutputStream open(long resultSize) throws IOException;
    }

    private Delta() {
    }

    /** Reads the result size a delta announces from its first bytes (at least its two size headers). */
    static long resultSize(byte[] delta) throws GitProtocolException {
        try {
            InputStream in = new ByteArrayInputStream(delta);
            varint(in);
            return varint(in);
        } catch (GitProtocolException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Applies a delta held in memory to a base in memory (small objects and tests). */
    static byte[] apply(byte[] base, byte[] delta) throws GitProtocolException {
        ByteArrayOutputStream[] out = new ByteArrayOutputStream[1];
        try {
            apply(new Content.Heap(base), new ByteArrayInputStream(delta), size -> {
                if (size > Integer.MAX_VALUE - 16) {
                    throw bad("its result of " + size + " bytes is too large to rebuild in memory");
                }
                out[0] = new ByteArrayOutputStream((int) Math.min(size, 1 << 16));
                return out[0];
            });
        } catch (GitProtocolException e) {
            throw e;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out[0].toByteArray();
    }

    /**
     * Applies a delta.
     *
     * @param base the base object
     * @param delta the inflated delta, read to its end (buffer it: it is read byte by byte)
     * @param target where the result goes
     * @return the result size
     */
    static long apply(Content base, InputStream delta, Target target) throws IOException {
        long baseSize = varint(delta);
        if (baseSize != base.size()) {
            throw bad("it expects a base of " + baseSize + " bytes but the base has " + base.size());
        }
        long resultSize = varint(delta);
        OutputStream out = target.open(resultSize);
        byte[] buf = new byte[127];
        long o = 0;
        for (int op = delta.read(); op >= 0; op = delta.read()) {
            if ((op & 0x80) != 0) {
                long off = 0;
                long len = 0;
                for (int bit = 0; bit < 4; bit++) {
                    if ((op & (1 << bit)) != 0) {
                        off |= (long) byte1(delta) << (8 * bit);
                    }
                }
                for (int bit = 0; bit < 3; bit++) {
                    if ((op & (0x10 << bit)) != 0) {
                        len |= (long) byte1(delta) << (8 * bit);
                    }
                }
                if (len == 0) {
                    len = 0x10000;
                }
                if (off + len > baseSize || o + len > resultSize) {
                    throw bad("a copy of " + len + " bytes from " + off + " runs past the base or the result");
                }
                base.copyTo(off, len, out);
                o += len;
            } else if (op != 0) {
                if (o + op > resultSize) {
                    throw bad("an insert of " + op + " bytes runs past the result");
                }
                if (delta.readNBytes(buf, 0, op) != op) {
                    throw bad("an insert of " + op + " bytes runs past the delta");
                }
                out.write(buf, 0, op);
                o += op;
            } else {
                throw bad("it uses the reserved instruction 0");
            }
        }
        if (o != resultSize) {
            throw bad("it produced " + o + " bytes but announced " + resultSize);
        }
        return resultSize;
    }

    private static int byte1(InputStream d) throws IOException {
        int b = d.read();
        if (b < 0) {
            throw bad("a copy instruction is cut off");
        }
        return b;
    }

    private static long varint(InputStream d) throws IOException {
        long v = 0;
        int shift = 0;
        int c;
        do {
            c = d.read();
            if (c < 0 || shift > 56) {
                throw bad("its size header is malformed");
            }
            v |= (long) (c & 0x7f) << shift;
            shift += 7;
        } while ((c & 0x80) != 0);
        return v;
    }

    private static GitProtocolException bad(String why) {
        return new GitProtocolException("Corrupt delta in the pack: " + why + ".");
    }
}
