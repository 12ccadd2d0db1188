package io.jhub.core.internal.cache;

import io.jhub.api.CacheException;
import io.jhub.http.internal.cache.CacheFiles;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The size of an installed tree, {@code <commit>.size} beside it: the bytes of its regular files as one decimal
 * number. An installed tree never changes, so the first scan that sizes it (a walk of every file) writes the
 * record and later scans, such as the bounded cache's after every install, read one small file instead. The
 * record is a hint for the cache's accounting only: a damaged or missing one is measured again, and an install
 * that replaces a tree drops it.
 */
final class TreeSizes {
    private static final System.Logger LOG = System.getLogger(TreeSizes.class.getName());
    private static final String SUFFIX = ".size";

    private TreeSizes() {
    }

    /**
     * Returns where the size record of a tree lives.
     *
     * @param tree the tree's directory
     * @return the record beside it
     */
    static Path fileOf(Path tree) {
        return tree.resolveSibling(tree.getFileName() + SUFFIX);
    }

    /**
     * Returns a tree's size from its record, else measures it and records it (a read-only cache keeps no record).
     *
     * @param tree the tree's directory
     * @return the bytes of its regular files
     * @throws IOException if the tree cannot be walked
     */
    static long of(Path tree) throws IOException {
        Optional<Long> recorded = read(tree);
        if (recorded.isPresent()) {
            return recorded.get();
        }
        long bytes = CacheInventory.size(tree);
        try {
            CacheFiles.writeAtomically(fileOf(tree), bytes + "\n");
            if (!Files.isDirectory(tree)) { // removed meanwhile by another process: leave no record behind
                drop(tree);
            }
        } catch (CacheException | IOException e) {
            LOG.log(Level.DEBUG, () -> "no size record for " + tree + ": " + e.getMessage());
        }
        return bytes;
    }

    /**
     * Drops a tree's record, before the tree is replaced.
     *
     * @param tree the tree's directory
     * @throws IOException if the record exists and cannot be deleted
     */
    static void drop(Path tree) throws IOException {
        Files.deleteIfExists(fileOf(tree));
    }

    private static Optional<Long> read(Path tree) {
        Optional<String> text;
        try {
            text = CacheFiles.readIfExists(fileOf(tree));
        } catch (CacheException e) {
            return Optional.empty();
        }
        String digits = text.map(String::strip).orElse("");
        if (digits.isEmpty() || digits.length() > 18 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.empty();
        }
        return Optional.of(Long.parseLong(digits));
    }
}
