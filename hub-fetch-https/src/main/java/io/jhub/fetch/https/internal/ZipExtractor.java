package io.jhub.fetch.https.internal;

import io.jhub.api.spi.Resolution;
import io.jhub.git.TreeWriter;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.compress.archivers.zip.ZipArchiveEntry;
import org.apache.commons.compress.archivers.zip.ZipArchiveInputStream;

/**
 * Extracts a zip while it streams in. Modes and symbolic links live only in the central directory at the end,
 * so files are written first and fixed up afterwards (links are only ever created after all files). The central
 * directory must be there and list exactly the entries read, so a zip cut anywhere is never installed.
 */
final class ZipExtractor {
    private static final int S_IFMT = 0170000;
    private static final int S_IFLNK = 0120000;
    private static final long MAX_CENTRAL_DIRECTORY = 64L * 1024 * 1024;

    private ZipExtractor() {
    }

    static ExtractResult extract(InputStream body, TreeWriter writer, EntryCounter progress, String subject)
            throws IOException {
        TailCapture tail = new TailCapture(body, MAX_CENTRAL_DIRECTORY);
        ZipArchiveInputStream zip = new ZipArchiveInputStream(tail, "UTF-8", true, true);
        InputStream data = new ArchiveStream(zip);
        TopFolder top = new TopFolder();
        Map<String, String> written = new LinkedHashMap<>();
        List<String> seen = new ArrayList<>();
        while (true) {
            tail.start();
            ZipArchiveEntry e = next(zip);
            if (e == null) {
                break;
            }
            seen.add(e.getName());
            progress.entry();
            Optional<String> rel = top.strip(e.getName(), e.isDirectory());
            if (rel.isEmpty()) {
                continue; // the top-level folder itself
            }
            if (e.isDirectory()) {
                writer.directory(rel.get());
            } else {
                writer.file(rel.get(), data, false, -1); // local headers may not tell the size
                written.put(e.getName(), rel.get());
            }
        }
        top.requireSeen(subject);
        ZipCentralDirectory cd = ZipCentralDirectory.parse(tail.stop());
        if (cd.names().size() != seen.size() || !cd.names().containsAll(seen)) {
            throw new ArchiveStream.CorruptArchiveException(new IOException("the zip's central directory lists "
                    + cd.names().size() + " entries, but " + seen.size() + " were read, or other ones"));
        }
        for (Map.Entry<String, String> file : written.entrySet()) {
            Optional<Integer> mode = cd.mode(file.getKey());
            if (mode.isPresent() && (mode.get() & S_IFMT) == S_IFLNK) {
                writer.turnIntoSymlink(file.getValue());
            } else if (mode.isPresent() && (mode.get() & 0111) != 0) {
                writer.makeExecutable(file.getValue());
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
