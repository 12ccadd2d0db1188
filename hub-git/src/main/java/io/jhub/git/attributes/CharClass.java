package io.jhub.git.attributes;

import java.nio.charset.StandardCharsets;

/** The {@code [:name:]} classes of git's glob matcher, ASCII only as git's own ctype table defines them. */
final class CharClass {
    private CharClass() {
    }

    /**
     * Tests a byte against a class name.
     *
     * @return 1 if it belongs, 0 if not, -1 for an unknown class name (git then fails the whole match)
     */
    static int test(byte[] p, int from, int len, int c) {
        String name = new String(p, from, len, StandardCharsets.ISO_8859_1);
        boolean in;
        switch (name) {
            case "alnum" -> in = alpha(c) || digit(c);
            case "alpha" -> in = alpha(c);
            case "blank" -> in = c == ' ' || c == '\t';
            case "cntrl" -> in = c < 0x20 || c == 0x7f;
            case "digit" -> in = digit(c);
            case "graph" -> in = c > 0x20 && c <= 0x7e;
            case "lower" -> in = c >= 'a' && c <= 'z';
            case "print" -> in = c >= 0x20 && c <= 0x7e;
            case "punct" -> in = c > 0x20 && c <= 0x7e && !alpha(c) && !digit(c);
            case "space" -> in = c == ' ' || c == '\t' || c == '\n' || c == '\r';
            case "upper" -> in = c >= 'A' && c <= 'Z';
            case "xdigit" -> in = digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
            default -> {
                return -1;
            }
        }
        return in ? 1 : 0;
    }

    private static boolean alpha(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    private static boolean digit(int c) {
        return c >= '0' && c <= '9';
    }
}
