package io.jhub.git.internal;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.TreePaths;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Every path of the tree being written, with its kind: refuses an entry that appears twice, that sits below a
 * file or a symbolic link of the tree, or whose name differs from another one only in case (or Unicode
 * normalisation). Directories named only as parents of an entry are recorded too, so an explicit entry for
 * one later is fine, but a file or link of that name is not. Each path passes {@link TreePaths#check} first.
 */
public final class TreeIndex {
    /** What a path is. */
    public enum Kind {
        /** A directory entry. */
        DIR,
        /** A directory created as the parent of an entry. */
        PARENT,
        /** A regular file. */
        FILE,
        /** A symbolic link. */
        LINK
    }

    private final Map<String, Kind> kinds = new HashMap<>();
    private final Map<String, String> folded = new HashMap<>();
    private String lastParent = "";

    /** Creates an empty index. */
    public TreeIndex() {
    }

    /**
     * Records an entry (and its parents) after checking its path.
     *
     * @param rel the entry's path
     * @param kind {@link Kind#DIR}, {@link Kind#FILE} or {@link Kind#LINK}
     * @throws UnsafeArchiveException if the path is unsafe, taken, below a file or link, or collides in case
     */
    public void add(String rel, Kind kind) {
        TreePaths.check(rel);
        int last = rel.lastIndexOf('/');
        // the parents of the previous entry were checked and recorded, and a parent stays a directory (a file or
        // link of its name would collide with it): entries of one directory come in a row in archives and packs
        boolean checked = last > 0 && last == lastParent.length() && rel.startsWith(lastParent);
        int slash = checked ? last : -1;
        while (!checked && (slash = rel.indexOf('/', slash + 1)) >= 0) {
            String parent = rel.substring(0, slash);
            Kind k = kinds.get(parent);
            if (k == null) {
                put(parent, Kind.PARENT);
            } else if (k == Kind.LINK || k == Kind.FILE) {
                throw new UnsafeArchiveException("Refusing the tree: the entry \"" + TreePaths.printable(rel)
                        + "\" lies below \"" + TreePaths.printable(parent) + "\", which is a "
                        + (k == Kind.LINK ? "symbolic link" : "file") + " of the same tree; writing it would "
                        + (k == Kind.LINK ? "go through the link" : "need a directory there") + ". Ask the"
                        + " repository's owner to fix the tree.");
            }
        }
        lastParent = last > 0 ? rel.substring(0, last) : "";
        Kind old = kinds.get(rel);
        if (old == Kind.PARENT && kind == Kind.DIR) {
            kinds.put(rel, Kind.DIR);
        } else if (old != null) {
            throw FileOutput.conflict(rel);
        } else {
            put(rel, kind);
        }
    }

    /**
     * Returns what a path is.
     *
     * @param rel the path
     * @return its kind, or null if the tree has no such entry
     */
    public Kind kind(String rel) {
        return kinds.get(rel);
    }

    /**
     * Turns a file into a symbolic link (a zip tells which entries are links only at its end).
     *
     * @param rel a path recorded as {@link Kind#FILE}
     */
    public void fileBecomesLink(String rel) {
        kinds.replace(rel, Kind.FILE, Kind.LINK);
    }

    /** Whether NFC leaves the text as it is because it is ASCII (most paths; normalising costs more). */
    private static boolean ascii(String s) {
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    private void put(String rel, Kind kind) {
        String key = (ascii(rel) ? rel : Normalizer.normalize(rel, Normalizer.Form.NFC)).toLowerCase(Locale.ROOT);
        String other = folded.putIfAbsent(key, rel);
        if (other != null) {
            throw new UnsafeArchiveException("Refusing the tree: the entries \"" + TreePaths.printable(other)
                    + "\" and \"" + TreePaths.printable(rel) + "\" differ only in upper and lower case (or in"
                    + " Unicode normalisation), so they would be one file on Windows and macOS and the tree would"
                    + " differ between machines. Ask the repository's owner to rename one of them.");
        }
        kinds.put(rel, kind);
    }
}
