package io.jhub.fetch.https.internal;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The records of a pax header, {@code "<length> <key>=<value>\n"} each, the length counting the whole record in
 * decimal. Malformed records are a {@link ArchiveStream.CorruptArchiveException}; NUL bytes after the last
 * record are ignored.
 */
final class PaxRecords {
    private PaxRecords() {
    }

    /**
     * Parses a pax header's records into {@code into} (a later key replaces an earlier one).
     *
     * @param b the header's data
     * @param at where the header starts in the tar, for messages
     * @param into where the keys and values go
     * @throws ArchiveStream.CorruptArchiveException if a record is malformed
     */
    static void parse(byte[] b, long at, Map<String, String> into) throws ArchiveStream.CorruptArchiveException {
        int i = 0;
        while (i < b.length && b[i] != 0) {
            int j = i;
            long len = 0;
            while (j < b.length && b[j] >= '0' && b[j] <= '9' && len <= b.length) {
                len = len * 10 + (b[j++] - '0');
            }
            if (j == i || j >= b.length || b[j] != ' ' || len < j - i + 3 || i + len > b.length
                    || b[(int) (i + len - 1)] != '\n') {
                throw TarReader.corrupt("the pax header at byte " + at + " holds a malformed record");
            }
            int end = (int) (i + len - 1);
            int eq = j + 1;
            while (eq < end && b[eq] != '=') {
                eq++;
            }
            if (eq == end || eq == j + 1) {
                throw TarReader.corrupt("the pax header at byte " + at + " holds a record without a key");
            }
            into.put(new String(b, j + 1, eq - j - 1, StandardCharsets.UTF_8),
                    new String(b, eq + 1, end - eq - 1, StandardCharsets.UTF_8));
            i = end + 1;
        }
    }

    /**
     * Parses a pax size: decimal digits only.
     *
     * @param text the value
     * @param at where the header starts, for messages
     * @return the number
     * @throws ArchiveStream.CorruptArchiveException if it is no decimal number below 10^18
     */
    static long number(String text, long at) throws ArchiveStream.CorruptArchiveException {
        if (text.length() > 18) {
            throw TarReader.corrupt("the pax size of the header at byte " + at + " is too large");
        }
        long v = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < '0' || c > '9') {
                throw TarReader.corrupt("the pax size of the header at byte " + at + " is no decimal number");
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    /**
     * Whether pax keys describe a GNU sparse file, whose stored data is a map and fragments, not its content.
     *
     * @param pax the keys
     * @return true if any key starts with {@code GNU.sparse.}
     */
    static boolean sparse(Map<String, String> pax) {
        if (pax.isEmpty()) {
            return false;
        }
        for (String key : pax.keySet()) {
            if (key.startsWith("GNU.sparse.")) {
                return true;
            }
        }
        return false;
    }
}
