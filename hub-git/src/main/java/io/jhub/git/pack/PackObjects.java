package io.jhub.git.pack;

import io.jhub.api.GitProtocolException;
import java.io.BufferedOutputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * The objects of one received pack, every id verified: the pack is streamed to a file in a work directory,
 * indexed, its deltas rebuilt into a spill file, and objects are then read back by id. Holds only compact
 * per-object arrays and bounded delta bases in memory. The caller owns (and deletes) the work directory.
 */
public final class PackObjects implements Closeable {
    /** The largest delta base kept on the heap while deltas are rebuilt; larger ones are read from disk. */
    static final long HEAP_LIMIT = 8L << 20;

    private final PackIndex index;
    private final FileChannel packChannel;
    private final FileChannel spillChannel;
    private final PackFile pack;
    private final PackFile spill;

    private PackObjects(PackIndex index, FileChannel packChannel, FileChannel spillChannel) {
        this.index = index;
        this.packChannel = packChannel;
        this.spillChannel = spillChannel;
        this.pack = new PackFile(packChannel);
        this.spill = new PackFile(spillChannel);
    }

    /**
     * Receives a pack and verifies it.
     *
     * @param in the pack bytes (without side-band framing); read to its end
     * @param workDir an existing private directory for the pack and spill files
     * @param maxBytes the most bytes accepted, both for the pack and for all its objects unpacked together
     * @param limitSetting the setting that raises {@code maxBytes}, named in a refusal, e.g. {@code ssh.maxBytes}
     * @param progress receives the number of pack bytes read so far, now and then
     * @return the objects
     * @throws GitProtocolException if the pack is malformed, truncated or its checksum is wrong
     * @throws io.jhub.api.UnsafeArchiveException if the pack or its objects exceed {@code maxBytes}
     * @throws IOException if reading or writing fails
     */
    public static PackObjects receive(InputStream in, Path workDir, long maxBytes, String limitSetting,
            LongConsumer progress) throws IOException {
        return receive(in, workDir, maxBytes, limitSetting, HEAP_LIMIT, progress);
    }

    /**
     * As {@link #receive(InputStream, Path, long, String, LongConsumer)}, keeping delta bases up to heapLimit bytes.
     */
    static PackObjects receive(InputStream in, Path workDir, long maxBytes, String limitSetting, long heapLimit,
            LongConsumer progress) throws IOException {
        Path packFile = workDir.resolve("incoming.pack");
        Path spillFile = workDir.resolve("deltas.bin");
        PackParser parser = new PackParser();
        try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(packFile,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), 256 * 1024)) {
            parser.parse(in, out, maxBytes, limitSetting, progress);
        }
        FileChannel packCh = FileChannel.open(packFile, StandardOpenOption.READ);
        FileChannel spillCh = null;
        try {
            spillCh = FileChannel.open(spillFile, StandardOpenOption.CREATE_NEW, StandardOpenOption.READ,
                    StandardOpenOption.WRITE);
            new DeltaResolver(parser.index(), parser.refBases(), new PackFile(packCh), spillCh, heapLimit)
                    .resolveAll();
            parser.index().buildLookup();
            return new PackObjects(parser.index(), packCh, spillCh);
        } catch (IOException | RuntimeException e) {
            packCh.close();
            if (spillCh != null) {
                spillCh.close();
            }
            throw e;
        }
    }

    /**
     * Returns how many objects the pack holds.
     *
     * @return the count
     */
    public int count() {
        return index.count();
    }

    /**
     * Finds an object by id.
     *
     * @param hexId 40 hex digits
     * @return its index, or -1 if the pack does not hold it
     */
    public int find(String hexId) {
        return index.find(ObjectType.parseId(hexId));
    }

    /**
     * Finds an object by its raw id.
     *
     * @param id 20 bytes
     * @return its index, or -1
     */
    public int find(byte[] id) {
        return index.find(id);
    }

    /**
     * Returns an object's id.
     *
     * @param i the index
     * @return 40 hex digits
     */
    public String id(int i) {
        return index.idHex(i);
    }

    /**
     * Returns an object's type.
     *
     * @param i the index
     * @return {@link ObjectType#COMMIT} .. {@link ObjectType#TAG}
     */
    public int type(int i) {
        return index.type(i);
    }

    /**
     * Returns an object's content size.
     *
     * @param i the index
     * @return bytes
     */
    public long size(int i) {
        return index.size(i);
    }

    /**
     * Streams an object's content.
     *
     * @param i the index
     * @return a stream of exactly {@link #size(int)} bytes; close it
     */
    public InputStream open(int i) {
        return index.isDelta(i) ? spill.raw(index.spill(i), index.size(i)) : pack.inflated(index.dataOffset(i));
    }

    /**
     * Reads a (small) object into memory.
     *
     * @param i the index
     * @return the content
     * @throws IOException if reading fails
     */
    public byte[] read(int i) throws IOException {
        return index.isDelta(i) ? spill.readAll(index.spill(i), index.size(i))
                : pack.inflateAll(index.dataOffset(i), index.size(i));
    }

    /** How many objects were stored as deltas in the pack (for tests and logs). */
    int deltaCount() {
        int n = 0;
        for (int i = 0; i < index.count(); i++) {
            n += index.isDelta(i) ? 1 : 0;
        }
        return n;
    }

    /** How many objects were stored as REF_DELTA. */
    int refDeltaCount() {
        int n = 0;
        for (int i = 0; i < index.count(); i++) {
            n += index.packType(i) == ObjectType.REF_DELTA ? 1 : 0;
        }
        return n;
    }

    @Override
    public void close() throws IOException {
        try (packChannel; spillChannel) {
            // both closed
        }
    }

}
