package io.jhub.api.spi;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The outcome of resolving a ref: a full commit id, or unknown when the transport cannot tell without fetching.
 *
 * @param commit the full 40 (SHA-1) or 64 (SHA-256) hex digit commit id, lower case
 * @since 0.1
 */
public record Resolution(Optional<String> commit) {
    private static final Pattern FULL_ID = Pattern.compile("[0-9a-f]{40}|[0-9a-f]{64}");
    private static final Pattern ABBREVIATED_ID = Pattern.compile("[0-9a-fA-F]{4,39}");
    private static final Resolution UNKNOWN = new Resolution(Optional.empty());

    /**
     * Validates the commit id.
     *
     * @throws IllegalArgumentException if the id is not 40 or 64 lower-case hex digits
     */
    public Resolution {
        Objects.requireNonNull(commit, "commit");
        commit.ifPresent(c -> {
            if (!FULL_ID.matcher(c).matches()) {
                throw new IllegalArgumentException("not a full lower-case commit id: \"" + c + "\"");
            }
        });
    }

    /**
     * A resolution to a known commit.
     *
     * @param commit the full commit id
     * @return the resolution
     */
    public static Resolution of(String commit) {
        return new Resolution(Optional.of(commit));
    }

    /**
     * The resolution of a transport that cannot resolve without fetching.
     *
     * @return the unknown resolution
     */
    public static Resolution unknown() {
        return UNKNOWN;
    }

    /**
     * Tells whether {@code text} is a full commit id.
     *
     * @param text any string
     * @return true for 40 or 64 lower-case hex digits
     */
    public static boolean isFullCommitId(String text) {
        return FULL_ID.matcher(text).matches();
    }

    /**
     * Tells whether {@code text} is an abbreviated commit id: 4 to 39 hex digits, in any case (git abbreviates to
     * no fewer than 4). This is the one rule jhub uses for abbreviations.
     *
     * @param text any string
     * @return true for 4 to 39 hex digits
     */
    public static boolean isAbbreviatedCommitId(String text) {
        return ABBREVIATED_ID.matcher(text).matches();
    }
}
