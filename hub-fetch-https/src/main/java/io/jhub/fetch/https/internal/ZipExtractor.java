package io.jhub.fetch.https.internal;

import io.jhub.api.spi.Resolution;
import java.io.IOException;
import java.io.InputStream;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Extracts a zip while it streams in. Modes and symbolic links live only in the central directory at the end,
 * so files are written first and fixed up afterwards (links are only ever created after all files).
 */
final class ZipExtractor {
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    private static final long MAX_CENTRAL_DIRECTORY = 64L * 1024 * 1024;

    private ZipExtractor() {
    }

    static ExtractResult extract(InputStream body, TreeWriter writer, EntryCounter progress) throws IOException {
        TailCapture tail = new TailCapture(body, MAX_CENTRAL_DIRECTORY);
        ZipArchiveInputStream zip = new ZipArchiveInputStream(tail, "UTF-8", true, true);
        InputStream data = new ArchiveStream(zip);
        Map<String, String> written = new LinkedHashMap<>();
        ZipArchiveEntry e;
        while (true) {
            tail.start();
            e = next(zip);
            if (e == null) {
                break;
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
            } else {
                writer.file(rel.get(), data, false);
                written.put(e.getName(), rel.get());
            }
        }
        ZipCentralDirectory cd = ZipCentralDirectory.parse(tail.stop());
        for (Map.Entry<String, String> file : written.entrySet()) {
            Optional<Integer> mode = cd.mode(file.getKey());
            if (mode.isPresent() && (mode.get() & S_IFMT) == S_IFLNK) {
                writer.convertToSymlink(file.getValue());
            } else if (mode.isPresent() && (mode.get() & 0111) != 0) {
                writer.setExecutable(file.getValue());
            }
        }
        writer.finish();
        String comment = cd.comment().trim();
        return new ExtractResult(writer.entries(), writer.bytes(),
                Resolution.isFullCommitId(comment) ? Optional.of(comment) : Optional.empty());
    }

    private static ZipArchiveEntry next(ZipArchiveInputStream zip) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (IOException e) {
            throw ArchiveStream.classify(e);
        } catch (IllegalArgumentException e) {
            throw new ArchiveStream.CorruptArchiveException(new IOException(e.getMessage(), e));
        }
    }
}
