package io.jhub.fetch.ssh.internal.pack;

import io.jhub.api.GitProtocolException;
import io.jhub.git.TreePaths;
import io.jhub.git.TreeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.function.LongConsumer;

/**
 * Walks a commit's tree in a received pack and hands every entry to the shared {@link TreeWriter}, which decides
 * what is safe: regular and executable files, directories, submodules as empty directories, symbolic links.
 * This class only reads git objects; it checks nothing about names or links itself.
 */
public final class TreeWalk {
    /** Read at most this much of a link's blob: the writer refuses longer targets anyway. */
    private static final int MAX_LINK_READ = 4097;
    private final PackObjects objects;

    /**
     * Creates a walk over a pack's objects.
     *
     * @param objects the verified objects
     */
    public TreeWalk(PackObjects objects) {
        this.objects = objects;
    }

    private record Dir(byte[] treeId, String rel) {
    }

    /**
     * Writes the tree of a commit.
     *
     * @param commitId the commit, 40 hex digits; must be in the pack
     * @param writer the writer of the target tree; {@link TreeWriter#finish()} is called at the end
     * @param progress receives the number of entries written now and then
     * @throws GitProtocolException if an object is missing or malformed
     * @throws io.jhub.api.UnsafeArchiveException if the writer refuses an entry
     * @throws IOException if writing fails
     */
    public void write(String commitId, TreeWriter writer, LongConsumer progress) throws IOException {
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
        todo.push(new Dir(ObjectType.parseId(text.substring(5, 45)), ""));
        while (!todo.isEmpty()) {
            writeTree(todo.pop(), writer, todo);
            progress.accept(writer.entries());
        }
        writer.finish();
    }

    private void writeTree(Dir d, TreeWriter writer, ArrayDeque<Dir> todo) throws IOException {
        byte[] tree = objects.read(require(d.treeId, ObjectType.TREE, d.rel.isEmpty() ? "/" : d.rel));
        int p = 0;
        while (p < tree.length) {
            int sp = indexOf(tree, (byte) ' ', p);
            int nul = sp < 0 ? -1 : indexOf(tree, (byte) 0, sp + 1);
            if (sp < 0 || nul < 0 || nul + 21 > tree.length) {
                throw new GitProtocolException("Malformed tree object for \"" + TreePaths.printable(d.rel) + "\".");
            }
            String mode = new String(tree, p, sp - p, StandardCharsets.US_ASCII);
            String name = new String(tree, sp + 1, nul - sp - 1, StandardCharsets.UTF_8);
            byte[] id = Arrays.copyOfRange(tree, nul + 1, nul + 21);
            p = nul + 21;
            String rel = d.rel.isEmpty() ? name : d.rel + "/" + name;
            switch (mode) {
                case "40000", "040000" -> {
                    writer.directory(rel);
                    todo.push(new Dir(id, rel));
                }
                case "100644", "100664", "100755" -> {
                    int blob = require(id, ObjectType.BLOB, rel);
                    try (InputStream in = objects.open(blob)) {
                        writer.file(rel, in, mode.equals("100755"), objects.size(blob));
                    }
                }
                case "120000" -> {
                    int blob = require(id, ObjectType.BLOB, rel);
                    try (InputStream in = objects.open(blob)) {
                        writer.symlink(rel, new String(in.readNBytes(MAX_LINK_READ), StandardCharsets.UTF_8));
                    }
                }
                case "160000" -> writer.directory(rel);
                default -> throw new GitProtocolException("Unknown file mode " + mode + " for \""
                        + TreePaths.printable(rel) + "\".");
            }
        }
    }

    private int require(byte[] id, int type, String rel) {
        int i = objects.find(id);
        if (i < 0) {
            throw new GitProtocolException("The server's pack lacks the object " + ObjectType.hex(id, 0, 20)
                    + " for \"" + TreePaths.printable(rel) + "\"; the pack is incomplete.");
        }
        if (objects.type(i) != type) {
            throw new GitProtocolException("The object " + ObjectType.hex(id, 0, 20) + " for \""
                    + TreePaths.printable(rel) + "\" is a " + ObjectType.name(objects.type(i)) + ", expected a "
                    + ObjectType.name(type) + ".");
        }
        return i;
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
