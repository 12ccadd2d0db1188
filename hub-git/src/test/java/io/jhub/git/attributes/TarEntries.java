package io.jhub.git.attributes;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

/** Reads the entries of an uncompressed tar as git archive writes it (ustar with pax headers). */
final class TarEntries {
    private TarEntries() {
    }

    /** Path to content: directories end with {@code /} (empty content), symlinks map to {@code -> target}. */
    static Map<String, String> read(byte[] tar) {
        Map<String, String> out = new TreeMap<>();
        int at = 0;
        String paxPath = null;
        String paxLink = null;
        while (at + 512 <= tar.length) {
            byte[] h = Arrays.copyOfRange(tar, at, at + 512);
            if (h[0] == 0) {
                break;
            }
            long size = Long.parseLong(field(h, 124, 12).trim().isEmpty() ? "0" : field(h, 124, 12).trim(), 8);
            char type = (char) h[156];
            int data = at + 512;
            byte[] content = Arrays.copyOfRange(tar, data, data + (int) size);
            at = data + (int) ((size + 511) / 512 * 512);
            String name = field(h, 0, 100);
            String prefix = field(h, 345, 155);
            String path = prefix.isEmpty() ? name : prefix + "/" + name;
            String link = field(h, 157, 100);
            if (type == 'g') {
                continue;
            }
            if (type == 'x') {
                for (String rec : new String(content, StandardCharsets.UTF_8).split("\n")) {
                    int sp = rec.indexOf(' ');
                    if (rec.startsWith("path=", sp + 1)) {
                        paxPath = rec.substring(sp + 6);
                    } else if (rec.startsWith("linkpath=", sp + 1)) {
                        paxLink = rec.substring(sp + 10);
                    }
                }
                continue;
            }
            if (paxPath != null) {
                path = paxPath;
            }
            if (paxLink != null) {
                link = paxLink;
            }
            paxPath = null;
            paxLink = null;
            switch (type) {
                case '5' -> out.put(path.endsWith("/") ? path : path + "/", "");
                case '2' -> out.put(path, "-> " + link);
                default -> out.put(path, new String(content, StandardCharsets.ISO_8859_1));
            }
        }
        return out;
    }

    private static String field(byte[] h, int off, int len) {
        int end = off;
        while (end < off + len && h[end] != 0) {
            end++;
        }
        return new String(h, off, end - off, StandardCharsets.UTF_8);
    }
}
