package io.jhub.fetch.ssh.internal.pack;

import io.jhub.api.GitProtocolException;
import io.jhub.api.UnsafeArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Writes a commit's tree into an empty directory: regular and executable files, directories, submodules as
 * empty directories, and symbolic links last, each only if it resolves inside the tree. Never writes outside
 * the target and never follows a link while writing.
 */
public final class TreeWriter {
    private static final long MAX_LINK_TARGET = 4096;
    private final PackObjects objects;
    private final long maxEntries;
    private final long maxBytes;
    private final List<String[]> links = new ArrayList<>();
    private final Set<String> linkPaths = new HashSet<>();
    private long entries;
    private long bytes;

    /**
     * Creates a writer.
     *
     * @param objects the verified objects
     * @param maxEntries the most files, directories and links to write
     * @param maxBytes the most file bytes to write
     */
    public TreeWriter(PackObjects objects, long maxEntries, long maxBytes) {
        this.objects = objects;
        this.maxEntries = maxEntries;
        this.maxBytes = maxBytes;
    }

    private record Dir(byte[] treeId, Path path, String rel) {
    }

    /**
     * Writes the tree of a commit.
     *
     * @param commitId the commit, 40 hex digits; must be in the pack
     * @param target an existing empty directory
     * @param progress receives the number of entries written now and then
     * @throws GitProtocolException if an object is missing or malformed
     * @throws UnsafeArchiveException if an entry name or link would escape the target, or limits are exceeded
     * @throws IOException if writing fails
     */
    public void write(String commitId, Path target, LongConsumer progress) throws IOException {
        int commit = objects.find(commitId);
        if (commit < 0 || objects.type(commit) != ObjectType.COMMIT) {
            throw new GitProtocolException("The server's pack does not contain the commit " + commitId
                    + (commit < 0 ? "" : " (that id is a " + ObjectType.name(objects.type(commit)) + ")") + ".");
        }
        String text = new String(objects.read(commit), StandardCharsets.UTF_8);
        if (!text.startsWith("tree ") || text.length() < 45) {
            throw new GitProtocolException("The commit " + commitId + " does not start with a tree line.");
        }
        ArrayDeque<Dir> todo = new ArrayDeque<>();
        todo.push(new Dir(ObjectType.parseId(text.substring(5, 45)), target, ""));
        while (!todo.isEmpty()) {
            Dir d = todo.pop();
            writeTree(d, todo);
            progress.accept(entries);
        }
        for (String[] link : links) {
            writeLink(target, link[0], link[1]);
        }
    }

    private void writeTree(Dir d, ArrayDeque<Dir> todo) throws IOException {
        byte[] tree = objects.read(require(d.treeId, ObjectType.TREE, d.rel.isEmpty() ? "/" : d.rel));
        int p = 0;
        while (p < tree.length) {
            int sp = indexOf(tree, (byte) ' ', p);
            int nul = sp < 0 ? -1 : indexOf(tree, (byte) 0, sp + 1);
            if (sp < 0 || nul < 0 || nul + 21 > tree.length) {
                throw new GitProtocolException("Malformed tree object for \"" + d.rel + "\".");
            }
            String mode = new String(tree, p, sp - p, StandardCharsets.US_ASCII);
            String name = new String(tree, sp + 1, nul - sp - 1, StandardCharsets.UTF_8);
            byte[] id = Arrays.copyOfRange(tree, nul + 1, nul + 21);
            p = nul + 21;
            String rel = d.rel.isEmpty() ? name : d.rel + "/" + name;
            checkName(name, rel);
            if (++entries > maxEntries) {
                throw new UnsafeArchiveException("The tree has more than " + maxEntries + " entries; refusing to "
                        + "write more (limit jhub's MAX_ARCHIVE_ENTRIES).");
            }
            Path path = d.path.resolve(name);
            switch (mode) {
                case "40000", "040000" -> {
                    Files.createDirectory(path);
                    todo.push(new Dir(id, path, rel));
                }
                case "100644", "100664", "100755" -> writeFile(id, path, rel, mode.equals("100755"));
                case "120000" -> {
                    int blob = require(id, ObjectType.BLOB, rel);
                    if (objects.size(blob) > MAX_LINK_TARGET) {
                        throw new UnsafeArchiveException("Refusing the symbolic link \"" + rel + "\": its target is "
                                + objects.size(blob) + " bytes long (at most " + MAX_LINK_TARGET + " allowed).");
                    }
                    String linkTarget = new String(objects.read(blob), StandardCharsets.UTF_8);
                    links.add(new String[] {rel, linkTarget});
                    linkPaths.add(rel);
                }
                case "160000" -> Files.createDirectory(path);
                default -> throw new GitProtocolException("Unknown file mode " + mode + " for \"" + rel + "\".");
            }
        }
    }

    private void writeFile(byte[] id, Path path, String rel, boolean executable) throws IOException {
        int i = require(id, ObjectType.BLOB, rel);
        bytes += objects.size(i);
        if (bytes > maxBytes) {
            throw new UnsafeArchiveException("The tree's files add up to more than " + maxBytes + " bytes; "
                    + "refusing to write more (limit jhub's MAX_ARCHIVE_BYTES).");
        }
        try (InputStream in = objects.open(i); OutputStream out = Files.newOutputStream(path,
                StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE, LinkOption.NOFOLLOW_LINKS)) {
            in.transferTo(out);
        }
        if (executable) {
            try {
                Files.setPosixFilePermissions(path, PosixFilePermissions.fromString("rwxr-xr-x"));
            } catch (UnsupportedOperationException e) {
                path.toFile().setExecutable(true);
            }
        }
    }

    private int require(byte[] id, int type, String rel) {
        int i = objects.find(id);
        if (i < 0) {
            throw new GitProtocolException("The server's pack lacks the object " + ObjectType.hex(id, 0, 20)
                    + " for \"" + rel + "\"; the pack is incomplete.");
        }
        if (objects.type(i) != type) {
            throw new GitProtocolException("The object " + ObjectType.hex(id, 0, 20) + " for \"" + rel + "\" is a "
                    + ObjectType.name(objects.type(i)) + ", expected a " + ObjectType.name(type) + ".");
        }
        return i;
    }

    private static void checkName(String name, String rel) {
        if (name.isEmpty() || name.equals(".") || name.equals("..") || name.indexOf('/') >= 0
                || name.indexOf('\0') >= 0 || name.toLowerCase(Locale.ROOT).equals(".git")) {
            throw new UnsafeArchiveException("Refusing the tree entry \"" + rel + "\": the name \"" + name
                    + "\" could write outside the target or into a .git directory.");
        }
    }

    private void writeLink(Path target, String rel, String linkTarget) throws IOException {
        if (!LinkCheck.staysInside(rel, linkTarget, linkPaths)) {
            throw new UnsafeArchiveException("Refusing the symbolic link \"" + rel + "\" -> \"" + linkTarget
                    + "\": it points outside the repository's tree. jhub only writes links that stay inside it.");
        }
        Files.createSymbolicLink(target.resolve(rel), Path.of(linkTarget));
    }

    private static int indexOf(byte[] b, byte v, int from) {
        for (int i = from; i < b.length; i++) {
            if (b[i] == v) {
                return i;
            }
        }
        return -1;
    }
}
