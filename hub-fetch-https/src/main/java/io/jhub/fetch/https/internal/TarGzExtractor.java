package io.jhub.fetch.https.internal;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.api.spi.Resolution;
import io.jhub.git.TreePaths;
import io.jhub.git.TreeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/**
 * Extracts a gzip-compressed tar while it streams in; keeps modes and symbolic links. A tar must end with its
 * end-of-archive marker and the gzip with its trailer, so a download cut anywhere is never installed.
 */
final class TarGzExtractor {
    private TarGzExtractor() {
    }

    static ExtractResult extract(InputStream body, TreeWriter writer, EntryCounter progress, String subject)
            throws IOException {
        InputStream gz;
        try {
            gz = new ArchiveStream(GzipCompressorInputStream.builder().setInputStream(body)
                    .setDecompressConcatenated(true).get());
        } catch (IOException e) {
            throw ArchiveStream.classify(e);
        }
        Optional<String> commit = Optional.empty();
        TarEndCheck end = new TarEndCheck(gz);
        TarArchiveInputStream tar = new TarArchiveInputStream(end);
        InputStream data = new ArchiveStream(tar);
        TopFolder top = new TopFolder();
        end.headerNext();
        for (TarArchiveEntry e = next(tar); e != null; end.headerNext(), e = next(tar)) {
            if (commit.isEmpty()) {
                String comment = e.getExtraPaxHeader("comment");
                if (comment != null && Resolution.isFullCommitId(comment.trim())) {
                    commit = Optional.of(comment.trim());
                }
            }
            progress.entry();
            Optional<String> rel = top.strip(e.getName(), e.isDirectory());
            if (rel.isEmpty()) {
                continue; // the top-level folder itself
            }
            if (e.isDirectory()) {
                writer.directory(rel.get());
            } else if (e.isSymbolicLink()) {
                writer.symlink(rel.get(), e.getLinkName());
            } else if (e.isLink()) {
                String name = e.getName();
                String existing = top.strip(e.getLinkName(), false).orElseThrow(() -> new UnsafeArchiveException(
                        "Refusing the archive: the hard link \"" + TreePaths.printable(name)
                                + "\" points to the top-level folder. Ask the host for a proper archive."));
                writer.hardLink(rel.get(), existing);
            } else if (e.isFile() && !e.isCharacterDevice() && !e.isBlockDevice() && !e.isFIFO()) {
                writer.file(rel.get(), data, (e.getMode() & 0111) != 0, e.isSparse() ? -1 : e.getSize());
            } else {
                throw new UnsafeArchiveException("Refusing the archive: the entry \"" + TreePaths.printable(e.getName())
                        + "\" is a device, FIFO or other special file, which a source archive never holds.");
            }
        }
        top.requireSeen(subject);
        if (!end.endedWithMarker()) {
            throw ArchiveStream.endedEarly("the tar stops at an entry boundary without its end-of-archive marker");
        }
        // read the gzip trailer too, so a cut after the tar end marker is still noticed
        byte[] rest = new byte[8192];
        long extra = 0;
        int n;
        while ((n = end.read(rest)) >= 0) {
            extra += n;
            if (extra > 1024 * 1024) {
                throw new UnsafeArchiveException("Refusing the archive from " + subject + ": more than 1 MiB of"
                        + " data follows the tar end marker. Ask the host for a proper archive.");
            }
        }
        writer.finish();
        return new ExtractResult(writer.entries(), writer.bytes(), commit);
    }

    private static TarArchiveEntry next(TarArchiveInputStream tar) throws IOException {
        try {
            return tar.getNextEntry();
        } catch (IOException e) {
            throw ArchiveStream.classify(e);
        } catch (IllegalArgumentException e) {
            throw new ArchiveStream.CorruptArchiveException(new IOException(e.getMessage(), e));
        }
    }
}
