package io.jhub.fetch.https.internal;

import io.jhub.api.UnsafeArchiveException;
import java.io.IOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The symbolic links of one archive. They are only recorded while entries are written, and created by
 * {@link #createAll} once every file is on disk, so nothing is ever written through one; each is then resolved
 * step by step inside the tree (following the archive's own links) and the archive refused if one leads out.
 */
final class SymlinkPlan {
    private static final int MAX_LINK_HOPS = 40;

    private final Map<String, String> links = new LinkedHashMap<>();

    /** Records a link; the target text must already be checked. */
    void add(String rel, String target) {
        if (links.putIfAbsent(rel, target) != null) {
            throw FileOutput.conflict(rel);
        }
    }

    boolean isLink(String rel) {
        return links.containsKey(rel);
    }

    /** Refuses an entry below one of the recorded links. */
    void checkNotBelowLink(String rel) {
        if (links.isEmpty()) {
            return;
        }
        int slash = -1;
        while ((slash = rel.indexOf('/', slash + 1)) >= 0) {
            if (links.containsKey(rel.substring(0, slash))) {
                throw new UnsafeArchiveException("Refusing archive: the entry \"" + EntryNames.printable(rel)
                        + "\" would be written through the symbolic link \"" + rel.substring(0, slash)
                        + "\" of the same archive.");
            }
        }
    }

    /** Creates every link below {@code root}, then removes them all and refuses the archive if one leads out. */
    void createAll(Path root) throws IOException {
        for (Map.Entry<String, String> link : links.entrySet()) {
            Path at = root.resolve(link.getKey());
            try {
                FileOutput.createDirectories(at.getParent(), link.getKey());
                Files.createSymbolicLink(at, at.getFileSystem().getPath(link.getValue()));
            } catch (FileAlreadyExistsException | NotDirectoryException e) {
                throw FileOutput.conflict(link.getKey());
            }
        }
        for (Map.Entry<String, String> link : links.entrySet()) {
            if (!staysInside(root, link.getKey())) {
                for (String rel : links.keySet()) {
                    Files.deleteIfExists(root.resolve(rel));
                }
                throw new UnsafeArchiveException("Refusing archive: the symbolic link \""
                        + EntryNames.printable(link.getKey()) + "\" -> \"" + EntryNames.printable(link.getValue())
                        + "\" resolves outside the target directory (or loops). The archive or its host may be"
                        + " compromised.");
            }
        }
    }

    /** Follows a link component by component inside the tree; false when it climbs above the root or loops. */
    private boolean staysInside(Path root, String linkRel) throws IOException {
        Deque<String> todo = new ArrayDeque<>(Arrays.asList(links.get(linkRel).split("/")));
        List<String> at = new ArrayList<>(Arrays.asList(linkRel.split("/")));
        at.remove(at.size() - 1);
        int hops = 0;
        while (!todo.isEmpty()) {
            String s = todo.pollFirst();
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (at.isEmpty()) {
                    return false;
                }
                at.remove(at.size() - 1);
                continue;
            }
            at.add(s);
            Path p = root.resolve(String.join("/", at));
            if (Files.isSymbolicLink(p)) {
                if (++hops > MAX_LINK_HOPS) {
                    return false;
                }
                String text = Files.readSymbolicLink(p).toString();
                if (text.startsWith("/") || text.isEmpty()) {
                    return false;
                }
                at.remove(at.size() - 1);
                String[] parts = text.split("/");
                for (int i = parts.length - 1; i >= 0; i--) {
                    todo.addFirst(parts[i]);
                }
            }
        }
        return true;
    }
}
