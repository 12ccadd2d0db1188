package io.jhub.fetch.https.internal;

import io.jhub.git.wire.RefAdvertisement;
import java.net.URI;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol v2 capabilities each repository URL advertised, so that a later ref lookup of the same repository
 * sends its {@code ls-refs} POST at once instead of asking {@code info/refs} again (git's smart-HTTP is
 * stateless: the POST does not depend on the GET). Kept in memory (bounded; the oldest entry leaves first) and,
 * when the hub offers a state directory, also in one small file per URL there ({@link CapabilityFiles}), so that
 * the next process sends one request too. Memory is asked first, then the directory. An entry is forgotten in
 * both when the direct POST is not answered with the refs, and the lookup starts over with {@code info/refs}.
 */
public final class V2Capabilities {
    private static final int MAX_ENTRIES = 64;
    private final Map<URI, RefAdvertisement> byRepo = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<URI, RefAdvertisement> eldest) {
            return size() > MAX_ENTRIES;
        }
    };

    /** Creates an empty memo. */
    public V2Capabilities() {
    }

    /**
     * Returns what a repository advertised last: from memory, else from the state directory (then remembered in
     * memory too).
     *
     * @param repo the repository's git URL
     * @param state the fetcher's state directory, if the hub offers one
     * @return its v2 capabilities (no refs), or empty if not seen, forgotten, or the file was unusable
     */
    public Optional<RefAdvertisement> get(URI repo, Optional<Path> state) {
        Objects.requireNonNull(repo, "repo");
        synchronized (this) {
            RefAdvertisement known = byRepo.get(repo);
            if (known != null) {
                return Optional.of(known);
            }
        }
        if (state.isEmpty()) {
            return Optional.empty();
        }
        Optional<RefAdvertisement> stored = CapabilityFiles.read(state.get(), repo);
        if (stored.isPresent()) {
            synchronized (this) {
                byRepo.put(repo, stored.get());
            }
        }
        return stored;
    }

    /**
     * Remembers a repository's v2 capabilities in memory and in the state directory; a v0 advertisement is not
     * remembered.
     *
     * @param repo the repository's git URL
     * @param caps its {@code info/refs} advertisement (version 2)
     * @param state the fetcher's state directory, if the hub offers one
     */
    public void put(URI repo, RefAdvertisement caps, Optional<Path> state) {
        Objects.requireNonNull(repo, "repo");
        if (caps.version() != 2) {
            return;
        }
        synchronized (this) {
            byRepo.put(repo, caps);
        }
        state.ifPresent(dir -> CapabilityFiles.write(dir, repo, caps));
    }

    /**
     * Forgets a repository, in memory and in the state directory.
     *
     * @param repo the repository's git URL
     * @param state the fetcher's state directory, if the hub offers one
     */
    public void forget(URI repo, Optional<Path> state) {
        Objects.requireNonNull(repo, "repo");
        synchronized (this) {
            byRepo.remove(repo);
        }
        state.ifPresent(dir -> CapabilityFiles.delete(dir, repo));
    }
}
