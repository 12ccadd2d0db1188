package io.jhub.fetch.https.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Reads a tar stream entry by entry as git hosts write them: ustar headers (with their name prefix), pax extended
 * and global headers, GNU long names and link names. Every header's checksum is verified, sizes may be octal or
 * base-256, and the pax and long-name headers before one entry may hold at most {@link #MAX_META} bytes (the
 * global ones as many in all). {@link #next()} is empty at the end-of-archive record (512 zero bytes) and fails
 * when the stream stops anywhere else, at an entry boundary too, so a cut tar is never taken for a whole one.
 * Failures of the underlying stream pass unchanged; a truncated or malformed tar is an
 * {@link ArchiveStream.CorruptArchiveException}. It reads no further than the record it needs, allocates nothing
 * per entry beyond the entry's strings, and is used by one thread.
 */
final class TarReader {
    /** A tar record. */
    static final int RECORD = 512;
    /** The most bytes of pax and long-name headers for one entry, and of global pax headers in all. */
    static final int MAX_META = 1024 * 1024;

    private final InputStream in;
    private final byte[] header = new byte[RECORD];
    private final byte[] scratch = new byte[8192];
    private final Map<String, String> global = new HashMap<>();
    private final EntryData data = new EntryData();
    private long offset;
    private long remaining;
    private long padding;
    private long globalBytes;

    /**
     * Creates a reader.
     *
     * @param in the tar's bytes (already decompressed)
     */
    TarReader(InputStream in) {
        this.in = in;
    }

    /** The current entry's data: reads end where it ends. */
    InputStream data() {
        return data;
    }

    /**
     * Skips what is left of the current entry and reads the next header, with the pax and long-name headers before
     * it applied.
     *
     * @return the entry, or empty at the end-of-archive record
     * @throws IOException if the stream fails, or ends or is malformed (a CorruptArchiveException)
     */
    Optional<TarEntry> next() throws IOException {
        skip(remaining + padding);
        remaining = 0;
        padding = 0;
        Map<String, String> pax = new HashMap<>(4);
        String longName = null;
        String longLink = null;
        long meta = 0;
        while (true) {
            long at = offset;
            int n = readFully(header, RECORD);
            if (n == 0) {
                throw ArchiveStream.endedEarly("the tar stops at an entry boundary without its end-of-archive marker");
            } else if (n < RECORD) {
                throw ArchiveStream.endedEarly("the tar stops inside the header at byte " + at);
            } else if (allZero()) {
                return Optional.empty();
            }
            checkSum(at);
            char type = (char) (header[156] & 0xff);
            long size = number(124, 12, "size", at);
            if (type == 'x' || type == 'g' || type == 'L' || type == 'K') {
                meta += size;
                if (meta > MAX_META || type == 'g' && (globalBytes += size) > MAX_META) {
                    throw corrupt("its pax or long-name headers at byte " + at + " pass " + MAX_META + " bytes");
                }
                byte[] body = readMeta((int) size, at);
                switch (type) {
                    case 'x' -> PaxRecords.parse(body, at, pax);
                    case 'g' -> PaxRecords.parse(body, at, global);
                    case 'L' -> longName = cString(body, 0, body.length);
                    default -> longLink = cString(body, 0, body.length);
                }
                continue;
            }
            String paxSize = value(pax, "size");
            long length = paxSize != null ? PaxRecords.number(paxSize, at) : size;
            String name = first(value(pax, "path"), longName, ustarName());
            String link = first(value(pax, "linkpath"), longLink, cString(header, 157, 100));
            String comment = first(value(pax, "comment"), value(global, "comment"), "");
            boolean sparse = PaxRecords.sparse(pax) || PaxRecords.sparse(global);
            remaining = length;
            padding = (RECORD - length % RECORD) % RECORD;
            return Optional.of(new TarEntry(name, type, (int) number(100, 8, "mode", at) & 07777, length, link,
                    comment.isEmpty() ? Optional.empty() : Optional.of(comment), sparse));
        }
    }

    private String ustarName() {
        String name = cString(header, 0, 100);
        // POSIX ustar ("ustar" NUL "00") keeps a name prefix; GNU tar ("ustar  " NUL) keeps other fields there
        boolean posix = header[257] == 'u' && header[258] == 's' && header[259] == 't' && header[260] == 'a'
                && header[261] == 'r' && header[262] == 0;
        String prefix = posix ? cString(header, 345, 155) : "";
        return prefix.isEmpty() ? name : prefix + "/" + name;
    }

    private void checkSum(long at) throws IOException {
        long stored = number(148, 8, "checksum", at);
        long unsigned = 0;
        for (int i = 0; i < RECORD; i++) {
            unsigned += header[i] & 0xff;
        }
        long field = 0;
        long fieldSigned = 0;
        for (int i = 148; i < 156; i++) {
            field += header[i] & 0xff;
            fieldSigned += header[i];
        }
        unsigned += 8 * ' ' - field;
        if (stored == unsigned) {
            return;
        }
        long signed = 0; // some old tars summed signed bytes
        for (int i = 0; i < RECORD; i++) {
            signed += header[i];
        }
        if (stored != signed + 8 * ' ' - fieldSigned) {
            throw corrupt("the header at byte " + at + " has a wrong checksum (" + stored + ", the bytes sum to "
                    + unsigned + ")");
        }
    }

    /** An octal field (leading spaces or NULs, ended by a space or NUL) or a base-256 one (first byte 0x80). */
    private long number(int off, int len, String field, long at) throws IOException {
        int end = off + len;
        if ((header[off] & 0x80) != 0) {
            if (header[off] != (byte) 0x80) {
                throw corrupt("the " + field + " of the header at byte " + at + " is negative or too large");
            }
            long v = 0;
            for (int i = off + 1; i < end; i++) {
                if (v >>> 55 != 0) {
                    throw corrupt("the " + field + " of the header at byte " + at + " is too large");
                }
                v = v << 8 | header[i] & 0xff;
            }
            return v;
        }
        int i = off;
        while (i < end && (header[i] == ' ' || header[i] == 0)) {
            i++;
        }
        long v = 0;
        for (; i < end && header[i] != ' ' && header[i] != 0; i++) {
            int d = header[i] - '0';
            if (d < 0 || d > 7 || v >>> 60 != 0) {
                throw corrupt("the " + field + " of the header at byte " + at + " is no octal number");
            }
            v = v << 3 | d;
        }
        for (; i < end; i++) {
            if (header[i] != ' ' && header[i] != 0) {
                throw corrupt("the " + field + " of the header at byte " + at + " is no octal number");
            }
        }
        return v;
    }

    private byte[] readMeta(int size, long at) throws IOException {
        byte[] body = new byte[size];
        if (readFully(body, size) < size) {
            throw ArchiveStream.endedEarly("the tar stops inside the pax or long-name header at byte " + at);
        }
        skip((RECORD - size % RECORD) % RECORD);
        return body;
    }

    private boolean allZero() {
        for (byte b : header) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    private int readFully(byte[] b, int len) throws IOException {
        int done = 0;
        while (done < len) {
            int n = in.read(b, done, len - done);
            if (n < 0) {
                break;
            }
            done += n;
        }
        offset += done;
        return done;
    }

    private void skip(long n) throws IOException {
        while (n > 0) {
            int r = in.read(scratch, 0, (int) Math.min(scratch.length, n));
            if (r < 0) {
                throw ArchiveStream.endedEarly("the tar stops inside an entry at byte " + offset);
            }
            n -= r;
            offset += r;
        }
    }

    private static String cString(byte[] b, int off, int len) {
        int end = off;
        while (end < off + len && b[end] != 0) {
            end++;
        }
        return new String(b, off, end - off, StandardCharsets.UTF_8);
    }

    /** A pax value; an empty one means the header's own field applies. */
    private static String value(Map<String, String> pax, String key) {
        String v = pax.get(key);
        return v == null || v.isEmpty() ? null : v;
    }

    private static String first(String a, String b, String c) {
        return a != null ? a : b != null ? b : c;
    }

    static ArchiveStream.CorruptArchiveException corrupt(String why) {
        return new ArchiveStream.CorruptArchiveException(new IOException("a malformed tar: " + why));
    }

    /** The current entry's data. */
    private final class EntryData extends InputStream {
        private final byte[] one = new byte[1];

        @Override
        public int read() throws IOException {
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (remaining == 0) {
                return -1;
            } else if (len == 0) {
                return 0;
            }
            int n = in.read(b, off, (int) Math.min(len, remaining));
            if (n < 0) {
                throw ArchiveStream.endedEarly("the tar stops inside an entry's data at byte " + offset);
            }
            remaining -= n;
            offset += n;
            return n;
        }
    }
}
