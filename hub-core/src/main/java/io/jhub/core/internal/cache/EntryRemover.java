package io.jhub.core.internal.cache;

import io.jhub.api.CacheException;
import io.jhub.http.internal.cache.CacheFiles;
import io.jhub.http.internal.cache.CacheLock;
import io.jhub.http.internal.cache.UseStamps;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Optional;
import java.util.UUID;

/**
 * The one way an entry leaves the writable cache, crash-safe and never under a user: it takes the entry's
 * install lock and the exclusive lock on its use stamp without waiting (either held by anyone means the entry is
 * in use, and it stays), renames the entry into {@code <cache>/.trash/} in one atomic step, removes its
 * companions and stamp, and only then deletes the renamed copy. A process killed at any moment leaves the entry
 * either whole in place or gone from its place; leftovers in the trash are deleted by the next removal.
 */
public final class EntryRemover {
    /** What a removal did. */
    public enum Outcome {
        /** The entry was removed. */
        REMOVED,
        /** Some process uses or writes it; it stays. */
        IN_USE,
        /** It was already gone (another process removed it). */
        GONE
    }

    private final Path trash;

    /**
     * Creates a remover for one cache.
     *
     * @param cacheRoot the cache's root directory
     */
    public EntryRemover(Path cacheRoot) {
        this.trash = cacheRoot.resolve(".trash");
    }

    /**
     * Tells, without changing anything, whether {@link #remove} would find the entry in use now.
     *
     * @param e the entry
     * @return true if some process holds its install lock or uses it
     */
    public boolean inUse(CacheEntry e) {
        Optional<CacheLock> lock = CacheLock.tryAcquire(e.lock());
        if (lock.isEmpty()) {
            return true;
        }
        try (CacheLock held = lock.get()) {
            if (!Files.exists(e.stamp())) {
                return false; // every user creates the stamp before using the entry
            }
            Optional<AutoCloseable> exclusive = UseStamps.tryExclusive(e.stamp());
            exclusive.ifPresent(EntryRemover::closeQuietly);
            return exclusive.isEmpty();
        }
    }

    /**
     * Removes an entry unless it is in use.
     *
     * @param e the entry
     * @return what happened
     * @throws CacheException if the entry cannot be moved away (a read-only file system, missing permissions)
     */
    public Outcome remove(CacheEntry e) {
        Optional<CacheLock> lock = CacheLock.tryAcquire(e.lock());
        if (lock.isEmpty()) {
            return Outcome.IN_USE;
        }
        try (CacheLock held = lock.get()) {
            Optional<AutoCloseable> exclusive = UseStamps.tryExclusive(e.stamp());
            if (exclusive.isEmpty()) {
                return Outcome.IN_USE;
            }
            Path doomed;
            try {
                if (!Files.exists(e.path(), LinkOption.NOFOLLOW_LINKS)) {
                    return Outcome.GONE;
                }
                doomed = Files.createDirectories(trash).resolve(UUID.randomUUID().toString());
                Files.move(e.path(), doomed, StandardCopyOption.ATOMIC_MOVE);
                for (Path companion : e.companions()) {
                    Files.deleteIfExists(companion);
                }
                Files.deleteIfExists(e.stamp());
            } catch (IOException ex) {
                throw new CacheException("Cannot remove " + e.path() + ": " + ex.getMessage() + ". Check that the"
                        + " cache directory is writable, and close programs that use it.", ex);
            } finally {
                closeQuietly(exclusive.get());
            }
            CacheFiles.deleteQuietly(doomed);
            return Outcome.REMOVED;
        }
    }

    /** Deletes what removals killed half-way left in the trash; housekeeping, so failures are ignored. */
    public void emptyTrash() {
        if (!Files.isDirectory(trash)) {
            return;
        }
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(trash)) {
            for (Path p : ds) {
                CacheFiles.deleteQuietly(p);
            }
        } catch (IOException ignored) {
            // the next removal tries again
        }
    }

    private static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // releasing a lock cannot fail in a way that matters here
        }
    }
}
