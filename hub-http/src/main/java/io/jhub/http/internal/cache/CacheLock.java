package io.jhub.http.internal.cache;

import io.jhub.api.CacheException;
import io.jhub.api.ProgressEvent;
import io.jhub.api.ProgressListener;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.ReentrantLock;

/**
 * An exclusive lock on a cache entry that holds across threads and processes: a {@link ReentrantLock} per path
 * inside this JVM (file locks are per process and would throw between threads), then a {@link FileLock} on the
 * lock file for other processes. The OS releases the file lock when a process dies, so a killed holder never
 * blocks others. The lock file itself stays; it holds no data.
 */
public final class CacheLock implements AutoCloseable {
    private static final ConcurrentHashMap<Path, ReentrantLock> LOCAL = new ConcurrentHashMap<>();

    private final ReentrantLock local;
    private final FileChannel channel;
    private final FileLock fileLock;

    private CacheLock(ReentrantLock local, FileChannel channel, FileLock fileLock) {
        this.local = local;
        this.channel = channel;
        this.fileLock = fileLock;
    }

    /**
     * Blocks until the lock on {@code lockFile} is held by this thread, creating the file and its parents.
     *
     * @param lockFile the lock file
     * @return the held lock; close it to release
     * @throws CacheException if the file cannot be created or locked
     */
    public static CacheLock acquire(Path lockFile) {
        return acquire(lockFile, ProgressListener.NONE);
    }

    /**
     * Blocks until the lock on {@code lockFile} is held by this thread, creating the file and its parents; when
     * another process holds it, first tells {@code progress} with a {@link ProgressEvent.Phase#WAIT} event whose
     * subject is the lock file, so users see why nothing moves.
     *
     * @param lockFile the lock file
     * @param progress where the wait is reported
     * @return the held lock; close it to release
     * @throws CacheException if the file cannot be created or locked
     */
    public static CacheLock acquire(Path lockFile, ProgressListener progress) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = LOCAL.computeIfAbsent(key, k -> new ReentrantLock());
        local.lock();
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = channel.tryLock();
            if (held == null) {
                progress.onProgress(new ProgressEvent(ProgressEvent.Phase.WAIT, key.toString(), 0, -1));
                held = channel.lock();
            }
            return new CacheLock(local, channel, held);
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw new CacheException("Cannot lock " + key + ": " + e.getMessage()
                    + ". Check that the cache directory is writable (set JHUB_HOME to move it).", e);
        }
    }

    /**
     * Takes the lock on {@code lockFile} only if no thread or process holds it, without waiting.
     *
     * @param lockFile the lock file (created with its parents if missing)
     * @return the held lock, or empty if someone else holds it
     * @throws CacheException if the file cannot be created or locked
     */
    public static Optional<CacheLock> tryAcquire(Path lockFile) {
        Path key = lockFile.toAbsolutePath().normalize();
        ReentrantLock local = LOCAL.computeIfAbsent(key, k -> new ReentrantLock());
        if (!local.tryLock()) {
            return Optional.empty();
        }
        if (local.getHoldCount() > 1) {
            local.unlock(); // this thread holds it already: a second file lock from this JVM would throw
            return Optional.empty();
        }
        FileChannel channel = null;
        try {
            Files.createDirectories(key.getParent());
            channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            FileLock held = channel.tryLock();
            if (held != null) {
                return Optional.of(new CacheLock(local, channel, held));
            }
        } catch (IOException | RuntimeException e) {
            closeQuietly(channel);
            local.unlock();
            throw new CacheException("Cannot lock " + key + ": " + e.getMessage()
                    + ". Check that the cache directory is writable (set JHUB_HOME to move it).", e);
        }
        closeQuietly(channel);
        local.unlock();
        return Optional.empty();
    }

    /** Releases the lock. */
    @Override
    public void close() {
        try {
            fileLock.release();
        } catch (IOException ignored) {
            // closing the channel below releases it as well
        } finally {
            closeQuietly(channel);
            local.unlock();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing left to release
            }
        }
    }
}
