package io.jhub.http;

import io.jhub.http.internal.Redaction;
import java.net.URI;
import java.util.Objects;

/**
 * How jhub shows a URL in messages and logs: without user information (a password in {@code user:pass@}) and
 * with the query hidden (signed URLs carry secrets there). The engine formats its own messages this way; a
 * fetcher that logs or reports a URL of its own uses this, so the rule lives in one place.
 *
 * @since 0.2
 */
public final class SafeUrls {
    private SafeUrls() {
    }

    /**
     * Returns a URL as it may be shown.
     *
     * @param uri any URI
     * @return its scheme, host, port and path, and {@code ?...} when it had a query
     * @throws NullPointerException if {@code uri} is null
     */
    public static String forDisplay(URI uri) {
        return Redaction.forDisplay(Objects.requireNonNull(uri, "uri"));
    }

    /**
     * Returns a URL without its user information, for a value kept in an exception or a record (the query stays:
     * it may be needed to ask again; it is hidden only where the URL is shown).
     *
     * @param uri any URI
     * @return {@code uri} without {@code user:pass@}
     * @throws NullPointerException if {@code uri} is null
     */
    public static URI withoutUserInfo(URI uri) {
        return Redaction.withoutUserInfo(Objects.requireNonNull(uri, "uri"));
    }
}
