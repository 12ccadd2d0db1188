package io.jhub.core.internal.compile;

import io.jhub.core.internal.SmallFiles;
import io.jhub.http.internal.cache.CacheFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Remembers, across processes, the content key of a tree together with the size, modification time and file key
 * of every file that went into it (like git's index), so a warm load of an unchanged tree in a fresh JVM hashes
 * nothing and never initialises {@code MessageDigest}. A stamp is trusted only when every recorded file is older
 * than the stamp by more than two seconds, so a change within one timestamp tick is never missed.
 */
public final class KeyStamps {
    private static final long RACY_MILLIS = 2_000;

    private final Path dir;

    /**
     * Uses {@code dir} for stamp files (created when first needed).
     *
     * @param dir the stamps directory
     */
    public KeyStamps(Path dir) {
        this.dir = dir;
    }

    /**
     * Returns the content key of the tree, from its stamp when the tree is unchanged, else by hashing (and then
     * records a new stamp).
     *
     * @param layout the repository layout
     * @param tree the files under the source root
     * @param hostMode how jhub runs, part of the key
     * @return the content key
     */
    public String keyOf(RepoLayout layout, SourceTree tree, String hostMode) {
        String header = header(layout, hostMode);
        if (!fitsLineFormat(header, tree.javaFiles())) {
            return ContentKey.of(layout, tree, hostMode); // names a line format cannot hold
        }
        Path file = dir.resolve(fnv64(header) + ".stamp");
        List<String> stats;
        try {
            stats = stats(layout, tree);
        } catch (IOException e) {
            return ContentKey.of(layout, tree, hostMode); // reports the unreadable file
        }
        Optional<String> known = read(file, header, stats);
        if (known.isPresent()) {
            return known.get();
        }
        long now = System.currentTimeMillis();
        String key = ContentKey.of(layout, tree, hostMode);
        boolean settled = true; // plain loops, no lambdas: this runs on a warm load's path
        for (String s : stats) {
            settled &= now - modifiedMillis(s) > RACY_MILLIS;
        }
        if (settled) {
            StringBuilder text = new StringBuilder(header).append("written ").append(now).append('\n')
                    .append("key ").append(key).append('\n');
            for (String s : stats) {
                text.append(s).append('\n');
            }
            try {
                CacheFiles.writeAtomically(file, text.toString());
            } catch (RuntimeException e) {
                // a stamp is only an optimisation; a read-only cache still works
            }
        }
        return key;
    }

    /** The header has its five lines and no file name holds a line break (plain loops: this runs at start-up). */
    private static boolean fitsLineFormat(String header, List<String> javaFiles) {
        int lines = 0;
        for (int i = 0; i < header.length(); i++) {
            if (header.charAt(i) == '\n') {
                lines++;
            }
        }
        for (String f : javaFiles) {
            if (f.indexOf('\n') >= 0) {
                return false;
            }
        }
        return lines == 5;
    }

    private static Optional<String> read(Path file, String header, List<String> stats) {
        List<String> lines;
        try {
            lines = List.of(SmallFiles.readUtf8(file).split("\n", -1));
        } catch (IOException | RuntimeException e) {
            return Optional.empty(); // missing or unreadable: compute the key
        }
        if (!lines.isEmpty() && lines.get(lines.size() - 1).isEmpty()) {
            lines = lines.subList(0, lines.size() - 1); // the last line's terminator
        }
        String[] head = header.split("\n");
        if (lines.size() != head.length + 2 + stats.size()) {
            return Optional.empty();
        }
        for (int i = 0; i < head.length; i++) {
            if (!lines.get(i).equals(head[i])) {
                return Optional.empty();
            }
        }
        String written = lines.get(head.length);
        String key = lines.get(head.length + 1);
        if (!written.startsWith("written ") || !key.startsWith("key ") || key.length() != 4 + 32) {
            return Optional.empty();
        }
        long writtenAt;
        try {
            writtenAt = Long.parseLong(written.substring(8));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
        for (int i = 0; i < stats.size(); i++) {
            String s = stats.get(i);
            if (!lines.get(head.length + 2 + i).equals(s) || writtenAt - modifiedMillis(s) <= RACY_MILLIS) {
                return Optional.empty();
            }
        }
        return Optional.of(key.substring(4));
    }

    private static String header(RepoLayout layout, String hostMode) {
        return "format " + ContentKey.FORMAT + "\nroot " + layout.repoRoot() + "\nhubconf " + layout.hubconfEntry()
                + "\nhost " + hostMode + "\njava " + Runtime.version().feature() + "\n";
    }

    /** One line per file: kind, size, modification time in ns, file key, relative path. */
    private static List<String> stats(RepoLayout layout, SourceTree tree) throws IOException {
        List<String> out = new ArrayList<>();
        for (String rel : tree.javaFiles()) {
            out.add(stat("src", layout.sourceRoot().resolve(rel), rel));
        }
        for (Path jar : layout.libJars()) {
            out.add(stat("lib", jar, jar.getFileName().toString()));
        }
        return out;
    }

    private static String stat(String kind, Path file, String name) throws IOException {
        BasicFileAttributes a = Files.readAttributes(file, BasicFileAttributes.class);
        return kind + " " + a.size() + " " + FileHashes.nanos(a.lastModifiedTime()) + " "
                + String.valueOf(a.fileKey()).replace(' ', '_') + " " + name;
    }

    private static long modifiedMillis(String statLine) {
        String[] parts = statLine.split(" ", 4);
        return Long.parseLong(parts[2]) / 1_000_000L;
    }

    /** FNV-1a, 64 bits: names a stamp file without initialising a message digest. */
    static String fnv64(String text) {
        long h = 0xcbf29ce484222325L;
        for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        String hex = Long.toHexString(h);
        return "0".repeat(16 - hex.length()) + hex;
    }
}
