package io.jhub.core.internal.cache;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * A SHA-256 over a directory tree's relative paths, kinds and contents (links by their target), in sorted
 * order: a stable name for a tree whose commit id is unknown.
 */
public final class TreeHash {
    private TreeHash() {
    }

    /**
     * Hashes a tree.
     *
     * @param dir the tree's root
     * @return the first 40 hex digits of the SHA-256
     * @throws IOException if a file cannot be read
     */
    public static String of(Path dir) throws IOException {
        MessageDigest md;
        try {
            md = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
        List<Path> paths;
        try (Stream<Path> walk = Files.walk(dir)) {
            paths = walk.filter(p -> !p.equals(dir)).sorted().toList();
        }
        byte[] buf = new byte[64 * 1024];
        for (Path p : paths) {
            String rel = dir.relativize(p).toString().replace('\\', '/');
            if (Files.isSymbolicLink(p)) {
                md.update(("L " + rel + "\0" + Files.readSymbolicLink(p) + "\0").getBytes(StandardCharsets.UTF_8));
            } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                md.update(("D " + rel + "\0").getBytes(StandardCharsets.UTF_8));
            } else {
                md.update(((Files.isExecutable(p) ? "X " : "F ") + rel + "\0").getBytes(StandardCharsets.UTF_8));
                try (InputStream in = Files.newInputStream(p)) {
                    for (int n; (n = in.read(buf)) > 0; ) {
                        md.update(buf, 0, n);
                    }
                }
            }
        }
        return HexFormat.of().formatHex(md.digest()).substring(0, 40);
    }
}
