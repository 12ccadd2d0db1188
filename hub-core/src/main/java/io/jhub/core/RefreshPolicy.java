package io.jhub.core;

import java.util.Locale;
import java.util.Objects;

/**
 * When a branch or tag is looked up again on the remote (Maven's {@code updatePolicy}): {@link #always()} asks
 * the remote on every call; {@link #minutes(long)} reuses a resolution younger than that many minutes with no
 * request; {@link #never()} resolves a ref once and reuses it from then on. A pinned commit never needs a lookup,
 * and {@code useCache(false)} ({@code --no-cache}) always asks the remote.
 *
 * @param minutes how old a reused resolution may be: 0 for always, {@link Long#MAX_VALUE} for never
 * @since 0.3
 */
public record RefreshPolicy(long minutes) {
    /** The name of the setting that chooses the policy. */
    public static final String SETTING = "refs.refresh";

    /**
     * Checks the value.
     *
     * @param minutes 0 (always) or more
     * @throws IllegalArgumentException if negative
     */
    public RefreshPolicy {
        if (minutes < 0) {
            throw new IllegalArgumentException("A refresh interval cannot be negative, got " + minutes
                    + " minutes; use always, never or a number of minutes such as 60.");
        }
    }

    /**
     * Returns the policy that checks the remote on every call (the default).
     *
     * @return the policy
     */
    public static RefreshPolicy always() {
        return new RefreshPolicy(0);
    }

    /**
     * Returns the policy that resolves a ref once and never again.
     *
     * @return the policy
     */
    public static RefreshPolicy never() {
        return new RefreshPolicy(Long.MAX_VALUE);
    }

    /**
     * Returns the policy that reuses a resolution younger than {@code minutes}.
     *
     * @param minutes at least 1
     * @return the policy
     * @throws IllegalArgumentException if {@code minutes} is less than 1
     */
    public static RefreshPolicy minutes(long minutes) {
        if (minutes < 1) {
            throw new IllegalArgumentException("A refresh interval must be at least 1 minute, got " + minutes
                    + "; use always to check on every call.");
        }
        return new RefreshPolicy(minutes);
    }

    /**
     * Parses {@code always}, {@code never} or a whole number of minutes.
     *
     * @param text the value of {@code refs.refresh} or {@code --refresh}
     * @return the policy
     * @throws IllegalArgumentException if the text is none of these (the message quotes it)
     */
    public static RefreshPolicy parse(String text) {
        String t = Objects.requireNonNull(text, "text").strip().toLowerCase(Locale.ROOT);
        if (t.equals("always")) {
            return always();
        }
        if (t.equals("never")) {
            return never();
        }
        try {
            return minutes(Long.parseLong(t));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Invalid refresh policy \"" + text + "\" (" + SETTING
                    + " / --refresh): use always, never, or a whole number of minutes such as 60.");
        }
    }

    /**
     * Tells whether a resolution made at {@code resolvedAtMillis} may be reused at {@code nowMillis}.
     *
     * @param resolvedAtMillis when the remote was last asked
     * @param nowMillis now
     * @return true if no request is needed
     */
    public boolean reuses(long resolvedAtMillis, long nowMillis) {
        if (minutes == 0) {
            return false;
        }
        if (minutes == Long.MAX_VALUE) {
            return true;
        }
        long age = nowMillis - resolvedAtMillis;
        return age >= 0 && age < minutes * 60_000L;
    }

    /**
     * Returns the policy as the setting spells it.
     *
     * @return {@code always}, {@code never} or the number of minutes
     */
    @Override
    public String toString() {
        return minutes == 0 ? "always" : minutes == Long.MAX_VALUE ? "never" : Long.toString(minutes);
    }
}
