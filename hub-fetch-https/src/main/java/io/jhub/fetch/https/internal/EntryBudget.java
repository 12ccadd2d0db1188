package io.jhub.fetch.https.internal;

import io.jhub.api.UnsafeArchiveException;

/**
 * Counts an archive's entries and file bytes against its {@link ArchiveLimits}; used by the thread reading the
 * archive only, so every limit is checked before the bytes it counts are written.
 */
final class EntryBudget {
    private final ArchiveLimits limits;
    private long entries;
    private long bytes;

    EntryBudget(ArchiveLimits limits) {
        this.limits = limits;
    }

    long entries() {
        return entries;
    }

    long bytes() {
        return bytes;
    }

    void countEntry() {
        if (++entries > limits.maxEntries()) {
            throw new UnsafeArchiveException("Refusing archive: it holds more than " + limits.maxEntries()
                    + " entries (setting https.maxEntries); raise the limit if the repository is really that large.");
        }
    }

    void countBytes(long n) {
        bytes += n;
        if (bytes > limits.maxBytes()) {
            throw new UnsafeArchiveException("Refusing archive: it expands to more than " + limits.maxBytes()
                    + " bytes (setting https.maxBytes); raise the limit if the repository is really that large.");
        }
    }
}
