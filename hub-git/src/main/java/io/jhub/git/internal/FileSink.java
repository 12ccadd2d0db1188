package io.jhub.git.internal;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.TreePaths;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Takes one file entry's bytes, counting them against the limits before any is written: the declared size first,
 * then the bytes read. A small file is read into memory and queued on the {@link WriterPool}, a larger one (or one
 * of unknown size that turns out larger) is streamed to disk by the calling thread. Used by that one thread only.
 */
public final class FileSink {
    private final EntryBudget budget;
    private final FileOutput output;
    private final WriterPool pool;
    private final int maxQueuedFile;
    private final byte[] buffer = new byte[64 * 1024];
    private byte[] head = new byte[0];

    /**
     * Creates the sink.
     *
     * @param budget the limits, shared with the writer
     * @param output how files are created
     * @param pool the writer threads
     * @param maxQueuedFile the largest file that is queued
     */
    public FileSink(EntryBudget budget, FileOutput output, WriterPool pool, int maxQueuedFile) {
        this.budget = budget;
        this.output = output;
        this.pool = pool;
        this.maxQueuedFile = maxQueuedFile;
    }

    /**
     * Writes a new file whose parent directory exists.
     *
     * @param file where
     * @param rel its entry, for messages
     * @param content its bytes, read to the end
     * @param executable whether to set the execute bits
     * @param size the size the source declares, or -1; the content must not exceed it
     * @throws IOException on a read or write failure
     */
    public void write(Path file, String rel, InputStream content, boolean executable, long size) throws IOException {
        budget.checkDeclared(rel, size);
        if (size >= 0 && size <= maxQueuedFile) {
            byte[] data = new byte[(int) size];
            int n = content.readNBytes(data, 0, data.length);
            budget.countBytes(rel, n);
            if (content.read() >= 0) {
                throw longerThanDeclared(rel, size);
            }
            pool.submit(file, rel, n == data.length ? data : Arrays.copyOf(data, n), executable);
            return;
        }
        int n = 0;
        if (size < 0) {
            head = head.length > maxQueuedFile ? head : new byte[maxQueuedFile + 1];
            n = content.readNBytes(head, 0, maxQueuedFile + 1);
            budget.countBytes(rel, n);
            if (n <= maxQueuedFile) {
                pool.submit(file, rel, Arrays.copyOf(head, n), executable);
                return;
            }
        }
        long total = n;
        try (FileChannel out = output.create(file, rel, executable)) {
            FileOutput.writeFully(out, head, n);
            int r;
            while ((r = content.read(buffer)) >= 0) {
                total += r;
                if (size >= 0 && total > size) {
                    throw longerThanDeclared(rel, size);
                }
                budget.countBytes(rel, r);
                FileOutput.writeFully(out, buffer, r);
            }
        }
    }

    private static UnsafeArchiveException longerThanDeclared(String rel, long size) {
        return new UnsafeArchiveException("Refusing the tree: the file \"" + TreePaths.printable(rel) + "\" holds"
                + " more than the " + size + " bytes its header declares; the source is corrupt or hostile. Try"
                + " again; if it persists, report it to the host.");
    }
}
