package io.jhub.git.pack;

import java.util.Arrays;

/**
 * What is known about each object of a pack, in compact parallel arrays (about 50 bytes per object) so that
 * packs with many objects fit in a small heap. Object contents stay in the pack file.
 */
final class PackIndex {
    private int count;
    private long[] offset = new long[64];
    private byte[] headerLength = new byte[64];
    private byte[] packType = new byte[64];
    private byte[] type = new byte[64];
    private long[] packSize = new long[64];
    private long[] size = new long[64];
    private int[] base = new int[64];
    private long[] spill = new long[64];
    private byte[] ids = new byte[64 * 20];
    private int[] table;

    int count() {
        return count;
    }

    int add(long off, int hdrLen, int ptype, long psize, int baseIndex) {
        if (count == offset.length) {
            int n = count * 2;
            offset = Arrays.copyOf(offset, n);
            headerLength = Arrays.copyOf(headerLength, n);
            packType = Arrays.copyOf(packType, n);
            type = Arrays.copyOf(type, n);
            packSize = Arrays.copyOf(packSize, n);
            size = Arrays.copyOf(size, n);
            base = Arrays.copyOf(base, n);
            spill = Arrays.copyOf(spill, n);
            ids = Arrays.copyOf(ids, n * 20);
        }
        int i = count++;
        offset[i] = off;
        headerLength[i] = (byte) hdrLen;
        packType[i] = (byte) ptype;
        type[i] = (byte) (ptype <= 4 ? ptype : 0);
        packSize[i] = psize;
        size[i] = ptype <= 4 ? psize : -1;
        base[i] = baseIndex;
        spill[i] = -1;
        return i;
    }

    /** Finds the object starting exactly at a pack offset among the first {@code limit} objects. */
    int indexOfOffset(long off, int limit) {
        int i = Arrays.binarySearch(offset, 0, limit, off);
        return i >= 0 ? i : -1;
    }

    long offset(int i) {
        return offset[i];
    }

    long dataOffset(int i) {
        return offset[i] + headerLength[i];
    }

    int packType(int i) {
        return packType[i];
    }

    boolean isDelta(int i) {
        return packType[i] == ObjectType.OFS_DELTA || packType[i] == ObjectType.REF_DELTA;
    }

    /** The whole-object type, once known (0 for unresolved deltas). */
    int type(int i) {
        return type[i];
    }

    long packSize(int i) {
        return packSize[i];
    }

    /** The object's content size, once known. */
    long size(int i) {
        return size[i];
    }

    int base(int i) {
        return base[i];
    }

    long spill(int i) {
        return spill[i];
    }

    void resolved(int i, int wholeType, long contentSize, long spillPos, byte[] id) {
        type[i] = (byte) wholeType;
        size[i] = contentSize;
        spill[i] = spillPos;
        setId(i, id);
    }

    void setId(int i, byte[] id) {
        System.arraycopy(id, 0, ids, i * 20, 20);
    }

    boolean idEquals(int i, byte[] id) {
        return Arrays.equals(ids, i * 20, i * 20 + 20, id, 0, 20);
    }

    String idHex(int i) {
        return ObjectType.hex(ids, i * 20, 20);
    }

    /** Builds the id lookup table; call once every id is known. */
    void buildLookup() {
        int cap = Integer.highestOneBit(Math.max(4, count * 2 - 1)) << 1;
        table = new int[cap];
        Arrays.fill(table, -1);
        for (int i = 0; i < count; i++) {
            int h = hash(ids, i * 20) & (cap - 1);
            while (table[h] >= 0) {
                if (Arrays.equals(ids, table[h] * 20, table[h] * 20 + 20, ids, i * 20, i * 20 + 20)) {
                    break; // the same object twice: keep the first
                }
                h = (h + 1) & (cap - 1);
            }
            if (table[h] < 0) {
                table[h] = i;
            }
        }
    }

    /** Returns the index of the object with this id, or -1. */
    int find(byte[] id) {
        int cap = table.length;
        for (int h = hash(id, 0) & (cap - 1); table[h] >= 0; h = (h + 1) & (cap - 1)) {
            if (idEquals(table[h], id)) {
                return table[h];
            }
        }
        return -1;
    }

    private static int hash(byte[] b, int off) {
        return ((b[off] & 0xff) << 24) | ((b[off + 1] & 0xff) << 16) | ((b[off + 2] & 0xff) << 8) | (b[off + 3] & 0xff);
    }
}
