package io.jhub.api;

import java.net.URI;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * An HTTP transfer failed: the server answered with an error status, the connection failed or timed out after
 * the configured retries, or the body ended early. The message names the URL (never a credential), the status if
 * any, and what to try.
 *
 * @since 0.1
 */
public class DownloadException extends FetchException {
    private static final long serialVersionUID = 1L;

    private final URI uri;
    private final int status;

    /**
     * Creates the exception for a failure without an HTTP status (connection, timeout, truncated body).
     *
     * @param uri the URL that failed
     * @param message what failed and what to do
     * @param cause the underlying I/O failure, may be {@code null}
     */
    public DownloadException(URI uri, String message, Throwable cause) {
        this(uri, -1, message, cause);
    }

    /**
     * Creates the exception for an HTTP error status.
     *
     * @param uri the URL that failed
     * @param status the HTTP status code, or -1 when none was received
     * @param message what failed and what to do
     * @param cause the underlying failure, may be {@code null}
     */
    public DownloadException(URI uri, int status, String message, Throwable cause) {
        super(message, cause);
        this.uri = Objects.requireNonNull(uri, "uri");
        this.status = status;
    }

    /**
     * Returns the URL that failed.
     *
     * @return the URL
     */
    public URI uri() {
        return uri;
    }

    /**
     * Returns the HTTP status the server sent, if one was received.
     *
     * @return the status, or empty for connection failures
     */
    public OptionalInt status() {
        return status < 0 ? OptionalInt.empty() : OptionalInt.of(status);
    }
}
