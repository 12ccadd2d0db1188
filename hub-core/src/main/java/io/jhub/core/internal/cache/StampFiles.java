package io.jhub.core.internal.cache;

import io.jhub.api.CacheException;
import io.jhub.http.internal.cache.CacheFiles;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The verified stamp of an installed tree, {@code <commit>.stamp} beside it: a header line, the tree hash
 * ({@code tree sha256:<hex>}), then one line {@code <mode> <size> <mtime-ms> <sha256> <path>} per file. Written atomically at install (and again when a full
 * re-hash found the same content); a stamp that cannot be read counts as absent, which only costs a re-hash.
 */
public final class StampFiles {
    private static final String HEADER = "jhub-tree-stamp 1";

    private StampFiles() {
    }

    /**
     * Returns where the stamp of an installed tree lives.
     *
     * @param tree the tree's directory
     * @return the stamp file beside it
     */
    public static Path fileOf(Path tree) {
        return tree.resolveSibling(tree.getFileName() + ".stamp");
    }

    /**
     * Reads a tree's stamp.
     *
     * @param tree the tree's directory
     * @return the stamp, or empty if there is none or it is damaged
     */
    public static Optional<TreeStamp> read(Path tree) {
        Optional<String> text;
        try {
            text = CacheFiles.readIfExists(fileOf(tree));
        } catch (CacheException e) {
            return Optional.empty();
        }
        if (text.isEmpty() || !text.get().startsWith(HEADER + "\ntree sha256:")) {
            return Optional.empty();
        }
        String[] lines = text.get().split("\n");
        String digest = lines[1].substring("tree ".length());
        Map<String, TreeStamp.FileState> files = new LinkedHashMap<>();
        for (int i = 2; i < lines.length; i++) {
            String line = lines[i];
            String[] f = line.split(" ", 5);
            if (f.length != 5) {
                return Optional.empty();
            }
            try {
                files.put(TreeStamp.unescape(f[4]), new TreeStamp.FileState(f[0], Long.parseLong(f[1]),
                        Long.parseLong(f[2]), f[3]));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
        // the stored hash is trusted here: the stamp is a cache of it, and jhub verify re-hashes everything
        return Optional.of(new TreeStamp(digest, files));
    }

    /**
     * Writes a tree's stamp atomically; a failure (a read-only cache) is logged at debug level.
     *
     * @param tree the tree's directory
     * @param stamp its stamp
     */
    public static void write(Path tree, TreeStamp stamp) {
        StringBuilder sb = new StringBuilder(HEADER).append("\ntree ").append(stamp.digest()).append('\n');
        stamp.files().forEach((path, s) -> sb.append(s.mode()).append(' ').append(s.size()).append(' ')
                .append(s.mtimeMillis()).append(' ').append(s.sha256()).append(' ').append(TreeStamp.escape(path))
                .append('\n'));
        try {
            CacheFiles.writeAtomically(fileOf(tree), sb.toString());
        } catch (CacheException e) {
            System.getLogger(StampFiles.class.getName()).log(Level.DEBUG, "No stamp for " + tree + ": "
                    + e.getMessage());
        }
    }
}
