package io.jhub.core.internal.compile;

import io.jhub.api.HubException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;

/**
 * The key of a compiled-cache entry: a SHA-256 over everything the compiled classes depend on, namely the
 * hubconf path, every Java source under the source root, every {@code lib/*.jar}, the Java feature version and
 * how the host runs jhub (module path or class path). jhub's own version is deliberately not part of it.
 * Resources are served from the tree itself, not copied into the compiled cache, so they are not part of it.
 */
public final class ContentKey {
    /** Bump when the layout of a compiled-cache entry changes. */
    static final String FORMAT = "jhub-compiled-3";

    private ContentKey() {
    }

    /**
     * Computes the key.
     *
     * @param layout the repository layout
     * @param tree the files under the source root
     * @param hostMode a word for how jhub runs ({@code module} or {@code classpath})
     * @return 32 lower-case hex digits
     * @throws HubException if a file cannot be read
     */
    public static String of(RepoLayout layout, SourceTree tree, String hostMode) {
        MessageDigest md = FileHashes.newDigest();
        line(md, FORMAT);
        line(md, "java " + Runtime.version().feature());
        line(md, "host " + hostMode);
        line(md, "hubconf " + layout.hubconfEntry());
        line(md, "root " + layout.repoRoot().relativize(layout.sourceRoot()).toString().replace('\\', '/'));
        try {
            for (String rel : tree.javaFiles()) {
                line(md, "src " + rel + " " + FileHashes.sha256(layout.sourceRoot().resolve(rel)));
            }
            for (Path jar : layout.libJars()) {
                line(md, "lib " + jar.getFileName() + " " + FileHashes.sha256(jar));
            }
        } catch (IOException e) {
            throw new HubException("Cannot read a file of the hub repository at " + layout.repoRoot() + ": "
                    + e.getMessage(), e);
        }
        return HexFormat.of().formatHex(md.digest(), 0, 16);
    }

    private static void line(MessageDigest md, String text) {
        md.update(text.getBytes(StandardCharsets.UTF_8));
        md.update((byte) '\n');
    }
}
