package io.jhub.core.internal.lock;

import io.jhub.api.CacheException;
import io.jhub.api.LockMismatchException;
import io.jhub.core.Lockfile;
import io.jhub.http.internal.download.CacheLayout;
import io.jhub.http.internal.download.Hashing;
import io.jhub.http.internal.download.VerifiedRecord;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;

/**
 * Checks cached weights files against a lockfile through the downloader's own verified record
 * ({@code .jhub/<name>.verified} beside the file): a hit whose size, modification time and recorded SHA-256 match
 * needs no re-hash; otherwise the file is hashed once and the record rewritten.
 */
final class WeightsStamps {

    private WeightsStamps() {
    }

    static void check(Path path, Lockfile.Weights rec, Path lockfile) {
        Path record = new CacheLayout(path.getParent(), path.getFileName().toString()).record();
        Optional<VerifiedRecord> known = VerifiedRecord.read(record).filter(r -> r.describes(path));
        if (known.flatMap(VerifiedRecord::sha256).filter(rec.sha256()::equals).isPresent()
                && known.get().size() == rec.size()) {
            return;
        }
        try {
            BasicFileAttributes a = Files.readAttributes(path, BasicFileAttributes.class);
            String actual = Hashing.sha256Hex(path);
            if (!actual.equals(rec.sha256()) || a.size() != rec.size()) {
                throw new LockMismatchException("Locked mode: the cached weights file " + path + " (" + a.size()
                        + " bytes, sha256 " + actual + ") is not what " + lockfile + " records: " + rec.line()
                        + ". Delete the file and download it again, or check the cache with jhub verify.");
            }
            try {
                new VerifiedRecord(a.size(), a.lastModifiedTime().toMillis(), Optional.of(actual)).write(record);
            } catch (CacheException e) {
                return; // a read-only cache: the check passed, only the next one costs a re-hash
            }
        } catch (IOException e) {
            throw new CacheException("Cannot check the cached weights file " + path + ": " + e.getMessage(), e);
        }
    }
}
