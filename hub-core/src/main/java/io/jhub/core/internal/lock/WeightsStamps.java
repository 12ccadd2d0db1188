package io.jhub.core.internal.lock;

import io.jhub.api.LockMismatchException;
import io.jhub.http.internal.cache.CacheFiles;
import io.jhub.core.Lockfile;
import java.io.IOException;
import io.jhub.api.CacheException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Verified stamps of cached weights files, {@code <cache>/verified/<sha256 of the file's path>}, holding
 * {@code <size> <mtime-ms> <sha256>}: a hit whose size and modification time match its stamp needs no re-hash.
 */
final class WeightsStamps {
    private final Path dir;

    WeightsStamps(Path cacheDir) {
        this.dir = cacheDir.resolve("verified");
    }

    void check(Path path, Lockfile.Weights rec, Path lockfile) {
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            String current = a.size() + " " + a.lastModifiedTime().toMillis() + " " + rec.sha256();
            Path stamp = dir.resolve(hex(sha256().digest(path.toAbsolutePath().toString()
                    .getBytes(StandardCharsets.UTF_8))));
            Optional<String> old = CacheFiles.readIfExists(stamp);
            if (old.isPresent() && old.get().equals(current)) {
                return;
            }
            String actual = LockHashes.sha256(path);
            if (!actual.equals(rec.sha256()) || a.size() != rec.size()) {
                throw new LockMismatchException("Locked mode: the cached weights file " + path + " (" + a.size()
                        + " bytes, sha256 " + actual + ") is not what " + lockfile + " records: " + rec.line()
                        + ". Delete the file and download it again, or check the cache with jhub verify.");
            }
            try {
                CacheFiles.writeAtomically(stamp, current + "\n");
            } catch (CacheException e) {
                return; // a read-only cache: the check passed, only the next one costs a re-hash
            }
        } catch (IOException e) {
            throw new CacheException("Cannot check the cached weights file " + path + ": " + e.getMessage(), e);
        }
    }

    private static String hex(byte[] b) {
        return HexFormat.of().formatHex(b);
    }

    private static MessageDigest sha256() {
        return LockHashes.digest();
    }
}
