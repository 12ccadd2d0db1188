package io.jhub.fetch.https.internal;

/**
 * Caps on what one archive may expand to (zip-bomb guard).
 *
 * @param maxEntries most entries (files, directories, links) an archive may hold
 * @param maxBytes most bytes its files may expand to in total
 */
public record ArchiveLimits(long maxEntries, long maxBytes) {
    /**
     * Validates the limits.
     *
     * @throws IllegalArgumentException if a limit is not positive
     */
    public ArchiveLimits {
        if (maxEntries < 1 || maxBytes < 1) {
            throw new IllegalArgumentException("archive limits must be positive, got maxEntries=" + maxEntries
                    + " maxBytes=" + maxBytes);
        }
    }
}
