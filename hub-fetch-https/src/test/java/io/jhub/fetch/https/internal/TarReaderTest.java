package io.jhub.fetch.https.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/** jhub's own tar reader against headers written by Commons Compress and crafted byte by byte. */
class TarReaderTest {

    @Test
    void readsWhatCommonsCompressWritesInEachLongNameStyle() throws IOException {
        String longName = "top/" + "d".repeat(120) + "/" + "f".repeat(110) + ".txt";
        String longLink = "../" + "t".repeat(150);
        for (int style : new int[] {TarArchiveOutputStream.LONGFILE_POSIX, TarArchiveOutputStream.LONGFILE_GNU}) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (TarArchiveOutputStream tar = new TarArchiveOutputStream(out)) {
                tar.setLongFileMode(style);
                tar.setBigNumberMode(TarArchiveOutputStream.BIGNUMBER_POSIX);
                TarArchiveEntry dir = new TarArchiveEntry("top/", true);
                tar.putArchiveEntry(dir);
                tar.closeArchiveEntry();
                TarArchiveEntry file = new TarArchiveEntry(longName, true);
                file.setMode(0100755);
                file.setSize(700);
                tar.putArchiveEntry(file);
                tar.write(new byte[700]);
                tar.closeArchiveEntry();
                TarArchiveEntry link = new TarArchiveEntry("top/l", TarConstants.LF_SYMLINK, true);
                link.setLinkName(longLink);
                tar.putArchiveEntry(link);
                tar.closeArchiveEntry();
            }
            TarReader r = new TarReader(new ByteArrayInputStream(out.toByteArray()));
            TarEntry d = r.next().orElseThrow();
            assertTrue(d.isDirectory(), d.toString());
            TarEntry f = r.next().orElseThrow();
            assertEquals(longName, f.name());
            assertTrue(f.isFile());
            assertEquals(0755, f.mode());
            assertEquals(700, r.data().readAllBytes().length);
            TarEntry l = r.next().orElseThrow();
            assertTrue(l.isSymbolicLink());
            assertEquals(longLink, l.linkName());
            assertEquals(Optional.empty(), r.next());
        }
    }

    @Test
    void usesTheUstarPrefixBase256SizesAndTheGlobalComment() throws IOException {
        byte[] sizeField = new byte[12];
        sizeField[0] = (byte) 0x80;
        sizeField[11] = 5; // base-256: 5 bytes
        String commit = "0123456789abcdef0123456789abcdef01234567";
        byte[] tar = concat(
                header("pax_global_header", 'g', octal(pax("comment", commit).length, 12), "", ""),
                padded(pax("comment", commit)),
                header("name.txt", '0', sizeField, "top/some/prefix", ""),
                padded("hello".getBytes(StandardCharsets.US_ASCII)),
                new byte[1024]);
        TarReader r = new TarReader(new ByteArrayInputStream(tar));
        TarEntry e = r.next().orElseThrow();
        assertEquals("top/some/prefix/name.txt", e.name());
        assertEquals(Optional.of(commit), e.comment());
        assertArrayEquals("hello".getBytes(StandardCharsets.US_ASCII), r.data().readAllBytes());
        assertEquals(Optional.empty(), r.next());
    }

    @Test
    void malformedHeadersAreCorruptArchives() {
        byte[] file = header("top/a", '0', octal(1, 12), "", "");
        byte[] badSum = file.clone();
        badSum[0] = 'T';
        assertCorrupt("wrong checksum", concat(badSum, padded(new byte[1]), new byte[1024]));
        byte[] badOctal = header("top/a", '0', "12x4        ".getBytes(StandardCharsets.US_ASCII), "", "");
        assertCorrupt("no octal number", concat(badOctal, new byte[1024]));
        byte[] negative = new byte[12];
        negative[0] = (byte) 0xff;
        assertCorrupt("negative or too large", concat(header("top/a", '0', negative, "", ""), new byte[1024]));
        byte[] noEquals = "12 comment\n".getBytes(StandardCharsets.US_ASCII);
        assertCorrupt("malformed record", concat(header("p", 'x', octal(noEquals.length, 12), "", ""),
                padded(noEquals), file, padded(new byte[1]), new byte[1024]));
        byte[] lies = "99 path=x\n".getBytes(StandardCharsets.US_ASCII);
        assertCorrupt("malformed record", concat(header("p", 'x', octal(lies.length, 12), "", ""), padded(lies),
                file, padded(new byte[1]), new byte[1024]));
        assertCorrupt("pass 1048576 bytes", concat(header("p", 'x', octal(TarReader.MAX_META + 1, 12), "", ""),
                new byte[TarReader.MAX_META + 1024]));
    }

    @Test
    void aStreamThatStopsAnywhereButAtTheEndRecordEndedEarly() throws IOException {
        byte[] tar = concat(header("top/a", '0', octal(600, 12), "", ""), padded(new byte[600]), new byte[1024]);
        for (int cut : new int[] {0, 100, 512, 700, 1536}) {
            TarReader r = new TarReader(new ByteArrayInputStream(Arrays.copyOf(tar, cut)));
            IOException e = assertThrows(IOException.class, () -> {
                while (r.next().isPresent()) {
                    r.data().readAllBytes();
                }
            }, "cut at " + cut);
            assertTrue(e instanceof ArchiveStream.CorruptArchiveException, e.toString());
            assertTrue(e.getMessage().contains("ended early"), e.getMessage());
        }
        TarReader whole = new TarReader(new ByteArrayInputStream(Arrays.copyOf(tar, 1536 + 512)));
        assertTrue(whole.next().isPresent());
        assertFalse(whole.next().isPresent());
    }

    @Test
    void sparseEntriesAreNoFiles() throws IOException {
        TarReader gnu = new TarReader(new ByteArrayInputStream(concat(
                header("top/s", 'S', octal(0, 12), "", ""), new byte[1024])));
        assertFalse(gnu.next().orElseThrow().isFile());
        byte[] pax = pax("GNU.sparse.map", "0,1");
        TarReader posix = new TarReader(new ByteArrayInputStream(concat(
                header("p", 'x', octal(pax.length, 12), "", ""), padded(pax),
                header("top/s", '0', octal(0, 12), "", ""), new byte[1024])));
        assertFalse(posix.next().orElseThrow().isFile());
    }

    private static void assertCorrupt(String why, byte[] tar) {
        TarReader r = new TarReader(new ByteArrayInputStream(tar));
        ArchiveStream.CorruptArchiveException e = assertThrows(ArchiveStream.CorruptArchiveException.class, () -> {
            while (r.next().isPresent()) {
                r.data().readAllBytes();
            }
        });
        assertTrue(e.getMessage().contains(why), e.getMessage());
    }

    /** A POSIX ustar header with a correct checksum. */
    static byte[] header(String name, char type, byte[] size, String prefix, String link) {
        byte[] h = new byte[512];
        put(h, 0, name);
        put(h, 100, "0000644");
        System.arraycopy(size, 0, h, 124, 12);
        h[156] = (byte) type;
        put(h, 157, link);
        put(h, 257, "ustar");
        put(h, 263, "00");
        put(h, 345, prefix);
        Arrays.fill(h, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : h) {
            sum += b & 0xff;
        }
        put(h, 148, String.format("%06o", sum));
        h[154] = 0;
        return h;
    }

    static byte[] octal(long v, int len) {
        return String.format("%0" + (len - 1) + "o", v).concat("\0").getBytes(StandardCharsets.US_ASCII);
    }

    static byte[] pax(String key, String value) {
        String rec = " " + key + "=" + value + "\n";
        int len = rec.length() + 1;
        while (String.valueOf(len).length() + rec.length() != len) {
            len++;
        }
        return (len + rec).getBytes(StandardCharsets.UTF_8);
    }

    static byte[] padded(byte[] data) {
        return Arrays.copyOf(data, (data.length + 511) / 512 * 512);
    }

    static byte[] concat(byte[]... parts) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (byte[] p : parts) {
            out.writeBytes(p);
        }
        return out.toByteArray();
    }

    private static void put(byte[] h, int off, String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(b, 0, h, off, b.length);
    }
}
