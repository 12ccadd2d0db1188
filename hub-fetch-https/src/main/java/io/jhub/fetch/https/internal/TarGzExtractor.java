package io.jhub.fetch.https.internal;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.api.spi.Resolution;
import io.jhub.git.TreePaths;
import io.jhub.git.TreeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts a gzip-compressed tar while it streams in ({@link TarReader}); keeps modes and symbolic links. A tar
 * must end with its end-of-archive marker and the gzip with its trailer, so a download cut anywhere is never
 * installed.
 */
final class TarGzExtractor {
    private TarGzExtractor() {
    }

    static ExtractResult extract(InputStream body, Runnable abortBody, TreeWriter writer, EntryCounter progress,
            String subject) throws IOException {
        InputStream gz;
        try {
            gz = new ArchiveStream(GzipCompressorInputStream.builder().setInputStream(body)
                    .setDecompressConcatenated(true).get());
        } catch (IOException e) {
            throw ArchiveStream.classify(e);
        }
        // receiving, decrypting and inflating run on a thread of their own, parsing and writing on this one;
        // closing it before returning or throwing means nothing reads the body once the caller has it back
        try (ReadAhead in = new ReadAhead(gz, 64 * 1024, 16, abortBody)) {
            Optional<String> commit = entries(new TarReader(in), writer, progress, subject);
            requireEnd(in, subject);
            writer.finish();
            return new ExtractResult(writer.entries(), writer.bytes(), commit);
        }
    }

    /** Writes every entry; returns the commit a pax comment names, if any. */
    private static Optional<String> entries(TarReader tar, TreeWriter writer, EntryCounter progress, String subject)
            throws IOException {
        Optional<String> commit = Optional.empty();
        TopFolder top = new TopFolder();
        for (Optional<TarEntry> next = tar.next(); next.isPresent(); next = tar.next()) {
            TarEntry e = next.get();
            Optional<String> comment = e.comment().map(String::trim);
            if (commit.isEmpty() && comment.isPresent() && Resolution.isFullCommitId(comment.get())) {
                commit = comment;
            }
            progress.entry();
            Optional<String> rel = top.strip(e.name(), e.isDirectory());
            if (rel.isEmpty()) {
                continue; // the top-level folder itself
            }
            if (e.isDirectory()) {
                writer.directory(rel.get());
            } else if (e.isSymbolicLink()) {
                writer.symlink(rel.get(), e.linkName());
            } else if (e.isHardLink()) {
                String name = e.name();
                String existing = top.strip(e.linkName(), false).orElseThrow(() -> new UnsafeArchiveException(
                        "Refusing the archive: the hard link \"" + TreePaths.printable(name)
                                + "\" points to the top-level folder. Ask the host for a proper archive."));
                writer.hardLink(rel.get(), existing);
            } else if (e.isFile()) {
                writer.file(rel.get(), tar.data(), (e.mode() & 0111) != 0, e.size());
            } else {
                throw new UnsafeArchiveException("Refusing the archive: the entry \"" + TreePaths.printable(e.name())
                        + "\" is a device, FIFO, sparse or other special file, which a source archive never holds.");
            }
        }
        top.requireSeen(subject);
        return commit;
    }

    /**
     * Reads the rest (the second zero record, the block's padding, the gzip trailer), so a cut after the tar's
     * end-of-archive record is still noticed.
     */
    private static void requireEnd(InputStream in, String subject) throws IOException {
        byte[] rest = new byte[8192];
        long extra = 0;
        int n;
        while ((n = in.read(rest)) >= 0) {
            extra += n;
            if (extra > 1024 * 1024) {
                throw new UnsafeArchiveException("Refusing the archive from " + subject + ": more than 1 MiB of"
                        + " data follows the tar end marker. Ask the host for a proper archive.");
            }
        }
    }
}
