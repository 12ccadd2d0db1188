package io.jhub.core.internal.cache;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One removable entry of the writable cache, as the inventory found it.
 *
 * @param kind what it is
 * @param group the repository ({@code host/owner/name}) of a tree; empty for the other kinds
 * @param id the commit of a tree, the content key of compiled classes, the file name of weights
 * @param path the entry's directory or file
 * @param stamp its last-use stamp (see {@link io.jhub.http.internal.cache.UseStamps})
 * @param lock the lock its writer holds while installing it
 * @param companions small files that go with it (markers, records), removed after it
 * @param bytes the size of its files
 * @param lastUsed the stamp's time, else the entry's own modification time
 * @param url the URL weights were downloaded from, when recorded
 * @param sha256 the verified SHA-256 of weights, when recorded
 * @param validated false for a tree fetched with skip-validation
 */
public record CacheEntry(Kind kind, String group, String id, Path path, Path stamp, Path lock, List<Path> companions,
                         long bytes, Instant lastUsed, Optional<String> url, Optional<String> sha256,
                         boolean validated) {
    /** The kinds of entries. */
    public enum Kind {
        /** A fetched tree of one commit. */
        TREE,
        /** The compiled classes of one content key. */
        COMPILED,
        /** A downloaded weights file. */
        WEIGHTS
    }

    /**
     * Checks and copies the fields.
     */
    public CacheEntry {
        Objects.requireNonNull(kind, "kind");
        companions = List.copyOf(companions);
    }

    /**
     * Describes the entry in one word-group, for reports.
     *
     * @return such as {@code github.com/o/r@1a2b...}, {@code compiled 0f3e...} or {@code weights 1a2b3c_m.pt}
     */
    public String describe() {
        return switch (kind) {
            case TREE -> group + "@" + id;
            case COMPILED -> "compiled " + id;
            case WEIGHTS -> "weights " + id;
        };
    }
}
