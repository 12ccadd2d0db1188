package io.jhub.http.internal.download;

import io.jhub.http.internal.cache.CacheFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * What jhub knows about a cached file: size, modification time and (when computed) SHA-256. A cache hit whose
 * size and time still match trusts the recorded hash and reads nothing.
 *
 * @param size the file's size in bytes
 * @param mtimeMillis its modification time
 * @param sha256 its SHA-256 in hex, if computed
 */
public record VerifiedRecord(long size, long mtimeMillis, Optional<String> sha256) {

    /**
     * Describes a file as it is now.
     *
     * @param file the file
     * @param sha256 its hash, if known
     * @return the record
     * @throws IOException if the file cannot be read
     */
    public static VerifiedRecord of(Path file, Optional<String> sha256) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return new VerifiedRecord(a.size(), a.lastModifiedTime().toMillis(), sha256);
    }

    /**
     * Reads a record.
     *
     * @param file the record file
     * @return the record, or empty if missing or malformed
     */
    public static Optional<VerifiedRecord> read(Path file) {
        try {
            return CacheFiles.readIfExists(file).flatMap(VerifiedRecord::parse);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<VerifiedRecord> parse(String text) {
        String[] f = text.split("\\s+");
        if (f.length != 3 || !f[0].matches("\\d+") || !f[1].matches("-?\\d+") || !f[2].matches("-|[0-9a-f]{64}")) {
            return Optional.empty();
        }
        return Optional.of(new VerifiedRecord(Long.parseLong(f[0]), Long.parseLong(f[1]),
                f[2].equals("-") ? Optional.empty() : Optional.of(f[2])));
    }

    /**
     * Writes the record atomically.
     *
     * @param file the record file
     */
    public void write(Path file) {
        CacheFiles.writeAtomically(file, size + " " + mtimeMillis + " " + sha256.orElse("-") + "\n");
    }

    /**
     * Tells whether a file still has the recorded size and time.
     *
     * @param file the file
     * @return true when unchanged
     */
    public boolean describes(Path file) {
        try {
            VerifiedRecord now = of(file, Optional.empty());
            return now.size == size && now.mtimeMillis == mtimeMillis;
        } catch (IOException e) {
            return false;
        }
    }
}
