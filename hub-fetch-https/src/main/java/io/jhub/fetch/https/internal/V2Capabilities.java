package io.jhub.fetch.https.internal;

import io.jhub.git.wire.RefAdvertisement;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The protocol v2 capabilities each repository URL advertised in this process, so that a later ref lookup of the
 * same repository sends its {@code ls-refs} POST at once instead of asking {@code info/refs} again (git's
 * smart-HTTP is stateless: the POST does not depend on the GET). Bounded; the oldest entry leaves first. An entry
 * is dropped when the direct POST is not answered with the refs, and the lookup starts over with {@code info/refs}.
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
     * Returns what a repository advertised last.
     *
     * @param repo the repository's git URL
     * @return its v2 capabilities (no refs), or empty if not seen or forgotten
     */
    public synchronized Optional<RefAdvertisement> get(URI repo) {
        return Optional.ofNullable(byRepo.get(Objects.requireNonNull(repo, "repo")));
    }

    /**
     * Remembers a repository's v2 capabilities.
     *
     * @param repo the repository's git URL
     * @param caps its {@code info/refs} advertisement (version 2)
     */
    public synchronized void put(URI repo, RefAdvertisement caps) {
        if (caps.version() == 2) {
            byRepo.put(Objects.requireNonNull(repo, "repo"), caps);
        }
    }

    /**
     * Forgets a repository.
     *
     * @param repo the repository's git URL
     */
    public synchronized void forget(URI repo) {
        byRepo.remove(Objects.requireNonNull(repo, "repo"));
    }
}
