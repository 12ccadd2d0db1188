package io.jhub.fetch.https.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Takes one file entry's bytes from the archive, counting them against the limits before any is written: a small
 * file is read into memory and queued on the {@link WriterPool}, a larger one (or one that turns out larger than
 * its header said it would be) is streamed to disk by the calling thread. Used by that one thread only.
 */
final class FileSink {
    private final EntryBudget budget;
    private final FileOutput output;
    private final WriterPool pool;
    private final int maxQueuedFile;
    private final byte[] buffer = new byte[64 * 1024];
    private byte[] head = new byte[0];

    FileSink(EntryBudget budget, FileOutput output, WriterPool pool, int maxQueuedFile) {
        this.budget = budget;
        this.output = output;
        this.pool = pool;
        this.maxQueuedFile = maxQueuedFile;
    }

    /** Writes a new file whose parent directory exists; {@code size} is what the archive declares, or -1. */
    void write(Path file, String rel, InputStream content, boolean executable, long size) throws IOException {
        if (size >= 0 && size <= maxQueuedFile) {
            byte[] data = new byte[(int) size];
            int n = content.readNBytes(data, 0, data.length);
            budget.countBytes(n);
            if (content.read() >= 0) {
                throw new ArchiveStream.CorruptArchiveException(new IOException("the entry "
                        + EntryNames.printable(rel) + " holds more than the " + size + " bytes its header declares"));
            }
            pool.submit(file, rel, n == data.length ? data : Arrays.copyOf(data, n), executable);
            return;
        }
        int n = 0;
        if (size < 0) {
            head = head.length > maxQueuedFile ? head : new byte[maxQueuedFile + 1];
            n = content.readNBytes(head, 0, maxQueuedFile + 1);
            budget.countBytes(n);
            if (n <= maxQueuedFile) {
                pool.submit(file, rel, Arrays.copyOf(head, n), executable);
                return;
            }
        }
        try (FileChannel out = output.create(file, rel, executable)) {
            FileOutput.writeFully(out, head, n);
            int r;
            while ((r = content.read(buffer)) >= 0) {
                budget.countBytes(r);
                FileOutput.writeFully(out, buffer, r);
            }
        }
    }

    /** Reads and drops an entry's bytes, still counting them against the limit. */
    void discard(InputStream content) throws IOException {
        int n;
        while ((n = content.read(buffer)) >= 0) {
            budget.countBytes(n);
        }
    }
}
