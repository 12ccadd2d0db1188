package io.jhub.git.attributes;

import java.util.Arrays;

/**
 * One path pattern of an attributes line, parsed and matched as git does for {@code .gitignore}-style patterns: a
 * trailing {@code /} matches directories only, a pattern without a {@code /} matches the base name at any depth,
 * any other pattern matches the path relative to the directory of its {@code .gitattributes} (a leading {@code /}
 * only anchors), and {@code **} spans directories.
 */
final class AttributePattern {
    private final byte[] pattern;
    private final int length;
    private final int literalPrefix;
    private final boolean mustBeDir;
    private final boolean noDir;
    private final boolean endsWith;

    private AttributePattern(byte[] pattern, int length, int literalPrefix, boolean mustBeDir, boolean noDir,
            boolean endsWith) {
        this.pattern = pattern;
        this.length = length;
        this.literalPrefix = literalPrefix;
        this.mustBeDir = mustBeDir;
        this.noDir = noDir;
        this.endsWith = endsWith;
    }

    /**
     * Parses a pattern; a pattern starting with {@code !} is a negation, which attribute files do not allow.
     *
     * @param raw the pattern's bytes, unquoted; cut at a NUL as git's C strings are
     * @return the pattern, or null for a negated one (git warns and ignores the line)
     */
    static AttributePattern parse(byte[] raw) {
        byte[] p = raw;
        for (int i = 0; i < p.length; i++) {
            if (p[i] == 0) {
                p = Arrays.copyOf(p, i);
                break;
            }
        }
        if (p.length > 0 && p[0] == '!') {
            return null;
        }
        int len = p.length;
        boolean mustBeDir = false;
        if (len > 0 && p[len - 1] == '/') {
            len--;
            mustBeDir = true;
        }
        boolean noDir = true;
        for (int i = 0; i < len; i++) {
            if (p[i] == '/') {
                noDir = false;
                break;
            }
        }
        int prefix = Math.min(simpleLength(p, 0), len);
        boolean endsWith = p.length > 0 && p[0] == '*' && simpleLength(p, 1) == p.length - 1;
        return new AttributePattern(p, len, prefix, mustBeDir, noDir, endsWith);
    }

    private static int simpleLength(byte[] p, int from) {
        int i = from;
        while (i < p.length && !WildMatch.isGlobSpecial(p[i] & 0xff)) {
            i++;
        }
        return i - from;
    }

    /**
     * Tests a path.
     *
     * @param path the path below the tree's root, UTF-8, with a trailing {@code /} for a directory
     * @param basenameOffset where its last name starts
     * @param base the directory of the attributes file, without a trailing slash ({@code ""} for the root)
     * @return whether the pattern matches
     */
    boolean matches(byte[] path, int basenameOffset, byte[] base) {
        boolean isDir = path.length > 0 && path[path.length - 1] == '/';
        if (mustBeDir && !isDir) {
            return false;
        }
        int pathLen = path.length - (isDir ? 1 : 0);
        if (noDir) {
            return matchBasename(path, basenameOffset, pathLen);
        }
        return matchPathname(path, pathLen, base);
    }

    private boolean matchBasename(byte[] path, int from, int end) {
        int nameLen = end - from;
        if (literalPrefix == length) {
            return length == nameLen && Arrays.equals(pattern, 0, length, path, from, end);
        }
        if (endsWith) {
            return length - 1 <= nameLen && Arrays.equals(pattern, 1, length, path, end - (length - 1), end);
        }
        return WildMatch.matches(pattern, 0, length, path, from, end, false);
    }

    private boolean matchPathname(byte[] path, int pathLen, byte[] base) {
        int pFrom = 0;
        int prefix = literalPrefix;
        if (length > 0 && pattern[0] == '/') {
            pFrom = 1;
            prefix--;
        }
        int baseLen = base.length;
        if (pathLen < baseLen + 1 || (baseLen > 0 && path[baseLen] != '/')
                || !Arrays.equals(path, 0, baseLen, base, 0, baseLen)) {
            return false;
        }
        int nameLen = baseLen > 0 ? pathLen - baseLen - 1 : pathLen;
        int name = pathLen - nameLen;
        if (prefix > 0) {
            if (prefix > nameLen || !Arrays.equals(pattern, pFrom, pFrom + prefix, path, name, name + prefix)) {
                return false;
            }
            pFrom += prefix;
            name += prefix;
            nameLen -= prefix;
            if (pFrom == length && nameLen == 0) {
                return true;
            }
        }
        return WildMatch.matches(pattern, pFrom, length, path, name, name + nameLen, true);
    }
}
