package io.jhub.http.internal;

import java.util.Optional;
import java.util.function.Function;

/** Reads a whole-number setting ({@code http.retries}, {@code download.connections}, ...) within its bounds. */
public final class WholeSetting {
    private WholeSetting() {
    }

    /**
     * Returns a setting's value, or the default when it is not set.
     *
     * @param settings where settings are read
     * @param key the setting's name
     * @param dflt the value when unset
     * @param min the smallest value allowed
     * @param max the largest value allowed
     * @return the value
     * @throws IllegalArgumentException if the value is not a whole number within the bounds (the message names
     *         the setting, the bounds and the value)
     */
    public static long read(Function<String, Optional<String>> settings, String key, long dflt, long min, long max) {
        Optional<String> value = settings.apply(key);
        return value.isEmpty() ? dflt : parse(key, value.get(), min, max);
    }

    private static long parse(String key, String value, long min, long max) {
        try {
            long v = Long.parseLong(value.trim());
            if (v < min || v > max) {
                throw new NumberFormatException();
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Setting " + key + " must be a whole number between " + min + " and "
                    + max + ", got \"" + value + "\"");
        }
    }
}
