package io.jhub.fetch.https.internal;

import io.jhub.api.UnsafeArchiveException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

/**
 * Writes one tree into an empty target directory, never outside it. Called by the thread reading the archive,
 * which checks every entry (name, limits) before anything of it is written; small files are then written by a
 * {@link WriterPool} while reading goes on, larger ones by the reading thread itself. Directories are created by
 * the reading thread before any file in them is queued. Symbolic links are recorded in a {@link SymlinkPlan} and
 * only created by {@link #finish()}, after every file write has completed, so nothing is written through one.
 * {@link #close()} stops the writer threads; an extraction that fails closes the writer before it throws.
 */
public final class TreeWriter implements AutoCloseable {
    private final Path root;
    private final EntryBudget budget;
    private final SymlinkPlan links = new SymlinkPlan();
    private final WriterPool pool;
    private final FileSink sink;
    private Path lastDir;

    /**
     * Creates a writer with {@link ParallelWrites#defaults()} and starts its writer threads.
     *
     * @param target an existing, empty directory
     * @param limits the caps on entries and bytes
     * @throws IOException if the target cannot be resolved
     */
    public TreeWriter(Path target, ArchiveLimits limits) throws IOException {
        this(target, limits, ParallelWrites.defaults());
    }

    /**
     * Creates a writer and starts its writer threads.
     *
     * @param target an existing, empty directory
     * @param limits the caps on entries and bytes
     * @param parallel how many threads write and how much may wait for them
     * @throws IOException if the target cannot be resolved
     */
    public TreeWriter(Path target, ArchiveLimits limits, ParallelWrites parallel) throws IOException {
        this.root = target.toRealPath();
        this.lastDir = root;
        this.budget = new EntryBudget(limits);
        FileOutput output = new FileOutput(root);
        this.pool = new WriterPool(parallel.threads(), parallel.maxQueuedBytes(), output);
        this.sink = new FileSink(budget, output, pool, parallel.maxQueuedFile());
    }

    /**
     * Returns the entries counted so far.
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
     * Counts one archive entry against the limit; the extractors call it once per entry.
     *
     * @throws UnsafeArchiveException when the limit is passed
     */
    public void countEntry() {
        budget.countEntry();
    }

    /**
     * Creates a directory (and its parents).
     *
     * @param rel a path from {@link EntryNames#strip}
     * @throws IOException on a write failure
     */
    public void directory(String rel) throws IOException {
        Path dir = place(rel);
        FileOutput.createDirectories(dir, rel);
        lastDir = dir;
    }

    /**
     * Writes a regular file, counting its bytes against the limit before any of them is written.
     *
     * @param rel a path from {@link EntryNames#strip}
     * @param content the file's bytes; read to its end
     * @param executable whether to set the execute bits
     * @param size the size the archive declares, which {@code content} must not exceed; -1 if unknown
     * @throws IOException on a read or write failure, or one of an earlier file's write
     */
    public void file(String rel, InputStream content, boolean executable, long size) throws IOException {
        Path file = place(rel);
        Path parent = file.getParent();
        if (!parent.equals(lastDir)) {
            FileOutput.createDirectories(parent, rel);
            lastDir = parent;
        }
        sink.write(file, rel, content, executable, size);
    }

    /**
     * Reads and drops the data of an entry that is not written (a file beside the top-level folder), still
     * counting its bytes against the limit.
     *
     * @param content the entry's bytes; read to its end
     * @throws IOException on a read failure
     */
    public void discard(InputStream content) throws IOException {
        sink.discard(content);
    }

    /**
     * Registers a symbolic link, created in {@link #finish()}.
     *
     * @param rel a path from {@link EntryNames#strip}
     * @param target the link text, relative
     * @throws UnsafeArchiveException if the target is absolute or malformed, or the path is taken by a link
     */
    public void symlink(String rel, String target) {
        EntryNames.checkLinkTarget(rel, target);
        place(rel);
        links.add(rel, target);
    }

    /**
     * Writes a hard link as a copy of a file written earlier.
     *
     * @param rel a path from {@link EntryNames#strip}
     * @param existing the stripped path of the linked file
     * @throws IOException on a read or write failure
     */
    public void hardLink(String rel, String existing) throws IOException {
        awaitWrites();
        Path source = place(existing);
        if (links.isLink(existing) || !Files.isRegularFile(source, LinkOption.NOFOLLOW_LINKS)) {
            throw new UnsafeArchiveException("Refusing archive: the hard link \"" + EntryNames.printable(rel)
                    + "\" points to \"" + EntryNames.printable(existing) + "\", which is not a file written"
                    + " earlier from the same archive.");
        }
        boolean exec = Files.isExecutable(source);
        try (InputStream in = Files.newInputStream(source, LinkOption.NOFOLLOW_LINKS)) {
            file(rel, in, exec, -1);
        }
    }

    /**
     * Waits until every file is written, then creates the registered symbolic links and checks that each one
     * resolves inside the target.
     *
     * @throws UnsafeArchiveException if a link leads outside, loops, or collides with an entry
     * @throws IOException on a write failure, of a file or a link
     */
    public void finish() throws IOException {
        awaitWrites();
        links.createAll(root);
    }

    /** The most bytes that waited for the writer threads at once (see {@link WriterPool#peakQueuedBytes()}). */
    long peakQueuedBytes() {
        return pool.peakQueuedBytes();
    }

    /** Stops the writer threads, dropping what is still queued, and waits until none writes any more. */
    @Override
    public void close() {
        pool.close();
    }

    /** Waits until every queued file is written; throws the first write failure. */
    void awaitWrites() throws IOException {
        pool.awaitAll();
    }

    /** Returns where an entry goes; refuses one below a symbolic link of this archive or outside the root. */
    Path place(String rel) {
        links.checkNotBelowLink(rel);
        Path p = root.resolve(rel).normalize();
        if (!p.startsWith(root) || p.equals(root)) {
            throw new UnsafeArchiveException("Refusing archive: the entry \"" + EntryNames.printable(rel)
                    + "\" resolves outside the target directory.");
        }
        return p;
    }
}
