package io.jhub.core.internal.compile;

import io.jhub.core.internal.SmallFiles;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * SHA-256 of files, remembered per process while a file's size, modification time and file key stay the same,
 * so repeated loads of one tree hash nothing again. A file modified within the last two seconds is never
 * remembered: a later change within the same timestamp tick could otherwise go unnoticed (git's "racy" case).
 */
public final class FileHashes {
    private static final long RACY_NANOS = 2_000_000_000L;
    private static final Map<Path, Stamp> REMEMBERED = new ConcurrentHashMap<>();

    private record Stamp(long size, long modifiedNanos, Object fileKey, String sha256) {
    }

    private FileHashes() {
    }

    /**
     * Returns a file's SHA-256.
     *
     * @param file a regular file
     * @return lower-case hex
     * @throws IOException if the file cannot be read
     */
    public static String sha256(Path file) throws IOException {
        Path key = file.toAbsolutePath().normalize();
        BasicFileAttributes attrs = Files.readAttributes(key, BasicFileAttributes.class);
        long modified = nanos(attrs.lastModifiedTime());
        Stamp known = REMEMBERED.get(key);
        if (known != null && known.size == attrs.size() && known.modifiedNanos == modified
                && Objects.equals(known.fileKey, attrs.fileKey())) {
            return known.sha256;
        }
        String hash = hashOf(key);
        if (System.currentTimeMillis() * 1_000_000L - modified > RACY_NANOS) {
            REMEMBERED.put(key, new Stamp(attrs.size(), modified, attrs.fileKey(), hash));
        }
        return hash;
    }

    /**
     * Hashes a file's bytes without remembering anything.
     *
     * @param file the file
     * @return lower-case hex SHA-256
     * @throws IOException if the file cannot be read
     */
    public static String hashOf(Path file) throws IOException {
        MessageDigest md = newDigest();
        byte[] buf = new byte[64 * 1024];
        try (InputStream in = Files.newInputStream(file)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    /**
     * Returns a file's CRC-32: a cheap check that compiled class files are intact (not a security measure; an
     * attacker who can write the cache can write anything). CRC-32 rather than CRC-32C: both are intrinsics, but
     * CRC32C's class initialization builds its tables in Java, which costs a fresh JVM's warm load over a
     * millisecond.
     *
     * @param file the file
     * @return eight lower-case hex digits
     * @throws IOException if the file cannot be read
     */
    public static String crc32(Path file) throws IOException {
        java.util.zip.CRC32 crc = new java.util.zip.CRC32();
        crc.update(SmallFiles.readAllBytes(file));
        String hex = Long.toHexString(crc.getValue());
        return "0".repeat(8 - hex.length()) + hex;
    }

    /**
     * Returns a file time in nanoseconds since the epoch, saturated like {@link FileTime#to}. Not
     * {@code to(TimeUnit.NANOSECONDS)}: TimeUnit's conversion initializes java.time's units and durations, which
     * costs a fresh JVM's warm load about a millisecond.
     *
     * @param time the time
     * @return nanoseconds since 1970-01-01T00:00:00Z
     */
    public static long nanos(FileTime time) {
        Instant t = time.toInstant();
        long seconds = t.getEpochSecond();
        if (seconds >= Long.MAX_VALUE / 1_000_000_000L) {
            return Long.MAX_VALUE;
        }
        if (seconds <= Long.MIN_VALUE / 1_000_000_000L) {
            return Long.MIN_VALUE;
        }
        return seconds * 1_000_000_000L + t.getNano();
    }

    /**
     * Returns a new SHA-256 digest.
     *
     * @return the digest
     */
    public static MessageDigest newDigest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every Java platform", e);
        }
    }
}
