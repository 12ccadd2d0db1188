package io.jhub.fetch.https.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;

/**
 * The parts of a zip's central directory a streaming reader cannot see: Unix modes (executable bits, symbolic
 * links) and the archive comment (git writes the commit id there). Parsed from the tail of the archive.
 *
 * @param unixModes Unix mode per entry name, for entries made on Unix
 * @param names every entry name the directory lists
 * @param comment the archive comment
 */
record ZipCentralDirectory(Map<String, Integer> unixModes, Set<String> names, String comment) {
    private static final int EOCD = 0x06054b50;
    private static final int CFH = 0x02014b50;
    private static final int ZIP64_LOCATOR = 0x07064b50;
    private static final int ZIP64_EOCD = 0x06064b50;

    /** Parses the central directory found at the end of {@code tail}, which holds the archive's last bytes. */
    static ZipCentralDirectory parse(byte[] tail) throws IOException {
        int eocd = -1;
        for (int i = tail.length - 22; i >= 0 && i >= tail.length - 22 - 65535; i--) {
            if (int32(tail, i) == EOCD && i + 22 + int16(tail, i + 20) == tail.length) {
                eocd = i;
                break;
            }
        }
        if (eocd < 0) {
            throw ArchiveStream.endedEarly("no central directory at the end of the zip");
        }
        String comment = new String(tail, eocd + 22, int16(tail, eocd + 20), StandardCharsets.UTF_8);
        long cdSize = int32(tail, eocd + 12) & 0xffffffffL;
        long cdEnd = eocd;
        if (eocd >= 20 && int32(tail, eocd - 20) == ZIP64_LOCATOR) {
            int rec = eocd - 20 - 56;
            if (rec < 0 || int32(tail, rec) != ZIP64_EOCD) {
                throw corrupt("a zip64 locator without its zip64 end record");
            }
            cdSize = int64(tail, rec + 40);
            cdEnd = rec;
        }
        long start = cdEnd - cdSize;
        if (start < 0 || cdSize > Integer.MAX_VALUE) {
            throw corrupt("the central directory (" + cdSize + " bytes) is not where the end record says");
        }
        Map<String, Integer> modes = new HashMap<>();
        Set<String> names = new HashSet<>();
        int p = (int) start;
        while (p < cdEnd) {
            if (p + 46 > cdEnd || int32(tail, p) != CFH) {
                throw corrupt("a broken central directory entry at its byte " + (p - start));
            }
            int madeBy = int16(tail, p + 4) >> 8;
            int nameLen = int16(tail, p + 28);
            int extraLen = int16(tail, p + 30);
            int commentLen = int16(tail, p + 32);
            long external = int32(tail, p + 38) & 0xffffffffL;
            if (p + 46 + nameLen > cdEnd) {
                throw corrupt("a central directory name runs past its end");
            }
            String name = new String(tail, p + 46, nameLen, StandardCharsets.UTF_8);
            names.add(name);
            if (madeBy == 3) {
                modes.put(name, (int) (external >>> 16));
            }
            p += 46 + nameLen + extraLen + commentLen;
        }
        return new ZipCentralDirectory(modes, names, comment);
    }

    Optional<Integer> mode(String name) {
        return Optional.ofNullable(unixModes.get(name));
    }

    private static IOException corrupt(String why) {
        return new ArchiveStream.CorruptArchiveException(new IOException(why));
    }

    private static int int16(byte[] b, int i) {
        return (b[i] & 0xff) | (b[i + 1] & 0xff) << 8;
    }

    private static int int32(byte[] b, int i) {
        return int16(b, i) | int16(b, i + 2) << 16;
    }

    private static long int64(byte[] b, int i) {
        return (int32(b, i) & 0xffffffffL) | (long) int32(b, i + 4) << 32;
    }
}
