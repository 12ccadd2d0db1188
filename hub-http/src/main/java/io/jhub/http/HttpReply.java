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

    /**
     * Ends the transfer at once, for a handler that reads the body on another thread and gives up: the connection
     * is closed without reading the rest of the body (so a stalled host cannot hold the handler's failure back
     * until the read timeout) and is not reused; a read of the body waiting on another thread then fails with an
     * {@link java.io.IOException}. Does nothing to a body already read to its end. The engine does the same itself
     * when a handler throws. Never throws.
     *
     * @since 0.2
     */
    void abort();
}
