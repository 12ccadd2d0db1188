package io.jhub.core.internal.cache;

import io.jhub.http.internal.download.Hashing;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The content hash of an extracted tree, with what each file looked like when it was hashed.
 *
 * <p>The tree hash is {@code sha256:} and the hex SHA-256 of one line {@code <mode> <sha256> <path>\n} per file,
 * sorted by the path's UTF-8 bytes; mode is {@code 100644} (file), {@code 100755} (executable) or {@code 120000}
 * (symbolic link, hashed over its target); a path is relative with {@code /}, and {@code %}, CR and LF in it are
 * written {@code %25}, {@code %0D}, {@code %0A}. Directories do not count. Each file's size and modification time
 * are kept too, so that {@link #unchanged(Path)} can tell cheaply (one stat per file) that nothing was touched.
 *
 * @param digest the tree hash, {@code sha256:<hex>}, as {@link #of(Map)} computes it
 * @param files the files by path, in hash order
 */
public record TreeStamp(String digest, Map<String, FileState> files) {
    /**
     * One file of a tree.
     *
     * @param mode 100644, 100755 or 120000
     * @param size the size in bytes when hashed
     * @param mtimeMillis the modification time when hashed
     * @param sha256 the content's SHA-256 in hex
     */
    public record FileState(String mode, long size, long mtimeMillis, String sha256) {
    }

    /**
     * Hashes every file of a tree.
     *
     * @param tree the tree's root
     * @return the stamp
     * @throws IOException if the tree cannot be read
     */
    public static TreeStamp scan(Path tree) throws IOException {
        Map<String, BasicFileAttributes> stats = stat(tree);
        Map<String, FileState> files = new LinkedHashMap<>();
        for (Map.Entry<String, BasicFileAttributes> e : stats.entrySet()) {
            Path p = tree.resolve(e.getKey());
            BasicFileAttributes a = e.getValue();
            String mode;
            String sha;
            if (a.isSymbolicLink()) {
                mode = "120000";
                sha = Hashing.hex(Hashing.sha256(Files.readSymbolicLink(p).toString().replace('\\', '/')
                        .getBytes(StandardCharsets.UTF_8)));
            } else {
                mode = Files.isExecutable(p) ? "100755" : "100644";
                sha = Hashing.sha256Hex(p);
            }
            files.put(e.getKey(), new FileState(mode, a.size(), a.lastModifiedTime().toMillis(), sha));
        }
        return of(files);
    }

    /**
     * Makes the stamp of some files, computing the tree hash.
     *
     * @param files the files by path, sorted by the path's UTF-8 bytes
     * @return the stamp
     */
    public static TreeStamp of(Map<String, FileState> files) {
        MessageDigest md = sha256();
        for (Map.Entry<String, FileState> e : files.entrySet()) {
            md.update((e.getValue().mode() + " " + e.getValue().sha256() + " " + escape(e.getKey()) + "\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        return new TreeStamp("sha256:" + HexFormat.of().formatHex(md.digest()), files);
    }

    /**
     * Tells whether the tree still has exactly these files with these sizes and modification times.
     *
     * @param tree the tree's root
     * @return true if no file was added, removed, resized or touched
     */
    public boolean unchanged(Path tree) {
        // the path of every locked cache hit: one walk, no sorting, no hashing
        int[] seen = {0};
        boolean[] same = {true};
        try {
            Files.walkFileTree(tree, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                    FileState s = files.get(tree.relativize(file).toString().replace('\\', '/'));
                    seen[0]++;
                    if (s == null || s.size() != a.size() || s.mtimeMillis() != a.lastModifiedTime().toMillis()) {
                        same[0] = false;
                        return FileVisitResult.TERMINATE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return false;
        }
        return same[0] && seen[0] == files.size();
    }

    /**
     * Names the files that differ between this stamp (what was installed) and another (what is there now).
     *
     * @param now the stamp of the tree as it is
     * @return one line per changed, missing or added file, sorted by path
     */
    public List<String> differences(TreeStamp now) {
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, FileState> e : files.entrySet()) {
            FileState n = now.files().get(e.getKey());
            if (n == null) {
                out.add(e.getKey() + ": missing");
            } else if (!n.sha256().equals(e.getValue().sha256()) || !n.mode().equals(e.getValue().mode())) {
                out.add(e.getKey() + ": content or mode changed (sha256 " + e.getValue().sha256() + " installed, "
                        + n.sha256() + " now)");
            }
        }
        for (String p : now.files().keySet()) {
            if (!files.containsKey(p)) {
                out.add(p + ": added after install");
            }
        }
        out.sort(null);
        return out;
    }

    static String escape(String path) {
        return path.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String unescape(String path) {
        return path.replace("%0A", "\n").replace("%0D", "\r").replace("%25", "%");
    }

    private static Map<String, BasicFileAttributes> stat(Path tree) throws IOException {
        List<Map.Entry<byte[], String>> found = new ArrayList<>();
        Map<String, BasicFileAttributes> attrs = new java.util.HashMap<>();
        Files.walkFileTree(tree, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                String rel = tree.relativize(file).toString().replace('\\', '/');
                found.add(Map.entry(rel.getBytes(StandardCharsets.UTF_8), rel));
                attrs.put(rel, a);
                return FileVisitResult.CONTINUE;
            }
        });
        found.sort(Map.Entry.comparingByKey(Arrays::compareUnsigned));
        Map<String, BasicFileAttributes> sorted = new LinkedHashMap<>();
        for (Map.Entry<byte[], String> e : found) {
            sorted.put(e.getValue(), attrs.get(e.getValue()));
        }
        return sorted;
    }

    private static MessageDigest sha256() {
        return Hashing.newSha256();
    }
}
