package io.jhub.http.internal;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A request as a {@link Transport} sends it: the engine has already chosen every header.
 *
 * @param method the method, such as {@code GET}
 * @param uri the absolute http(s) URL
 * @param headers the request headers in order (no {@code Host}, {@code Connection} or {@code Content-Length})
 * @param body the body, if any
 * @param bounds the rate, headers and overall bounds the transport applies to this request
 */
public record TransportRequest(String method, URI uri, Map<String, String> headers, Optional<byte[]> body,
                               Bounds bounds) {
    /**
     * Checks the fields.
     *
     * @throws NullPointerException if a field is null
     */
    public TransportRequest {
        Objects.requireNonNull(method, "method");
        Objects.requireNonNull(uri, "uri");
        Objects.requireNonNull(headers, "headers");
        Objects.requireNonNull(body, "body");
        Objects.requireNonNull(bounds, "bounds");
    }

    /**
     * Makes a request without bounds beyond the transport's timeouts.
     *
     * @param method the method
     * @param uri the URL
     * @param headers the headers
     * @param body the body, if any
     */
    public TransportRequest(String method, URI uri, Map<String, String> headers, Optional<byte[]> body) {
        this(method, uri, headers, body, Bounds.NONE);
    }
}
