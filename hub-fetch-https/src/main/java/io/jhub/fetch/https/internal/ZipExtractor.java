package io.jhub.fetch.https.internal;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.api.spi.Resolution;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
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
                writer.file(rel.get(), data, false, -1); // local headers may not tell the size
                written.put(e.getName(), rel.get());
            }
        }
        ZipCentralDirectory cd = ZipCentralDirectory.parse(tail.stop());
        writer.awaitWrites(); // the fix-ups below read and change files written by the writer threads
        for (Map.Entry<String, String> file : written.entrySet()) {
            Optional<Integer> mode = cd.mode(file.getKey());
            if (mode.isPresent() && (mode.get() & S_IFMT) == S_IFLNK) {
                convertToSymlink(writer, file.getValue());
            } else if (mode.isPresent() && (mode.get() & 0111) != 0) {
                setExecutable(writer.place(file.getValue()));
            }
        }
        writer.finish();
        String comment = cd.comment().trim();
        return new ExtractResult(writer.entries(), writer.bytes(),
                Resolution.isFullCommitId(comment) ? Optional.of(comment) : Optional.empty());
    }

    /** Adds the execute bits wherever the file is readable (0777 less the umask, as for a tar entry). */
    private static void setExecutable(Path file) throws IOException {
        PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class,
                LinkOption.NOFOLLOW_LINKS);
        if (view == null || !Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
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

    /** Reads back and removes a small file that the central directory calls a symbolic link, and registers it. */
    private static void convertToSymlink(TreeWriter writer, String rel) throws IOException {
        Path file = writer.place(rel);
        if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) || Files.size(file) > 4096) {
            throw new UnsafeArchiveException("Refusing archive: the symbolic link \"" + EntryNames.printable(rel)
                    + "\" has no target text or one longer than 4096 bytes.");
        }
        String target = Files.readString(file);
        Files.delete(file);
        writer.symlink(rel, target);
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
