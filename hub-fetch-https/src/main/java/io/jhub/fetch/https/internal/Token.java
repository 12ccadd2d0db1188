package io.jhub.fetch.https.internal;

import java.util.Objects;

/**
 * An access token and where it came from. {@link #toString()} never shows the value.
 *
 * @param value the secret
 * @param source where it was found, for messages, such as {@code environment variable GITHUB_TOKEN}
 */
public record Token(String value, String source) {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public Token {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
    }

    @Override
    public String toString() {
        return "Token[from " + source + "]";
    }
}
