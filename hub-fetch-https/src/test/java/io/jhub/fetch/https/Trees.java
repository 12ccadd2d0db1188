package io.jhub.fetch.https;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/** Describes directory trees for comparison: every path with its kind, content digest or link text, and exec bit. */
final class Trees {
    private Trees() {
    }

    static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                if (p.equals(root)) {
                    continue;
                }
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, "dir");
                } else {
                    out.put(rel, "file:" + sha256(Files.readAllBytes(p)) + ":" + (Files.isExecutable(p) ? "x" : "-"));
                }
            }
        }
        return out;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Lists every path below {@code dir}, without following links. */
    static java.util.Set<String> listing(Path dir) throws IOException {
        java.util.Set<String> out = new java.util.TreeSet<>();
        try (Stream<Path> s = Files.walk(dir)) {
            s.forEach(p -> out.add(dir.relativize(p).toString()));
        }
        return out;
    }
}
