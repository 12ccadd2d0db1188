package io.jhub.git.pack;

import io.jhub.api.GitProtocolException;
import io.jhub.git.TreePaths;
import io.jhub.git.TreeWriter;
import io.jhub.git.attributes.AttributeRules;
import io.jhub.git.attributes.BlobConversion;
import io.jhub.git.attributes.CommitInfo;
import io.jhub.git.attributes.EntryKind;
import io.jhub.git.attributes.ExportFilter;
import io.jhub.git.attributes.ExportOptions;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * Walks a commit's tree in a received pack and hands every entry to the shared {@link TreeWriter}, which decides
 * what is safe: regular and executable files, directories, submodules as empty directories, symbolic links.
 * On the way it applies the tree's {@code .gitattributes} export rules ({@code export-ignore},
 * {@code export-subst}, {@code ident}, end-of-line conversion) through {@link ExportFilter}, so the tree equals
 * what {@code git archive} of the commit holds, which is what the HTTPS fetcher receives from a host. This class
 * only reads git objects; it checks nothing about names or links itself.
 */
public final class TreeWalk {
    /** Read at most this much of a link's blob: the writer refuses longer targets anyway. */
    private static final int MAX_LINK_READ = 4097;
    private final PackObjects objects;
    private final long maxBytes;

    /**
     * Creates a walk over a pack's objects.
     *
     * @param objects the verified objects
     * @param maxBytes the most bytes one converted file may grow to (the tree's byte limit)
     */
    public TreeWalk(PackObjects objects, long maxBytes) {
        this.objects = objects;
        this.maxBytes = maxBytes;
    }

    /** A directory still to write, with the rules of its parent (none for the root). */
    private record Dir(byte[] treeId, String rel, String name, Optional<AttributeRules> parent) {
    }

    /** One entry of a tree object. */
    private record Entry(String mode, String name, byte[] id) {
        EntryKind kind() {
            return switch (mode) {
                case "40000", "040000" -> EntryKind.DIRECTORY;
                case "160000" -> EntryKind.GITLINK;
                case "120000" -> EntryKind.SYMLINK;
                default -> EntryKind.FILE;
            };
        }
    }

    /**
     * Writes the tree of a commit.
     *
     * @param commitId the commit, 40 hex digits; must be in the pack
     * @param writer the writer of the target tree; {@link TreeWriter#finish()} is called at the end
     * @param progress receives the number of entries written now and then
     * @throws GitProtocolException if an object is missing or malformed
     * @throws io.jhub.api.UnsafeArchiveException if the writer refuses an entry, or a converted file outgrows
     *         the byte limit
     * @throws IOException if writing fails
     */
    public void write(String commitId, TreeWriter writer, LongConsumer progress) throws IOException {
        int commit = objects.find(commitId);
        if (commit < 0 || objects.type(commit) != ObjectType.COMMIT) {
            throw new GitProtocolException("The server's pack does not contain the commit " + commitId
                    + (commit < 0 ? "" : " (that id is a " + ObjectType.name(objects.type(commit)) + ")") + ".");
        }
        CommitInfo info = CommitInfo.parse(commitId, objects.read(commit));
        ExportFilter filter = new ExportFilter(info, ExportOptions.defaults(maxBytes));
        ArrayDeque<Dir> todo = new ArrayDeque<>();
        todo.push(new Dir(ObjectType.parseId(info.tree()), "", "", Optional.empty()));
        while (!todo.isEmpty()) {
            writeTree(todo.pop(), writer, filter, todo);
            progress.accept(writer.entries());
        }
        writer.finish();
    }

    private void writeTree(Dir d, TreeWriter writer, ExportFilter filter, ArrayDeque<Dir> todo) throws IOException {
        List<Entry> entries = entries(d);
        Optional<byte[]> attributes = attributesOf(entries, d.rel);
        AttributeRules rules = d.parent.isPresent() ? d.parent.get().descend(d.name, attributes)
                : AttributeRules.root(attributes);
        for (Entry e : entries) {
            EntryKind kind = e.kind();
            if (rules.exportIgnored(e.name, kind)) {
                continue;
            }
            String rel = d.rel.isEmpty() ? e.name : d.rel + "/" + e.name;
            switch (kind) {
                case DIRECTORY -> {
                    writer.directory(rel);
                    todo.push(new Dir(e.id, rel, e.name, Optional.of(rules)));
                }
                case GITLINK -> writer.directory(rel);
                case SYMLINK -> {
                    int blob = require(e.id, ObjectType.BLOB, rel);
                    try (InputStream in = objects.open(blob)) {
                        writer.symlink(rel, new String(in.readNBytes(MAX_LINK_READ), StandardCharsets.UTF_8));
                    }
                }
                case FILE -> writeFile(e, rel, rules, filter, writer);
                default -> throw new IllegalStateException(kind.toString());
            }
        }
    }

    private void writeFile(Entry e, String rel, AttributeRules rules, ExportFilter filter, TreeWriter writer)
            throws IOException {
        if (!e.mode.equals("100644") && !e.mode.equals("100664") && !e.mode.equals("100755")) {
            throw new GitProtocolException("Unknown file mode " + e.mode + " for \"" + TreePaths.printable(rel)
                    + "\".");
        }
        int blob = require(e.id, ObjectType.BLOB, rel);
        boolean executable = e.mode.equals("100755");
        BlobConversion conversion = filter.conversion(rules, e.name, EntryKind.FILE, objects.size(blob));
        if (conversion.needsFilter()) {
            byte[] converted = conversion.apply(objects.read(blob), ObjectType.hex(e.id, 0, 20));
            writer.file(rel, new ByteArrayInputStream(converted), executable, converted.length);
        } else {
            try (InputStream in = objects.open(blob)) {
                writer.file(rel, in, executable, objects.size(blob));
            }
        }
    }

    /** The directory's {@code .gitattributes} (git reads it even when it is a symbolic link's blob). */
    private Optional<byte[]> attributesOf(List<Entry> entries, String dirRel) throws IOException {
        for (Entry e : entries) {
            if (e.name.equals(".gitattributes") && (e.kind() == EntryKind.FILE || e.kind() == EntryKind.SYMLINK)) {
                int blob = require(e.id, ObjectType.BLOB, dirRel.isEmpty() ? e.name : dirRel + "/" + e.name);
                return objects.size(blob) >= AttributeRules.MAX_FILE_SIZE ? Optional.empty()
                        : Optional.of(objects.read(blob));
            }
        }
        return Optional.empty();
    }

    private List<Entry> entries(Dir d) throws IOException {
        byte[] tree = objects.read(require(d.treeId, ObjectType.TREE, d.rel.isEmpty() ? "/" : d.rel));
        List<Entry> out = new ArrayList<>();
        int p = 0;
        while (p < tree.length) {
            int sp = indexOf(tree, (byte) ' ', p);
            int nul = sp < 0 ? -1 : indexOf(tree, (byte) 0, sp + 1);
            if (sp < 0 || nul < 0 || nul + 21 > tree.length) {
                throw new GitProtocolException("Malformed tree object for \"" + TreePaths.printable(d.rel) + "\".");
            }
            out.add(new Entry(new String(tree, p, sp - p, StandardCharsets.US_ASCII),
                    new String(tree, sp + 1, nul - sp - 1, StandardCharsets.UTF_8),
                    Arrays.copyOfRange(tree, nul + 1, nul + 21)));
            p = nul + 21;
        }
        return out;
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
