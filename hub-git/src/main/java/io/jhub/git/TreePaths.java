package io.jhub.git;

import io.jhub.api.UnsafeArchiveException;
import java.util.Locale;
import java.util.Objects;

/**
 * The one rule for the path of an entry in a fetched tree, whatever the protocol that brought it. A path is
 * relative, {@code /}-separated, and each of its names is refused when it is empty, {@code .} or {@code ..},
 * holds a NUL, a backslash or a control character, starts with a drive prefix such as {@code C:}, is longer than
 * {@value #MAX_NAME_BYTES} bytes in UTF-8 (no common file system takes more), or is a spelling of {@code .git}
 * that git itself refuses to check out ({@code .GIT}, {@code .git.}, {@code .git }, {@code git~1}), at any depth.
 *
 * @since 0.2
 */
public final class TreePaths {
    /** The longest name (one path component) accepted, in UTF-8 bytes. */
    public static final int MAX_NAME_BYTES = 255;

    private TreePaths() {
    }

    /**
     * Checks a path and returns it unchanged.
     *
     * @param rel the entry's path below the tree's root, {@code /}-separated, without a leading or trailing slash
     * @return {@code rel}
     * @throws UnsafeArchiveException naming the entry and the rule it breaks
     * @throws NullPointerException if {@code rel} is null
     */
    public static String check(String rel) {
        Objects.requireNonNull(rel, "rel");
        if (rel.isEmpty()) {
            throw refused(rel, "it is empty");
        }
        int start = 0;
        while (true) {
            int slash = rel.indexOf('/', start);
            String name = rel.substring(start, slash < 0 ? rel.length() : slash);
            String why = whyRefused(name);
            if (why != null) {
                throw refused(rel, why);
            }
            if (slash < 0) {
                return rel;
            }
            start = slash + 1;
        }
    }

    /**
     * Makes a name printable for a message: control characters and backslashes as escapes, long names cut.
     *
     * @param name any text from a tree or archive
     * @return the printable form, at most about 200 characters
     */
    public static String printable(String name) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < name.length() && b.length() < 200; i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f || c == '\\' || c == '"') {
                b.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.length() < 200 ? b.toString() : b + "...";
    }

    private static String whyRefused(String name) {
        if (name.isEmpty()) {
            return "it has an empty name (a leading, trailing or doubled slash)";
        }
        if (name.equals(".") || name.equals("..")) {
            return "it has the name \"" + name + "\", which could lead outside the tree";
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return "a name holds the control character " + String.format(Locale.ROOT, "\\x%02x", (int) c);
            }
            if (c == '\\') {
                return "a name holds a backslash, a path separator on Windows";
            }
        }
        int bytes = utf8Length(name);
        if (bytes > MAX_NAME_BYTES) {
            return "a name is " + bytes + " bytes long in UTF-8, more than the " + MAX_NAME_BYTES
                    + " that file systems take";
        }
        if (name.length() >= 2 && name.charAt(1) == ':' && Character.isLetter(name.charAt(0))) {
            return "a name starts with the drive prefix \"" + name.substring(0, 2) + "\"";
        }
        if (isGitDir(name)) {
            return "it names a .git directory (\"" + printable(name) + "\"), which git itself never checks out";
        }
        return null;
    }

    /** The UTF-8 length, or a lower bound that is at most the limit when the name cannot be over it. */
    private static int utf8Length(String name) {
        return name.length() * 3 <= MAX_NAME_BYTES ? name.length()
                : name.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
    }

    private static boolean isGitDir(String name) {
        char first = name.charAt(0); // both spellings start so, and no other character lower-cases to them
        if (first != '.' && first != 'g' && first != 'G') {
            return false;
        }
        String lower = name.toLowerCase(Locale.ROOT);
        int end = lower.length();
        while (end > 0 && (lower.charAt(end - 1) == '.' || lower.charAt(end - 1) == ' ')) {
            end--;
        }
        String core = lower.substring(0, end);
        return core.equals(".git") || core.equals("git~1");
    }

    private static UnsafeArchiveException refused(String rel, String why) {
        return new UnsafeArchiveException("Refusing the tree: the entry \"" + printable(rel) + "\" is not a safe"
                + " path (" + why + "). jhub refuses such trees over every protocol; ask the repository's owner"
                + " to rename the entry.");
    }
}
