package io.jhub.git.attributes;

import java.time.Clock;
import java.util.Objects;

/**
 * Settings for {@link ExportFilter} that a host would take from its own state.
 *
 * @param abbrevLength the length of {@code %h}, {@code %t} and {@code %p} ids; git uses at least 7 and more for
 *     large repositories (see {@link #autoAbbrevLength}), and more still when 7 digits are ambiguous there
 * @param maxOutputBytes the most bytes one converted file may have; a larger result is refused
 * @param clock the time {@code %ar} and {@code %ah} are relative to (git archive uses the time it runs)
 * @since 0.2
 */
public record ExportOptions(int abbrevLength, long maxOutputBytes, Clock clock) {
    /** Git's shortest abbreviation. */
    public static final int MIN_ABBREV = 7;

    /**
     * Checks the options.
     *
     * @throws IllegalArgumentException if {@code abbrevLength} is not in 4..64 or {@code maxOutputBytes} is below 1
     * @throws NullPointerException if {@code clock} is null
     */
    public ExportOptions {
        Objects.requireNonNull(clock, "clock");
        if (abbrevLength < 4 || abbrevLength > 64) {
            throw new IllegalArgumentException("abbrevLength must be 4..64 (git's core.abbrev range), but was "
                    + abbrevLength);
        }
        if (maxOutputBytes < 1) {
            throw new IllegalArgumentException("maxOutputBytes must be positive, but was " + maxOutputBytes);
        }
    }

    /**
     * Options as a host with default settings would have them for a small repository: 7-digit ids, the system
     * clock, and the given output limit.
     *
     * @param maxOutputBytes the most bytes one converted file may have
     * @return the options
     */
    public static ExportOptions defaults(long maxOutputBytes) {
        return new ExportOptions(MIN_ABBREV, maxOutputBytes, Clock.systemUTC());
    }

    /**
     * The abbreviation length git's default {@code core.abbrev=auto} picks for a repository with this many
     * objects: half the bits of the count, rounded up, in hex digits, at least 7 (8 from 16384 objects on).
     *
     * @param objectCount the host repository's (approximate) number of objects
     * @return the length
     */
    public static int autoAbbrevLength(long objectCount) {
        int bits = objectCount <= 0 ? 1 : 64 - Long.numberOfLeadingZeros(objectCount);
        return Math.max(MIN_ABBREV, (bits + 1) / 2);
    }

    /**
     * The same options with another abbreviation length.
     *
     * @param length the new length
     * @return the options
     */
    public ExportOptions withAbbrevLength(int length) {
        return new ExportOptions(length, maxOutputBytes, clock);
    }
}
