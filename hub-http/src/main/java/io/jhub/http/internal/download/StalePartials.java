package io.jhub.http.internal.download;

import io.jhub.http.internal.cache.CacheFiles;
import io.jhub.http.internal.cache.CacheLock;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes partial downloads nobody resumed for a long time: a partial file is kept so that a later request for
 * the same URL continues it, but a URL that is never asked for again would leave it in the cache for good. A
 * partial whose lock someone holds (a download in progress, in any process) is never touched.
 */
final class StalePartials {
    /** How long an untouched partial download is kept for a resume. */
    static final Duration MAX_AGE = Duration.ofDays(7);

    private static final String PARTIAL = ".partial";

    private StalePartials() {
    }

    /**
     * Deletes the partial files (and their validators) in {@code metaDir} last written before {@code now - maxAge}.
     *
     * @param metaDir the weights bookkeeping folder ({@link CacheLayout#metaDir()})
     * @param maxAge how old a partial must be to go
     * @param now the current time
     * @param keep the cached file whose partial stays whatever its age (the one about to be resumed)
     * @return the names of the cached files whose partial was removed
     */
    static List<String> sweep(Path metaDir, Duration maxAge, Instant now, String keep) {
        List<String> removed = new ArrayList<>();
        Instant cutoff = now.minus(maxAge);
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(metaDir, "*" + PARTIAL)) {
            for (Path partial : ds) {
                String file = partial.getFileName().toString();
                String name = file.substring(0, file.length() - PARTIAL.length());
                if (!name.equals(keep) && olderThan(partial, cutoff)
                        && removeUnlocked(new CacheLayout(metaDir.getParent(), name), cutoff)) {
                    removed.add(name);
                }
            }
        } catch (NoSuchFileException e) {
            return removed; // nothing was ever downloaded
        } catch (IOException e) {
            // a sweep is housekeeping: the download it precedes must not fail for it
        }
        return removed;
    }

    private static boolean removeUnlocked(CacheLayout layout, Instant cutoff) {
        Optional<CacheLock> lock = CacheLock.tryAcquire(layout.lock());
        if (lock.isEmpty()) {
            return false;
        }
        try (CacheLock held = lock.get()) {
            if (!olderThan(layout.partial(), cutoff)) {
                return false; // resumed after the listing
            }
            CacheFiles.deleteQuietly(layout.partial());
            CacheFiles.deleteQuietly(layout.partialMeta());
            return true;
        }
    }

    private static boolean olderThan(Path file, Instant cutoff) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(cutoff);
        } catch (IOException e) {
            return false;
        }
    }
}
