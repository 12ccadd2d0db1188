package io.jhub.git;

import io.jhub.api.FetchException;
import io.jhub.api.HubDefaults;
import java.util.Objects;
import java.util.Optional;

/**
 * Caps on what one fetched tree may expand to (a zip-bomb guard), and where a user raises them.
 *
 * @param maxEntries most entries (files, directories, links) a tree may hold
 * @param maxBytes most bytes its files may hold in total; checked against each file's declared size before any of
 *        it is written, and against the bytes actually read
 * @param source where the limits come from, named in a refusal so the user knows what to raise, e.g.
 *        {@code "the settings https.maxEntries and https.maxBytes"}
 * @since 0.2
 */
public record TreeLimits(long maxEntries, long maxBytes, String source) {
    /**
     * Validates the limits.
     *
     * @throws IllegalArgumentException if a limit is not positive or the source is blank
     * @throws NullPointerException if {@code source} is null
     */
    public TreeLimits {
        Objects.requireNonNull(source, "source");
        if (maxEntries < 1 || maxBytes < 1 || source.isBlank()) {
            throw new IllegalArgumentException("tree limits must be positive and name their source, got maxEntries="
                    + maxEntries + " maxBytes=" + maxBytes + " source=\"" + source + "\"");
        }
    }

    /**
     * Returns jhub's defaults, {@link HubDefaults#MAX_ARCHIVE_ENTRIES} and {@link HubDefaults#MAX_ARCHIVE_BYTES}.
     *
     * @return the default limits
     */
    public static TreeLimits defaults() {
        return new TreeLimits(HubDefaults.MAX_ARCHIVE_ENTRIES, HubDefaults.MAX_ARCHIVE_BYTES,
                "jhub's defaults HubDefaults.MAX_ARCHIVE_ENTRIES and MAX_ARCHIVE_BYTES");
    }

    /**
     * Reads a positive whole-number setting such as {@code https.maxEntries} or {@code ssh.maxBytes}, the one rule
     * both fetchers use ({@code _} may group digits: {@code 8_000_000}).
     *
     * @param key the setting's name, for the message
     * @param text its value, if set (blank counts as unset)
     * @param fallback the value when unset
     * @return the value
     * @throws FetchException if the value is not a whole number of 1 or more; the message names the setting, the
     *         value and the default
     */
    public static long positiveSetting(String key, Optional<String> text, long fallback) {
        Optional<String> value = text.map(String::trim).filter(v -> !v.isEmpty());
        if (value.isEmpty()) {
            return fallback;
        }
        try {
            long v = Long.parseLong(value.get().replace("_", ""));
            if (v >= 1) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new FetchException("Invalid setting " + key + "=\"" + value.get() + "\": use a positive whole number"
                + " (default " + fallback + ").");
    }
}
