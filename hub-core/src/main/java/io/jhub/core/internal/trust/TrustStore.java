package io.jhub.core.internal.trust;

import io.jhub.http.internal.cache.CacheFiles;
import io.jhub.http.internal.cache.CacheLock;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * The {@code trusted_list} file in the cache root: one repository per line as {@code host/owner/name},
 * {@code #} starts a comment. Written under a lock and replaced atomically, so concurrent writers lose nothing.
 */
public final class TrustStore {
    private final Path file;
    private final Path lockFile;

    /**
     * Creates a view of the trust list in a cache root.
     *
     * @param cacheRoot the hub's cache directory
     */
    public TrustStore(Path cacheRoot) {
        this.file = cacheRoot.resolve("trusted_list");
        this.lockFile = cacheRoot.resolve(".trusted_list.lock");
    }

    /**
     * Returns the path of the list, for messages.
     *
     * @return the file
     */
    public Path file() {
        return file;
    }

    /**
     * Tells whether a repository is in the list.
     *
     * @param key {@code host/owner/name}
     * @return true if trusted
     */
    public boolean isTrusted(String key) {
        return entries().contains(key);
    }

    /**
     * Returns every trusted repository.
     *
     * @return the keys in file order
     */
    public List<String> entries() {
        return CacheFiles.readIfExists(file).map(text -> Arrays.stream(text.split("\n"))
                .map(String::trim).filter(l -> !l.isEmpty() && !l.startsWith("#"))
                .collect(Collectors.toList())).orElse(List.of());
    }

    /**
     * Adds a repository to the list if it is not there yet.
     *
     * @param key {@code host/owner/name}
     * @return true if it was added, false if it was already trusted
     */
    public boolean add(String key) {
        try (CacheLock ignored = CacheLock.acquire(lockFile)) {
            List<String> lines = new ArrayList<>(CacheFiles.readIfExists(file)
                    .map(t -> Arrays.asList(t.split("\n"))).orElse(List.of()));
            if (lines.stream().map(String::trim).anyMatch(key::equals)) {
                return false;
            }
            if (lines.isEmpty()) {
                lines.add("# Repositories whose code jhub may compile and run, one host/owner/name per line.");
            }
            lines.add(key);
            CacheFiles.writeAtomically(file, String.join("\n", lines) + "\n");
            return true;
        }
    }

    /**
     * Removes a repository from the list.
     *
     * @param key {@code host/owner/name}
     * @return true if it was there
     */
    public boolean remove(String key) {
        try (CacheLock ignored = CacheLock.acquire(lockFile)) {
            List<String> lines = new ArrayList<>(CacheFiles.readIfExists(file)
                    .map(t -> Arrays.asList(t.split("\n"))).orElse(List.of()));
            boolean removed = lines.removeIf(l -> l.trim().equals(key));
            if (removed) {
                CacheFiles.writeAtomically(file, String.join("\n", lines) + "\n");
            }
            return removed;
        }
    }
}
