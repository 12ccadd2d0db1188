package io.jhub.fetch.https.internal;

import io.jhub.http.Credential;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * An access token, where it came from, and the exact https authorities it belongs to. {@link #toString()} never
 * shows the value. {@link #credential} is the only way a token reaches a request: it yields a credential only
 * for a URL whose scheme, host and port are one of {@link #authorities()}, and the HTTP engine then keeps it on
 * that authority across redirects.
 *
 * @param value the secret
 * @param source where it was found, for messages, such as {@code environment variable GITHUB_TOKEN}
 * @param authorities where it may go, as {@link Authority} spells them (e.g. {@code github.com},
 *        {@code api.github.com}, {@code git.example.org:8443}); https only
 */
public record Token(String value, String source, Set<String> authorities) {
    /**
     * Validates the fields.
     *
     * @throws NullPointerException if a field is null
     * @throws IllegalArgumentException if no authority is given
     */
    public Token {
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(source, "source");
        authorities = Set.copyOf(authorities);
        if (authorities.isEmpty()) {
            throw new IllegalArgumentException("a token needs at least one authority");
        }
    }

    /**
     * Tells whether the token may be sent to a URL.
     *
     * @param uri the URL
     * @return true for an https URL whose host and port are one of the token's authorities
     */
    public boolean appliesTo(URI uri) {
        return authorities.contains(Authority.of(uri));
    }

    /**
     * Makes the credential carrying this token to {@code uri}, bound to that URL's authority.
     *
     * @param uri the URL the request goes to
     * @param headerName the header, such as {@code Authorization}
     * @param headerValue the header value holding the token
     * @return the credential, or empty when the token does not belong to the URL's authority
     */
    public Optional<Credential> credential(URI uri, String headerName, String headerValue) {
        if (!appliesTo(uri)) {
            return Optional.empty();
        }
        return Optional.of(new Credential(Authority.of(uri), headerName, headerValue, source));
    }

    @Override
    public String toString() {
        return "Token[from " + source + " for " + authorities.stream().sorted().toList() + "]";
    }
}
