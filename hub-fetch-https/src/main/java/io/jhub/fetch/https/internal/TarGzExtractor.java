package io.jhub.fetch.https.internal;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.api.spi.Resolution;
import java.io.IOException;
import java.io.InputStream;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.apache.commons.compress.compressors.gzip.GzipCompressorInputStream;

/** Extracts a gzip-compressed tar while it streams in; keeps modes and symbolic links. */
final class TarGzExtractor {
    private TarGzExtractor() {
    }

    static ExtractResult extract(InputStream body, TreeWriter writer, EntryCounter progress) throws IOException {
        InputStream gz;
        try {
            gz = new ArchiveStream(GzipCompressorInputStream.builder().setInputStream(body)
                    .setDecompressConcatenated(true).get());
        } catch (IOException e) {
            throw ArchiveStream.classify(e);
        }
        Optional<String> commit = Optional.empty();
        TarArchiveInputStream tar = new TarArchiveInputStream(gz);
        InputStream data = new ArchiveStream(tar);
        for (TarArchiveEntry e = next(tar); e != null; e = next(tar)) {
            String entryName = e.getName();
            if (commit.isEmpty()) {
                String comment = e.getExtraPaxHeader("comment");
                if (comment != null && Resolution.isFullCommitId(comment.trim())) {
                    commit = Optional.of(comment.trim());
                }
            }
            writer.countEntry();
            progress.entry();
            Optional<String> rel = EntryNames.strip(e.getName());
            if (rel.isEmpty()) {
                writer.discard(data); // beside the top-level folder: not part of the tree
                continue;
            }
            if (e.isDirectory()) {
                writer.directory(rel.get());
            } else if (e.isSymbolicLink()) {
                writer.symlink(rel.get(), e.getLinkName());
            } else if (e.isLink()) {
                String existing = EntryNames.strip(e.getLinkName()).orElseThrow(() -> new UnsafeArchiveException(
                        "Refusing archive: the hard link \"" + EntryNames.printable(entryName)
                                + "\" points to the top-level folder."));
                writer.hardLink(rel.get(), existing);
            } else if (e.isFile() && !e.isCharacterDevice() && !e.isBlockDevice() && !e.isFIFO()) {
                writer.file(rel.get(), data, (e.getMode() & 0111) != 0, e.isSparse() ? -1 : e.getSize());
            } else {
                throw new UnsafeArchiveException("Refusing archive: the entry \"" + EntryNames.printable(e.getName())
                        + "\" is a device, FIFO or other special file, which a source archive never holds.");
            }
        }
        // read the gzip trailer too, so a cut after the tar end marker is still noticed
        byte[] rest = new byte[8192];
        long extra = 0;
        int n;
        while ((n = gz.read(rest)) >= 0) {
            extra += n;
            if (extra > 1024 * 1024) {
                throw new UnsafeArchiveException("Refusing archive: more than 1 MiB of data after the tar end marker.");
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
