package io.jhub.git;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.internal.EntryBudget;
import io.jhub.git.internal.FileOutput;
import io.jhub.git.internal.FileSink;
import io.jhub.git.internal.LinkPlan;
import io.jhub.git.internal.ParallelWrites;
import io.jhub.git.internal.TreeIndex;
import io.jhub.git.internal.WriterPool;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/**
 * The one safe writer of a fetched tree, fed entry by entry by every fetcher (an archive's entries over HTTPS, a
 * pack's tree objects over SSH), so a tree gets the same verdict whatever brought it. It writes into an empty
 * directory and never outside it:
 * <ul>
 * <li>every path passes {@link TreePaths#check} (no {@code ..}, no absolute or drive paths, no {@code .git});</li>
 * <li>a path appears once: the same file twice, or a file, directory or link of one name, is refused, and so is
 *     an entry below a file or below a symbolic link of the tree;</li>
 * <li><b>case collisions are refused</b>: two paths that differ only in upper and lower case (or in Unicode
 *     normalisation), such as {@code A} and {@code a}, would be one file on Windows and macOS, so the same commit
 *     would give different trees on different machines, and which of the two survived would depend on the order
 *     of entries; jhub refuses such a tree on every file system;</li>
 * <li>symbolic links follow one lexical rule: a link's target is resolved from its directory and refused if it
 *     is empty, absolute, holds a backslash or drive prefix, leaves the tree, applies {@code ..} after a
 *     component that is itself a link, or loops (a self-link included); links are created only by
 *     {@link #finish()}, after every file is written, so nothing is ever written through one;</li>
 * <li>the entry count and the file bytes are capped by {@link TreeLimits}; a file's declared size is checked
 *     before anything of it is written, its bytes as they are read.</li>
 * </ul>
 * A refusal is an {@link UnsafeArchiveException} naming the entry and the rule. Small files are written by a few
 * writer threads while the caller goes on reading (measured to matter on slow file systems), larger ones by the
 * calling thread. The writer is used by one thread; {@link #close()} stops its threads, and a caller that fails
 * closes the writer before it throws. The caller owns the target directory and deletes it when a write fails.
 *
 * @since 0.2
 */
public final class TreeWriter implements AutoCloseable {
    private final Path root;
    private final EntryBudget budget;
    private final TreeIndex index = new TreeIndex();
    private final LinkPlan links = new LinkPlan();
    private final WriterPool pool;
    private final FileSink sink;
    private Path lastDir;

    /**
     * Creates a writer and starts its writer threads.
     *
     * @param target an existing, empty directory
     * @param limits the caps on entries and bytes
     * @throws IOException if the target cannot be resolved
     */
    public TreeWriter(Path target, TreeLimits limits) throws IOException {
        this(target, limits, ParallelWrites.defaults());
    }

    TreeWriter(Path target, TreeLimits limits, ParallelWrites parallel) throws IOException {
        this.root = Objects.requireNonNull(target, "target").toRealPath();
        this.lastDir = root;
        this.budget = new EntryBudget(Objects.requireNonNull(limits, "limits"));
        FileOutput output = new FileOutput(root);
        this.pool = new WriterPool(parallel.threads(), parallel.maxQueuedBytes(), output);
        this.sink = new FileSink(budget, output, pool, parallel.maxQueuedFile());
    }

    /**
     * Returns the entries written so far.
     *
     * @return the count
     */
    public long entries() {
        return budget.entries();
    }

    /**
     * Returns the file bytes read so far (all of them written once {@link #finish()} returned).
     *
     * @return the count
     */
    public long bytes() {
        return budget.bytes();
    }

    /**
     * Creates a directory (and its parents).
     *
     * @param rel the path below the tree's root, {@code /}-separated
     * @throws UnsafeArchiveException if the path is unsafe or taken, or the entry limit is passed
     * @throws IOException on a write failure
     */
    public void directory(String rel) throws IOException {
        index.add(rel, TreeIndex.Kind.DIR);
        budget.countEntry(rel);
        Path dir = root.resolve(rel);
        FileOutput.createDirectories(dir, rel);
        lastDir = dir;
    }

    /**
     * Writes a regular file, checking its declared size against the byte limit before any of it is written.
     *
     * @param rel the path below the tree's root
     * @param content the file's bytes; read to its end
     * @param executable whether to set the execute bits
     * @param size the size its source declares, which {@code content} must not exceed; -1 if unknown
     * @throws UnsafeArchiveException if the path is unsafe or taken, or a limit is passed
     * @throws IOException on a read or write failure, or one of an earlier file's write
     */
    public void file(String rel, InputStream content, boolean executable, long size) throws IOException {
        Objects.requireNonNull(content, "content");
        index.add(rel, TreeIndex.Kind.FILE);
        budget.countEntry(rel);
        Path file = root.resolve(rel);
        Path parent = file.getParent();
        if (!parent.equals(lastDir)) {
            FileOutput.createDirectories(parent, rel);
            lastDir = parent;
        }
        sink.write(file, rel, content, executable, size);
    }

