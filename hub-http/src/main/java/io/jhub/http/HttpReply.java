package io.jhub.http;

import java.io.InputStream;
import java.net.URI;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A reply handed to a {@link ResponseHandler}.
 *
 * @since 0.1
 */
public interface HttpReply {
    /**
     * Returns the HTTP status.
     *
     * @return the status code
     */
    int status();

    /**
     * Returns the URI of the final request, after redirects.
     *
     * @return the final URI
     */
    URI uri();

    /**
     * Returns the first value of a response header.
     *
     * @param name the header name, compared ignoring case
     * @return its first value, if present
     */
    Optional<String> header(String name);

    /**
     * Returns the {@code Content-Length}, if the server sent one.
     *
     * @return the body length in bytes, or empty
     */
    OptionalLong contentLength();

    /**
     * Tells whether the request's credential went with the final request (false when there was none, or when
     * it was dropped on a redirect to another authority).
     *
     * @return true when the final request carried the credential
     */
    boolean credentialSent();

    /**
     * Returns the streamed body. A read that waits longer than the read timeout for the next bytes, a body slower
     * than the engine's {@link HttpLimits#lowSpeedLimit()} over a window, or a read past the overall deadline fails
     * with {@link java.net.http.HttpTimeoutException} (its message names the bound and its setting); bytes read
     * are reported as {@code DOWNLOAD} progress.
     *
     * @return the body stream (closed by the engine after the handler)
     */
    InputStream body();
}
