package io.jhub.git.attributes;

import java.io.ByteArrayOutputStream;

/**
 * A C-quoted pattern as git reads it: {@code "..."} with {@code \a \b \f \n \r \t \v \\ \"} and three-digit octal
 * escapes whose first digit is 0-3. Anything else makes the quote invalid, and git then takes the text unquoted.
 *
 * @param bytes the unquoted bytes
 * @param end the index just after the closing quote
 */
record Unquoted(byte[] bytes, int end) {
    /**
     * Unquotes the text starting at a {@code "}.
     *
     * @return the unquoted text, or null if it is not a valid quoted string
     */
    static Unquoted of(byte[] line, int start) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        int i = start + 1;
        while (i < line.length) {
            int c = line[i++];
            if (c == '"') {
                return new Unquoted(out.toByteArray(), i);
            }
            if (c != '\\') {
                out.write(c);
                continue;
            }
            if (i >= line.length) {
                return null;
            }
            int e = line[i++];
            switch (e) {
                case 'a' -> out.write(7);
                case 'b' -> out.write('\b');
                case 'f' -> out.write('\f');
                case 'n' -> out.write('\n');
                case 'r' -> out.write('\r');
                case 't' -> out.write('\t');
                case 'v' -> out.write(11);
                case '\\', '"' -> out.write(e);
                case '0', '1', '2', '3' -> {
                    if (i + 1 >= line.length || !octal(line[i]) || !octal(line[i + 1])) {
                        return null;
                    }
                    out.write(((e - '0') << 6) | ((line[i] - '0') << 3) | (line[i + 1] - '0'));
                    i += 2;
                }
                default -> {
                    return null;
                }
            }
        }
        return null;
    }

    private static boolean octal(byte c) {
        return c >= '0' && c <= '7';
    }
}
