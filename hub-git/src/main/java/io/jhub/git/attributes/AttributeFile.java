package io.jhub.git.attributes;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The lines of one {@code .gitattributes} blob, read as {@code git archive} reads them from the archived tree:
 * up to the first NUL byte, split at {@code \n}, no byte-order mark removed, and the whole file ignored when it
 * is {@value #MAX_FILE_SIZE} bytes or larger (ATTR_MAX_FILE_SIZE).
 *
 * @param origin the directory holding the file, UTF-8, without a trailing slash ({@code ""} for the root)
 * @param lines the lines git keeps, in file order
 */
record AttributeFile(byte[] origin, List<AttributeLine> lines) {
    /** Git ignores attribute files of 100 MiB or more. */
    static final long MAX_FILE_SIZE = 100L * 1024 * 1024;

    /** Git's built-in macro, below every file. */
    static final AttributeFile BUILTIN = new AttributeFile(new byte[0],
            List.of(AttributeLine.parse("[attr]binary -diff -merge -text".getBytes(), true)));

    static AttributeFile parse(byte[] origin, byte[] content, boolean root) {
        if (content.length >= MAX_FILE_SIZE) {
            return new AttributeFile(origin, List.of());
        }
        List<AttributeLine> lines = new ArrayList<>();
        int end = 0;
        while (end < content.length && content[end] != 0) {
            end++;
        }
        int from = 0;
        while (from < end) {
            int nl = from;
            while (nl < end && content[nl] != '\n') {
                nl++;
            }
            AttributeLine line = AttributeLine.parse(Arrays.copyOfRange(content, from, nl), root);
            if (line != null) {
                lines.add(line);
            }
            from = nl + 1;
        }
        return new AttributeFile(origin, List.copyOf(lines));
    }
}