    /**
     * Registers a symbolic link, created by {@link #finish()} once every link of the tree is known and checked.
     *
     * @param rel the path below the tree's root
     * @param target the link text
     * @throws UnsafeArchiveException if the path is unsafe or taken, the target malformed, or the entry limit passed
     */
    public void symlink(String rel, String target) {
        Objects.requireNonNull(target, "target");
        index.add(rel, TreeIndex.Kind.LINK);
        budget.countEntry(rel);
        links.add(rel, target);
    }

    /**
     * Writes a hard link as a copy of a file written earlier by this writer.
     *
     * @param rel the path below the tree's root
     * @param existing the path of the linked file
     * @throws UnsafeArchiveException if either path is unsafe, or {@code existing} is no file of this tree
     * @throws IOException on a read or write failure
     */
    public void hardLink(String rel, String existing) throws IOException {
        Objects.requireNonNull(existing, "existing");
        if (index.kind(existing) != TreeIndex.Kind.FILE) {
            throw new UnsafeArchiveException("Refusing the tree: the hard link \"" + TreePaths.printable(rel)
                    + "\" points to \"" + TreePaths.printable(existing) + "\", which is no file written earlier in"
                    + " the same tree. Ask the repository's host for a proper archive.");
        }
        pool.awaitAll();
        Path source = root.resolve(existing);
        try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
            file(rel, in, Files.isExecutable(source), Files.size(source));
        }
    }

    /**
     * Sets the execute bits of a file written earlier, where it is readable (a zip tells modes only at its end).
     *
     * @param rel a file written by this writer
     * @throws IllegalArgumentException if {@code rel} is no file of this tree
     * @throws IOException on a write failure
     */
    public void makeExecutable(String rel) throws IOException {
        Path file = writtenFile(rel);
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null) {
            return;
        }
        Set<PosixFilePermission> perms = EnumSet.noneOf(PosixFilePermission.class);
        perms.addAll(view.readAttributes().permissions());
        perms.add(PosixFilePermission.OWNER_EXECUTE);
        if (perms.contains(PosixFilePermission.GROUP_READ)) {
            perms.add(PosixFilePermission.GROUP_EXECUTE);
        }
        if (perms.contains(PosixFilePermission.OTHERS_READ)) {
            perms.add(PosixFilePermission.OTHERS_EXECUTE);
        }
        view.setPermissions(perms);
    }

    /**
     * Turns a file written earlier into a symbolic link whose target is the file's content (a zip stores links so,
     * and tells which entries are links only at its end). The link is checked and created as by
     * {@link #symlink}.
     *
     * @param rel a file written by this writer
     * @throws UnsafeArchiveException if the content is no acceptable link target
     * @throws IllegalArgumentException if {@code rel} is no file of this tree
     * @throws IOException on a read or write failure
     */
    public void turnIntoSymlink(String rel) throws IOException {
        Path file = writtenFile(rel);
        if (Files.size(file) > LinkPlan.MAX_TARGET) {
            throw new UnsafeArchiveException("Refusing the tree: the symbolic link \"" + TreePaths.printable(rel)
                    + "\" has a target longer than " + LinkPlan.MAX_TARGET + " bytes. Ask the repository's owner to"
                    + " fix the link.");
        }
        String target = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
        Files.delete(file);
        index.fileBecomesLink(rel);
        links.add(rel, target);
    }

    /**
     * Waits until every file is written, then checks every symbolic link and creates them.
     *
     * @throws UnsafeArchiveException if a link leads outside, loops, or collides with an entry
     * @throws IOException on a write failure, of a file or a link
     */
    public void finish() throws IOException {
        pool.awaitAll();
        links.createAll(root);
    }

    /** Returns the most bytes that waited for the writer threads at once, for tests. */
    long peakQueuedBytes() {
        return pool.peakQueuedBytes();
    }

    /** Stops the writer threads, dropping what is still queued, and waits until none writes any more. */
    @Override
    public void close() {
        pool.close();
    }

    private Path writtenFile(String rel) throws IOException {
        if (index.kind(rel) != TreeIndex.Kind.FILE) {
            throw new IllegalArgumentException("not a file written by this writer: " + TreePaths.printable(rel));
        }
        pool.awaitAll();
        return root.resolve(rel);
    }
}
