package io.jhub.http.internal.download;

import io.jhub.http.HttpReply;
import java.util.Optional;

/** Picks the validator for {@code If-Range}: a strong ETag, else Last-Modified (weak ETags are not allowed). */
public final class Validators {
    private Validators() {
    }

    /**
     * Picks a reply's validator.
     *
     * @param reply the reply
     * @return its strong ETag, else its Last-Modified, else empty
     */
    public static Optional<String> of(HttpReply reply) {
        Optional<String> etag = reply.header("ETag").map(String::trim).filter(e -> e.startsWith("\""));
        return etag.isPresent() ? etag : reply.header("Last-Modified").map(String::trim).filter(s -> !s.isEmpty());
    }
}
