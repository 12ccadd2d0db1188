package io.jhub.git.attributes;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * One line of a {@code .gitattributes} file: a pattern or, in the root file only, an {@code [attr]} macro
 * definition, and the attribute states it gives. Parsing follows git: blank lines and {@code #} comments are
 * skipped, a line of {@value #MAX_LINE_LENGTH} bytes or more is ignored, a pattern may be C-quoted, a negated
 * pattern or an invalid attribute name drops the whole line, and {@code [attr]} outside the root file drops the
 * line. Lines git drops are dropped silently here.
 *
 * @param pattern the pattern, null for a macro
 * @param macroName the macro's name, null for a pattern line
 * @param states the states in the order written
 */
record AttributeLine(AttributePattern pattern, String macroName, List<AttributeState> states) {
    /** Git ignores attribute lines this long or longer (ATTR_MAX_LINE_LENGTH). */
    static final int MAX_LINE_LENGTH = 2048;
    private static final String MACRO_PREFIX = "[attr]";

    boolean isMacro() {
        return macroName != null;
    }

    /**
     * Parses one line.
     *
     * @param line the line's bytes, without its {@code \n}, holding no NUL
     * @param macrosAllowed whether this is the root file, where {@code [attr]} definitions count
     * @return the line, or null if git ignores it
     */
    static AttributeLine parse(byte[] line, boolean macrosAllowed) {
        int cp = skipBlank(line, 0);
        if (cp == line.length || line[cp] == '#') {
            return null;
        }
        if (line.length >= MAX_LINE_LENGTH) {
            return null;
        }
        byte[] name;
        int states;
        Unquoted q = line[cp] == '"' ? Unquoted.of(line, cp) : null;
        if (q != null) {
            name = q.bytes();
            states = q.end();
        } else {
            int end = toBlank(line, cp);
            name = java.util.Arrays.copyOfRange(line, cp, end);
            states = end;
        }
        String macro = null;
        if (name.length > MACRO_PREFIX.length()
                && new String(name, 0, MACRO_PREFIX.length(), StandardCharsets.ISO_8859_1).equals(MACRO_PREFIX)) {
            if (!macrosAllowed) {
                return null;
            }
            int from = skipBlank(name, MACRO_PREFIX.length());
            int end = toBlank(name, from);
            if (!validName(name, from, end)) {
                return null;
            }
            macro = new String(name, from, end - from, StandardCharsets.US_ASCII);
        }
        List<AttributeState> parsed = parseStates(line, skipBlank(line, states));
        if (parsed == null) {
            return null;
        }
        if (macro != null) {
            return new AttributeLine(null, macro, parsed);
        }
        AttributePattern pattern = AttributePattern.parse(name);
        return pattern == null ? null : new AttributeLine(pattern, null, parsed);
    }

    private static List<AttributeState> parseStates(byte[] line, int from) {
        List<AttributeState> out = new ArrayList<>();
        int cp = from;
        while (cp < line.length) {
            int ep = toBlank(line, cp);
            int equals = -1;
            for (int i = cp; i < line.length; i++) {
                if (line[i] == '=') {
                    equals = i;
                    break;
                }
            }
            if (equals > ep) {
                equals = -1;
            }
            int nameEnd = equals >= 0 ? equals : ep;
            AttributeState.Kind kind;
            int nameFrom = cp;
            if (line[cp] == '-' || line[cp] == '!') {
                kind = line[cp] == '-' ? AttributeState.Kind.UNSET : AttributeState.Kind.UNSPECIFIED;
                nameFrom++;
            } else {
                kind = equals >= 0 ? AttributeState.Kind.VALUE : AttributeState.Kind.SET;
            }
            if (!validName(line, nameFrom, nameEnd)) {
                return null;
            }
            String name = new String(line, nameFrom, nameEnd - nameFrom, StandardCharsets.US_ASCII);
            String value = kind == AttributeState.Kind.VALUE
                    ? new String(line, equals + 1, ep - equals - 1, StandardCharsets.UTF_8) : "";
            out.add(new AttributeState(name, kind, value));
            cp = skipBlank(line, ep);
        }
        return out;
    }

    /** Git's rule: not empty, not starting with '-', only [-A-Za-z0-9_.]. */
    private static boolean validName(byte[] b, int from, int end) {
        if (end <= from || b[from] == '-') {
            return false;
        }
        for (int i = from; i < end; i++) {
            int c = b[i];
            boolean ok = c == '-' || c == '.' || c == '_' || (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z')
                    || (c >= 'A' && c <= 'Z');
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    static boolean isBlank(byte c) {
        return c == ' ' || c == '\t' || c == '\r' || c == '\n';
    }

    private static int skipBlank(byte[] b, int from) {
        int i = from;
        while (i < b.length && isBlank(b[i])) {
            i++;
        }
        return i;
    }

    private static int toBlank(byte[] b, int from) {
        int i = from;
        while (i < b.length && !isBlank(b[i])) {
            i++;
        }
        return i;
    }
}
