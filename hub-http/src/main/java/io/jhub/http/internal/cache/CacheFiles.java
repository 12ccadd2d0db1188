package io.jhub.http.internal.cache;

import io.jhub.api.CacheException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Optional;
import java.util.UUID;

/**
 * File operations the cache relies on: unique staging names, atomic moves into place, small atomically replaced
 * text records, and deletion that never follows links.
 */
public final class CacheFiles {
    /** Prefix of staging files and directories; anything with it is incomplete and may be removed. */
    public static final String STAGING_PREFIX = ".staging-";

    private CacheFiles() {
    }

    /**
     * Returns a unique staging path beside {@code target}, in the same directory so a rename is atomic.
     *
     * @param target the final path
     * @return a path that does not exist yet
     */
    public static Path stagingFor(Path target) {
        return target.resolveSibling(STAGING_PREFIX + target.getFileName() + "-" + UUID.randomUUID());
    }

    /**
     * Moves {@code staging} to {@code target} atomically. The caller holds the entry's lock and has checked that
     * {@code target} does not exist (a rename may silently replace an empty directory).
     *
     * @param staging the complete file or directory
     * @param target where it goes
     * @throws IOException if the move fails, or the file system cannot rename atomically
     */
    public static void moveIntoPlace(Path staging, Path target) throws IOException {
        try {
            Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            throw new IOException("The cache file system cannot rename " + staging + " atomically; put the cache"
                    + " on a local file system (set JHUB_HOME).", e);
        }
    }

    /**
     * Replaces a small text file atomically (write to a staging file, then rename over the old one).
     *
     * @param file the file to write
     * @param text its new content
     */
    public static void writeAtomically(Path file, String text) {
        Path staging = stagingFor(file);
        try {
            Files.createDirectories(file.getParent());
            Files.writeString(staging, text, StandardCharsets.UTF_8);
            Files.move(staging, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            deleteQuietly(staging);
            throw new CacheException("Cannot write " + file + ": " + e.getMessage()
                    + ". Check that the cache directory is writable (set JHUB_HOME to move it).", e);
        }
    }

    /**
     * Reads a small text file.
     *
     * @param file the file
     * @return its trimmed content, or empty if it does not exist
     */
    public static Optional<String> readIfExists(Path file) {
        try {
            return Optional.of(Files.readString(file, StandardCharsets.UTF_8).trim());
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException e) {
            throw new CacheException("Cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    /**
     * Deletes a file or a directory tree; symbolic links are deleted, never followed.
     *
     * @param path what to delete; missing is fine
     * @throws IOException if something cannot be deleted
     */
    public static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
                Files.delete(file);
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult postVisitDirectory(Path dir, IOException exc) throws IOException {
                if (exc != null) {
                    throw exc;
                }
                Files.delete(dir);
                return FileVisitResult.CONTINUE;
            }
        });
    }

    /**
     * Deletes like {@link #deleteRecursively(Path)} but ignores failures (used on error paths).
     *
     * @param path what to delete
     */
    public static void deleteQuietly(Path path) {
        try {
            deleteRecursively(path);
        } catch (IOException ignored) {
            // an orphan staging entry is removed by a later clean-up
        }
    }
}
