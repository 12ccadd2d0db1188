package io.jhub.http.internal.cache;

import java.io.File;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Last use and use of a cache entry, recorded in a small stamp file beside it: its modification time is the
 * entry's last use (set with one {@code utimes} call on every hit, never a rewrite), and a process that has the
 * entry open (a module layer reading its classes) holds a shared lock on it for as long as it lives. Whoever
 * removes an entry first takes an exclusive lock on its stamp without waiting, so an entry in use by any process
 * is never removed.
 *
 * <p>The shared locks are held per JVM (the OS allows one lock per file and process), never released before the
 * JVM ends: the hub keeps a loaded layer for its whole life.
 */
public final class UseStamps {
    private static final ConcurrentHashMap<Path, FileLock> HELD = new ConcurrentHashMap<>();
    /** Stamps a remover of this JVM holds exclusively; guarded by {@code HELD}'s monitor. */
    private static final Set<Path> REMOVING = new HashSet<>();

    private UseStamps() {
    }

    /**
     * Records a use now: sets the stamp's modification time, creating the stamp when missing. Failures are
     * ignored (a read-only or full disk must not fail a load).
     *
     * @param stamp the stamp file
     */
    public static void touch(Path stamp) {
        File f = stamp.toFile(); // java.io: no NIO set-up on the warm-load path
        long now = System.currentTimeMillis();
        if (!f.setLastModified(now)) {
            try {
                if (f.createNewFile() || f.exists()) {
                    f.setLastModified(now);
                }
            } catch (IOException ignored) {
                // last use is advisory
            }
        }
    }

    /**
     * Marks the entry as in use by this process until it ends: takes (waiting if a remover, in this or another
     * process, holds it) a shared lock on the stamp. The caller must then check that the entry still exists: a
     * remover may have taken it away just before.
     *
     * @param stamp the stamp file (created if missing)
     * @return true if this process now holds it; false if the stamp could not be locked (use goes unrecorded)
     */
    public static boolean hold(Path stamp) {
        Path key = stamp.toAbsolutePath().normalize();
        if (HELD.containsKey(key)) {
            return true;
        }
        synchronized (HELD) {
            while (REMOVING.contains(key)) {
                try {
                    HELD.wait(); // a removal in this JVM: its exclusive lock is released within one rename
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return false;
                }
            }
            if (HELD.containsKey(key)) {
                return true;
            }
            for (int attempt = 0; attempt < 3; attempt++) {
                FileChannel channel = null;
                try {
                    channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                            StandardOpenOption.WRITE);
                    FileLock lock = channel.lock(0, Long.MAX_VALUE, true);
                    if (Files.exists(key)) {
                        HELD.put(key, lock);
                        return true;
                    }
                    // a remover in another process deleted the stamp while we waited for it: lock the new one
                    closeQuietly(channel);
                } catch (IOException | RuntimeException e) {
                    closeQuietly(channel);
                    return false;
                }
            }
            return false;
        }
    }

    /**
     * Tells whether this process holds the entry of a stamp in use.
     *
     * @param stamp the stamp file
     * @return true if {@link #hold(Path)} succeeded for it in this JVM
     */
    public static boolean heldHere(Path stamp) {
        return HELD.containsKey(stamp.toAbsolutePath().normalize());
    }

    /**
     * Drops this process's hold on a stamp: for an entry this process itself removes on purpose (a weights file it
     * was handed and now deletes), never for an entry a layer of this process still reads.
     *
     * @param stamp the stamp file
     * @return true if this process held it
     */
    public static boolean letGo(Path stamp) {
        Path key = stamp.toAbsolutePath().normalize();
        synchronized (HELD) {
            FileLock lock = HELD.remove(key);
            if (lock == null) {
                return false;
            }
            closeQuietly(lock.channel());
            return true;
        }
    }

    /**
     * Takes the exclusive lock on a stamp without waiting, for removing its entry.
     *
     * @param stamp the stamp file (created if missing)
     * @return the lock to close after the removal, or empty when some process (this one included) uses the entry
     *     or the stamp cannot be locked
     */
    public static Optional<AutoCloseable> tryExclusive(Path stamp) {
        Path key = stamp.toAbsolutePath().normalize();
        synchronized (HELD) {
            if (HELD.containsKey(key) || REMOVING.contains(key)) {
                return Optional.empty();
            }
            FileChannel channel = null;
            try {
                channel = FileChannel.open(key, StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                FileLock lock = channel.tryLock(0, Long.MAX_VALUE, false);
                if (lock == null) {
                    closeQuietly(channel);
                    return Optional.empty();
                }
                REMOVING.add(key);
                FileChannel held = channel;
                return Optional.of(() -> release(key, held));
            } catch (IOException | OverlappingFileLockException e) {
                closeQuietly(channel);
                return Optional.empty();
            }
        }
    }

    private static void release(Path key, FileChannel channel) {
        synchronized (HELD) {
            closeQuietly(channel);
            REMOVING.remove(key);
            HELD.notifyAll();
        }
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // releases the lock either way
            }
        }
    }
}
