package io.jhub.fetch.https.internal;

import io.jhub.api.UnsafeArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Writes one tree into an empty target directory, never outside it.
 *
 * <p>Symbolic links are only created in {@link #finish()}, after every file: while entries are written the tree
 * holds no link at all, so nothing can be written through one. Each link is then checked by resolving it step by
 * step inside the tree (following the links the archive made), and the whole archive is refused if one leads out.
 */
public final class TreeWriter {
    private static final int MAX_LINK_HOPS = 40;

    private final Path root;
    private final ArchiveLimits limits;
    private final Map<String, String> links = new LinkedHashMap<>();
    private final byte[] buffer = new byte[64 * 1024];
    private long entries;
    private long bytes;

    /**
     * Creates a writer.
     *
     * @param target an existing, empty directory
     * @param limits the caps on entries and bytes
     * @throws IOException if the target cannot be resolved
     */
    public TreeWriter(Path target, ArchiveLimits limits) throws IOException {
        this.root = target.toRealPath();
        this.limits = limits;
    }

    /**
     * Returns the entries written so far.
     *
     * @return the count
     */
    public long entries() {
        return entries;
    }

    /**
     * Returns the file bytes written so far.
     *
     * @return the count
     */
    public long bytes() {
        return bytes;
    }

    /**
     * Creates a directory.
     *
     * @param rel a path from {@link EntryNames#strip}
     * @throws IOException on a write failure
     */
    public void directory(String rel) throws IOException {
        Path dir = place(rel);
        if (Files.isSymbolicLink(dir) || Files.exists(dir, LinkOption.NOFOLLOW_LINKS)
                && !Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
            throw conflict(rel);
        }
        createDirectories(dir, rel);
    }

    /**
     * Writes a regular file, counting its bytes against the limit.
     *
     * @param rel a path from {@link EntryNames#strip}
     * @param content the file's bytes; read to its end
     * @param executable whether to set the execute bits
     * @throws IOException on a read or write failure
     */
    public void file(String rel, InputStream content, boolean executable) throws IOException {
        Path file = place(rel);
        createDirectories(file.getParent(), rel);
        try (OutputStream out = Files.newOutputStream(file, StandardOpenOption.CREATE_NEW,
                StandardOpenOption.WRITE)) {
            int n;
            while ((n = content.read(buffer)) >= 0) {
                countBytes(n);
                out.write(buffer, 0, n);
            }
        } catch (FileAlreadyExistsException e) {
            throw conflict(rel);
        }
        if (executable) {
            makeExecutable(file);
        }
    }

    /**
     * Reads and drops the data of an entry that is not written (a file beside the top-level folder), still
     * counting its bytes against the limit.
     *
     * @param content the entry's bytes; read to its end
     * @throws IOException on a read failure
     */
    public void discard(InputStream content) throws IOException {
        int n;
        while ((n = content.read(buffer)) >= 0) {
            countBytes(n);
        }
    }

    /**
     * Registers a symbolic link, created in {@link #finish()}.
     *
     * @param rel a path from {@link EntryNames#strip}
     * @param target the link text, relative
     * @throws UnsafeArchiveException if the target is absolute or malformed
     */
    public void symlink(String rel, String target) {
        EntryNames.checkLinkTarget(rel, target);
        place(rel);
        if (links.putIfAbsent(rel, target) != null) {
            throw conflict(rel);
        }
    }

    /**
     * Writes a hard link as a copy of a file written earlier.
     *
     * @param rel a path from {@link EntryNames#strip}
     * @param existing the stripped path of the linked file
     * @throws IOException on a read or write failure
     */
    public void hardLink(String rel, String existing) throws IOException {
        Path source = place(existing);
        if (links.containsKey(existing) || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("Refusing archive: the hard link \"" + EntryNames.printable(rel)
                    + "\" points to \"" + EntryNames.printable(existing) + "\", which is not a file written"
                    + " earlier from the same archive.");
        }
        boolean exec = Files.isExecutable(source);
        try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
            file(rel, in, exec);
        }
    }

    /**
     * Marks a file written earlier as executable (zip archives tell modes only at their end).
     *
     * @param rel the stripped path
     * @throws IOException on a failure
     */
    public void setExecutable(String rel) throws IOException {
        Path file = place(rel);
        if (Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
            makeExecutable(file);
        }
    }

    /**
     * Reads back and removes a small file that turned out to be a symbolic link (zip archives tell it only in
     * their central directory), and registers the link.
     *
     * @param rel the stripped path
     * @throws IOException on a failure
     */
    public void convertToSymlink(String rel) throws IOException {
        Path file = place(rel);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 4096) {
            throw new UnsafeArchiveException("Refusing archive: the symbolic link \"" + EntryNames.printable(rel)
                    + "\" has no target text or one longer than 4096 bytes.");
        }
        String target = Files.readString(file);
        Files.delete(file);
        symlink(rel, target);
    }

    /**
     * Creates the registered symbolic links and checks that each one resolves inside the target.
     *
     * @throws UnsafeArchiveException if a link leads outside, loops, or collides with an entry
     * @throws IOException on a write failure
     */
    public void finish() throws IOException {
        for (Map.Entry<String, String> link : links.entrySet()) {
            Path at = root.resolve(link.getKey());
            try {
                createDirectories(at.getParent(), link.getKey());
                Files.createSymbolicLink(at, at.getFileSystem().getPath(link.getValue()));
            } catch (FileAlreadyExistsException | java.nio.file.NotDirectoryException e) {
                throw conflict(link.getKey());
            }
        }
        for (Map.Entry<String, String> link : links.entrySet()) {
            if (!staysInside(link.getKey())) {
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
    private boolean staysInside(String linkRel) throws IOException {
        java.util.ArrayDeque<String> todo = new java.util.ArrayDeque<>();
        java.util.List<String> at = new java.util.ArrayList<>(java.util.List.of(linkRel.split("/")));
        for (String s : links.get(linkRel).split("/")) {
            todo.addLast(s);
        }
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

    /** Counts an entry and returns where it goes; refuses one below a symbolic link of this archive. */
    private Path place(String rel) {
        int slash = -1;
        while ((slash = rel.indexOf('/', slash + 1)) >= 0) {
            if (links.containsKey(rel.substring(0, slash))) {
                throw new UnsafeArchiveException("Refusing archive: the entry \"" + EntryNames.printable(rel)
                        + "\" would be written through the symbolic link \"" + rel.substring(0, slash)
                        + "\" of the same archive.");
            }
        }
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new UnsafeArchiveException("Refusing archive: the entry \"" + EntryNames.printable(rel)
                    + "\" resolves outside the target directory.");
        }
        return p;
    }

    /**
     * Counts one archive entry against the limit; the extractors call it once per entry.
     *
     * @throws UnsafeArchiveException when the limit is passed
     */
    public void countEntry() {
        if (++entries > limits.maxEntries()) {
            throw new UnsafeArchiveException("Refusing archive: it holds more than " + limits.maxEntries()
                    + " entries (setting https.maxEntries); raise the limit if the repository is really that large.");
        }
    }

    private void countBytes(int n) {
        bytes += n;
        if (bytes > limits.maxBytes()) {
            throw new UnsafeArchiveException("Refusing archive: it expands to more than " + limits.maxBytes()
                    + " bytes (setting https.maxBytes); raise the limit if the repository is really that large.");
        }
    }

    private static void makeExecutable(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view != null) {
            view.setPermissions(PosixFilePermissions.fromString("rwxr-xr-x"));
        }
    }

    /**
     * Creates a directory and its parents; an entry whose parent is a file already written is a conflict
     * (Linux reports that as a plain FileSystemException "Not a directory", not a NotDirectoryException).
     */
    private static void createDirectories(Path dir, String rel) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (java.nio.file.FileSystemException e) {
            for (Path p = dir; p != null; p = p.getParent()) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        throw conflict(rel);
                    }
                    break;
                }
            }
            throw e;
        }
    }

    private static UnsafeArchiveException conflict(String rel) {
        return new UnsafeArchiveException("Refusing archive: the entry \"" + EntryNames.printable(rel)
                + "\" appears twice or collides with a file, directory or link of the same archive.");
    }
}
