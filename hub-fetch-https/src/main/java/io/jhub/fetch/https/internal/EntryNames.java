package io.jhub.fetch.https.internal;

import io.jhub.api.UnsafeArchiveException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Turns archive entry names into safe paths relative to the target: refuses absolute names, drive letters,
 * backslashes, NUL and {@code ..}, then strips the first path component (the host's top-level folder).
 */
public final class EntryNames {
    private EntryNames() {
    }

    /**
     * Validates a name and strips its first component.
     *
     * @param name the entry name as stored in the archive
     * @return the path below the top-level folder, {@code /}-separated; empty for the top-level folder itself
     * @throws UnsafeArchiveException if the name could reach outside the target
     */
    public static Optional<String> strip(String name) {
        List<String> segments = segments(name, "entry");
        if (segments.size() <= 1) {
            return Optional.empty();
        }
        List<String> rest = segments.subList(1, segments.size());
        if (startsWithDriveLetter(rest.get(0))) {
            throw unsafe(name, "starts with a drive letter after the top-level folder");
        }
        return Optional.of(String.join("/", rest));
    }

    /**
     * Checks a symbolic link's target text: relative, no backslash, no NUL, not empty.
     *
     * @param entry the link's entry name, for the message
     * @param target the link target
     * @throws UnsafeArchiveException if the target is absolute or malformed
     */
    public static void checkLinkTarget(String entry, String target) {
        if (target.isEmpty() || target.indexOf('\0') >= 0 || target.indexOf('\\') >= 0 || target.startsWith("/")
                || startsWithDriveLetter(target)) {
            throw new UnsafeArchiveException("Refusing archive: the symbolic link \"" + entry
                    + "\" points to \"" + target + "\", which is absolute, empty or malformed; only relative links"
                    + " that stay inside the repository are allowed. The archive or its host may be compromised.");
        }
    }

    private static List<String> segments(String name, String what) {
        if (name.isEmpty()) {
            throw unsafe(name, "is empty");
        }
        if (name.indexOf('\0') >= 0) {
            throw unsafe(name, "contains a NUL character");
        }
        if (name.indexOf('\\') >= 0) {
            throw unsafe(name, "contains a backslash, which some systems read as a path separator");
        }
        if (name.startsWith("/")) {
            throw unsafe(name, "is an absolute path");
        }
        if (startsWithDriveLetter(name)) {
            throw unsafe(name, "starts with a drive letter");
        }
        List<String> out = new ArrayList<>();
        for (String s : name.split("/")) {
            if (s.equals("..")) {
                throw unsafe(name, "contains a '..' component");
            }
            if (!s.isEmpty() && !s.equals(".")) {
                out.add(s);
            }
        }
        return out;
    }

    /** Whether {@code s} starts like {@code C:} (the regex {@code [A-Za-z]:.*}, without compiling one per entry). */
    private static boolean startsWithDriveLetter(String s) {
        if (s.length() < 2 || s.charAt(1) != ':') {
            return false;
        }
        char c = s.charAt(0);
        return c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
    }

    private static UnsafeArchiveException unsafe(String name, String why) {
        return new UnsafeArchiveException("Refusing archive: the entry \"" + printable(name) + "\" " + why
                + "; it could write outside the target directory. The archive or its host may be compromised.");
    }

    static String printable(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(300).forEach(c -> {
            if (c < 0x20 || c == 0x7f) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.toString();
    }
}
