package io.jhub.fetch.https.internal;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.TreePaths;
import java.util.Optional;

/**
 * The host's top-level folder of a source archive ({@code repo-<commit>/}), which every entry must lie in and
 * which is stripped from their names. The first entry names it; an entry beside or outside it is refused, and so
 * is an archive without one. The rest of each name is checked by the tree writer's one path rule.
 */
final class TopFolder {
    private String top;

    /**
     * Strips the top-level folder from an entry name.
     *
     * @param name the entry name as stored, a directory's possibly ending in {@code /}
     * @param directory whether the entry is a directory
     * @return the path below the folder; empty for the folder itself
     * @throws UnsafeArchiveException if the name is unsafe or lies outside the folder
     */
    Optional<String> strip(String name, boolean directory) {
        String n = directory && name.endsWith("/") ? name.substring(0, name.length() - 1) : name;
        TreePaths.check(n);
        int slash = n.indexOf('/');
        String first = slash < 0 ? n : n.substring(0, slash);
        if (top == null && (slash >= 0 || directory)) {
            top = first;
        }
        if (top == null || !top.equals(first)) {
            throw new UnsafeArchiveException("Refusing the archive: the entry \"" + TreePaths.printable(name)
                    + "\" lies " + (top == null ? "beside the archive's top-level folder"
                    : "outside its top-level folder \"" + TreePaths.printable(top) + "/\"") + "; a repository's"
                    + " source archive holds one folder with the whole tree. Check the URL style/template settings,"
                    + " or ask the host for a proper archive.");
        }
        return slash < 0 ? Optional.empty() : Optional.of(n.substring(slash + 1));
    }

    /**
     * Refuses an archive that named no top-level folder at all.
     *
     * @param subject the archive, for the message
     * @throws UnsafeArchiveException if no entry was seen
     */
    void requireSeen(String subject) {
        if (top == null) {
            throw new UnsafeArchiveException("Refusing the archive from " + subject + ": it holds no entries, not"
                    + " even the repository's top-level folder; the host sent an empty archive. Try again; if it"
                    + " persists, the host cannot archive this commit.");
        }
    }
}
