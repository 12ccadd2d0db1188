package io.jhub.fetch.ssh.internal.pack;

import io.jhub.api.GitProtocolException;

/** Applies a git delta (base size, result size, then copy and insert instructions) to a base. */
final class Delta {
    private Delta() {
    }

    /** Reads the result size a delta announces, without applying it. */
    static long resultSize(byte[] delta) throws GitProtocolException {
        int[] pos = {0};
        varint(delta, pos);
        return varint(delta, pos);
    }

    static byte[] apply(byte[] base, byte[] delta) throws GitProtocolException {
        int[] pos = {0};
        long baseSize = varint(delta, pos);
        if (baseSize != base.length) {
            throw bad("it expects a base of " + baseSize + " bytes but the base has " + base.length);
        }
        long resultSize = varint(delta, pos);
        if (resultSize > Integer.MAX_VALUE - 16) {
            throw bad("its result of " + resultSize + " bytes is too large to rebuild in memory");
        }
        byte[] out = new byte[(int) resultSize];
        int p = pos[0];
        int o = 0;
        while (p < delta.length) {
            int op = delta[p++] & 0xff;
            if ((op & 0x80) != 0) {
                long off = 0;
                long len = 0;
                for (int bit = 0; bit < 4; bit++) {
                    if ((op & (1 << bit)) != 0) {
                        off |= (long) (byte1(delta, p++)) << (8 * bit);
                    }
                }
                for (int bit = 0; bit < 3; bit++) {
                    if ((op & (0x10 << bit)) != 0) {
                        len |= (long) (byte1(delta, p++)) << (8 * bit);
                    }
                }
                if (len == 0) {
                    len = 0x10000;
                }
                if (off + len > base.length || o + len > out.length) {
                    throw bad("a copy of " + len + " bytes from " + off + " runs past the base or the result");
                }
                System.arraycopy(base, (int) off, out, o, (int) len);
                o += (int) len;
            } else if (op != 0) {
                if (p + op > delta.length || o + op > out.length) {
                    throw bad("an insert of " + op + " bytes runs past the delta or the result");
                }
                System.arraycopy(delta, p, out, o, op);
                p += op;
                o += op;
            } else {
                throw bad("it uses the reserved instruction 0");
            }
        }
        if (o != out.length) {
            throw bad("it produced " + o + " bytes but announced " + out.length);
        }
        return out;
    }

    private static int byte1(byte[] d, int p) throws GitProtocolException {
        if (p >= d.length) {
            throw bad("a copy instruction is cut off");
        }
        return d[p] & 0xff;
    }

    private static long varint(byte[] d, int[] pos) throws GitProtocolException {
        long v = 0;
        int shift = 0;
        int c;
        do {
            if (pos[0] >= d.length || shift > 56) {
                throw bad("its size header is malformed");
            }
            c = d[pos[0]++] & 0xff;
            v |= (long) (c & 0x7f) << shift;
            shift += 7;
        } while ((c & 0x80) != 0);
        return v;
    }

    private static GitProtocolException bad(String why) {
        return new GitProtocolException("Corrupt delta in the pack: " + why + ".");
    }
}
