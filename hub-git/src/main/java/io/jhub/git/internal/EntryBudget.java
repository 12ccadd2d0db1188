package io.jhub.git.internal;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.TreeLimits;
import io.jhub.git.TreePaths;

/**
 * Counts a tree's entries and file bytes against its {@link TreeLimits}; used by the thread feeding the writer
 * only, so every limit is checked before the bytes it counts are written.
 */
public final class EntryBudget {
    private final TreeLimits limits;
    private long entries;
    private long bytes;

    /**
     * Creates an empty budget.
     *
     * @param limits the caps
     */
    public EntryBudget(TreeLimits limits) {
        this.limits = limits;
    }

    /** @return the entries counted so far */
    public long entries() {
        return entries;
    }

    /** @return the file bytes counted so far */
    public long bytes() {
        return bytes;
    }

    /**
     * Counts one entry.
     *
     * @param rel the entry, for the message
     * @throws UnsafeArchiveException when the limit is passed
     */
    public void countEntry(String rel) {
        if (++entries > limits.maxEntries()) {
            throw new UnsafeArchiveException("Refusing the tree at the entry \"" + TreePaths.printable(rel)
                    + "\": the tree holds more than " + limits.maxEntries() + " entries (the limit of "
                    + limits.source() + "). If the repository really is that large, raise the limit.");
        }
    }

    /**
     * Refuses a file whose declared size alone would pass the byte limit, before anything of it is read.
     *
     * @param rel the entry, for the message
     * @param size the size its header or object declares; -1 if unknown
     * @throws UnsafeArchiveException when the limit would be passed
     */
    public void checkDeclared(String rel, long size) {
        if (size >= 0 && size > limits.maxBytes() - bytes) {
            throw overBytes(rel, "declares " + size + " bytes, which would bring the tree's files past");
        }
    }

    /**
     * Counts file bytes actually read.
     *
     * @param rel the entry, for the message
     * @param n how many bytes
     * @throws UnsafeArchiveException when the limit is passed
     */
    public void countBytes(String rel, long n) {
        bytes += n;
        if (bytes > limits.maxBytes()) {
            throw overBytes(rel, "brings the tree's files past");
        }
    }

    private UnsafeArchiveException overBytes(String rel, String what) {
        return new UnsafeArchiveException("Refusing the tree: the file \"" + TreePaths.printable(rel) + "\" " + what
                + " " + limits.maxBytes() + " bytes (the limit of " + limits.source() + "). If the repository"
                + " really is that large, raise the limit.");
    }
}
