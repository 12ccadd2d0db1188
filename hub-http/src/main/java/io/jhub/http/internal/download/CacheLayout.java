package io.jhub.http.internal.download;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where one downloaded file lives: {@code <cache>/weights/<sha256(url)[:6]>_<name>}, with its bookkeeping
 * (verified record, lock, partial file and its validator) in {@code <cache>/weights/.jhub/} on the same file
 * system, so the final rename is atomic.
 *
 * @param dir the weights directory
 * @param name the cached file's name
 */
public record CacheLayout(Path dir, String name) {
    /** Name of the weights folder under the hub cache. */
    public static final String WEIGHTS = "weights";

    /**
     * Computes the layout for a URL.
     *
     * @param cacheDir the hub's cache root
     * @param uri the URL
     * @param fileName a name that replaces the URL's last path segment
     * @return the layout
     */
    public static CacheLayout of(Path cacheDir, URI uri, Optional<String> fileName) {
        String prefix = Hashing.hex(Hashing.sha256(uri.toString().getBytes(StandardCharsets.UTF_8))).substring(0, 6);
        return new CacheLayout(cacheDir.resolve(WEIGHTS), prefix + "_" + fileName.orElseGet(() -> baseName(uri)));
    }

    /**
     * Returns the URL's last path segment made safe as a file name.
     *
     * @param uri the URL
     * @return a non-empty name of letters, digits, {@code . _ - +}
     */
    public static String baseName(URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath();
        String last = path.substring(path.lastIndexOf('/') + 1);
        StringBuilder sb = new StringBuilder();
        for (char c : last.toCharArray()) {
            boolean ok = c < 0x80 && (Character.isLetterOrDigit(c) || c == '.' || c == '_' || c == '-' || c == '+');
            sb.append(ok ? c : '_');
        }
        String s = sb.toString().replaceFirst("^\\.+", "");
        if (s.length() > 150) {
            s = s.substring(s.length() - 150);
        }
        return s.isEmpty() ? "download" : s;
    }

    /** @return the verified file */
    public Path target() {
        return dir.resolve(name);
    }

    /** @return the folder of bookkeeping files */
    public Path metaDir() {
        return dir.resolve(".jhub");
    }

    /** @return the record of what was verified about the target */
    public Path record() {
        return metaDir().resolve(name + ".verified");
    }

    /** @return the cross-process lock file */
    public Path lock() {
        return metaDir().resolve(name + ".lock");
    }

    /** @return the original URL of the target (without credentials or query), written at install */
    public Path urlRecord() {
        return metaDir().resolve(name + ".url");
    }

    /** @return the stamp whose modification time is the target's last use */
    public Path lastUse() {
        return metaDir().resolve(name + ".used");
    }

    /** @return the partial file, written only by the lock holder */
    public Path partial() {
        return metaDir().resolve(name + ".partial");
    }

    /** @return the validator and progress of the partial file */
    public Path partialMeta() {
        return metaDir().resolve(name + ".partial.meta");
    }
}
