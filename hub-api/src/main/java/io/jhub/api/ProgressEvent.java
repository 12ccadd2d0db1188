package io.jhub.api;

import java.util.Objects;

/**
 * A step of work with how far it has come.
 *
 * @param phase what kind of work
 * @param subject what it works on (a URL without credentials, a repository, a file name)
 * @param done units done so far (bytes for transfers, entries for extraction)
 * @param total units expected, or -1 when unknown
 * @since 0.1
 */
public record ProgressEvent(Phase phase, String subject, long done, long total) {

    /** The kinds of work jhub reports. */
    public enum Phase {
        /** Resolving a ref to a commit id. */
        RESOLVE,
        /** Transferring bytes. */
        DOWNLOAD,
        /** Writing files from an archive or pack. */
        EXTRACT,
        /** Compiling a hub repository. */
        COMPILE,
        /**
         * Waiting for a cache lock that another process holds; {@code subject} is the lock file. The work it
         * guards starts (and its rate is counted) only once the lock is taken.
         */
        WAIT,
        /** A step finished; {@code done} holds its final count. */
        DONE
    }

    /**
     * Validates the fields.
     *
     * @throws NullPointerException if phase or subject is null
     * @throws IllegalArgumentException if {@code done} is negative or {@code total} is below -1
     */
    public ProgressEvent {
        Objects.requireNonNull(phase, "phase");
        Objects.requireNonNull(subject, "subject");
        if (done < 0 || total < -1) {
            throw new IllegalArgumentException("done must be >= 0 and total >= -1, got " + done + "/" + total);
        }
    }

    /**
     * Returns the fraction done, when the total is known.
     *
     * @return a value in [0, 1], or -1 when the total is unknown
     */
    public double fraction() {
        return total <= 0 ? -1 : Math.min(1.0, (double) done / total);
    }
}
