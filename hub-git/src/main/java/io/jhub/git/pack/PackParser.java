package io.jhub.git.pack;

import io.jhub.api.GitProtocolException;
import io.jhub.api.UnsafeArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.LongConsumer;
import java.util.zip.Inflater;

/**
 * First pass over an incoming pack: copies it to a file while reading each object header, inflating each object
 * once to find where it ends, hashing whole objects to their ids, and checking the pack's trailing checksum.
 */
final class PackParser {
    private final PackIndex index = new PackIndex();
    private final Map<Integer, byte[]> refBases = new HashMap<>();
    private long maxBytes;
    private String limitSetting;
    private long objectBytes;

    PackIndex index() {
        return index;
    }

    /** REF_DELTA objects and the ids of their bases. */
    Map<Integer, byte[]> refBases() {
        return refBases;
    }

    /**
     * Reads the whole pack.
     *
     * @param in the pack bytes (side-band already removed)
     * @param copy where the pack is written
     * @param maxBytes the most bytes accepted for the pack, and for its objects unpacked (checked from their
     *     headers, before any is rebuilt)
     * @param limitSetting the setting that raises {@code maxBytes}, named in a refusal
     * @param progress receives the pack offset now and then
     */
    void parse(InputStream in, OutputStream copy, long maxBytes, String limitSetting, LongConsumer progress)
            throws IOException {
        this.maxBytes = maxBytes;
        this.limitSetting = java.util.Objects.requireNonNull(limitSetting, "limitSetting");
        PackStream s = new PackStream(in, copy, maxBytes, limitSetting);
        byte[] header = new byte[12];
        s.readFully(header, true);
        if (header[0] != 'P' || header[1] != 'A' || header[2] != 'C' || header[3] != 'K') {
            throw new GitProtocolException("The server's pack does not start with \"PACK\" (got "
                    + ObjectType.hex(header, 0, 4) + "); it is not a git pack.");
        }
        long version = be32(header, 4);
        if (version != 2 && version != 3) {
            throw new GitProtocolException("Unsupported pack version " + version + "; jhub reads versions 2 and 3.");
        }
        long count = be32(header, 8);
        Inflater inf = new Inflater();
        try {
            long lastReport = 0;
            for (long n = 0; n < count; n++) {
                readObject(s, inf);
                if (s.offset() - lastReport > (4 << 20)) {
                    lastReport = s.offset();
                    progress.accept(lastReport);
                }
            }
        } finally {
            inf.end();
        }
        byte[] expected = s.checksum();
        byte[] trailer = new byte[20];
        s.readFully(trailer, false);
        if (!Arrays.equals(expected, trailer)) {
            throw new GitProtocolException("Pack checksum mismatch: the pack's trailer says "
                    + ObjectType.hex(trailer, 0, 20) + " but its bytes hash to " + ObjectType.hex(expected, 0, 20)
                    + "; the data was corrupted in transit. Try again.");
        }
        long extra = s.drain();
        if (extra > 0) {
            throw new GitProtocolException("The server sent unexpected bytes after the end of the pack.");
        }
        progress.accept(s.offset());
    }

    private void readObject(PackStream s, Inflater inf) throws IOException {
        long off = s.offset();
        int c = s.readByte();
        int type = (c >> 4) & 7;
        long size = c & 15;
        int shift = 4;
        while ((c & 0x80) != 0) {
            c = s.readByte();
            if (shift > 56) {
                throw corrupt(off, "object size varint too long");
            }
            size |= (long) (c & 0x7f) << shift;
            shift += 7;
        }
        int baseIndex = -1;
        byte[] refBase = null;
        if (type == ObjectType.OFS_DELTA) {
            c = s.readByte();
            long back = c & 0x7f;
            while ((c & 0x80) != 0) {
                if (back > (Long.MAX_VALUE >> 8)) {
                    throw corrupt(off, "delta base offset too large");
                }
                c = s.readByte();
                back = ((back + 1) << 7) | (c & 0x7f);
            }
            long baseOff = off - back;
            baseIndex = back <= 0 || baseOff < 12 ? -1 : index.indexOfOffset(baseOff, index.count());
            if (baseIndex < 0) {
                throw corrupt(off, "OFS_DELTA base offset " + baseOff + " is not the start of an earlier object");
            }
        } else if (type == ObjectType.REF_DELTA) {
            refBase = new byte[20];
            s.readFully(refBase, true);
        } else if (type < ObjectType.COMMIT || type > ObjectType.TAG) {
            throw corrupt(off, "invalid object type " + type);
        }
        int hdrLen = (int) (s.offset() - off);
        long inflated;
        if (refBase == null && baseIndex < 0) {
            count(off, size);
            MessageDigest md = ObjectType.startId(type, size);
            inflated = s.inflate(inf, md::update);
            int i = index.add(off, hdrLen, type, size, -1);
            index.setId(i, md.digest());
        } else {
            byte[] head = new byte[20];
            int[] got = {0};
            inflated = s.inflate(inf, (b, o, l) -> {
                int n = Math.min(l, head.length - got[0]);
                System.arraycopy(b, o, head, got[0], n);
                got[0] += n;
            });
            count(off, Delta.resultSize(Arrays.copyOf(head, got[0])));
            int i = index.add(off, hdrLen, type, size, baseIndex);
            if (refBase != null) {
                refBases.put(i, refBase);
            }
        }
        if (inflated != size) {
            throw corrupt(off, "header says " + size + " bytes but the data inflates to " + inflated);
        }
    }

    /** Adds an object's unpacked size to the total, refusing a total above the limit before anything is rebuilt. */
    private void count(long off, long size) {
        objectBytes += size;
        if (size > maxBytes || objectBytes > maxBytes) {
            throw new UnsafeArchiveException("The pack's objects unpack to more than the limit of " + maxBytes
                    + " bytes (the total passed it at the object of " + size + " bytes at offset " + off + "); "
                    + "refusing to unpack them. If you trust this repository, raise the limit with the setting "
                    + limitSetting + ".");
        }
    }

    private static GitProtocolException corrupt(long off, String why) {
        return new GitProtocolException("Corrupt pack: object at offset " + off + ": " + why + ".");
    }

    private static long be32(byte[] b, int off) {
        return ((long) (b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8)
                | (b[off + 3] & 0xff);
    }
}
