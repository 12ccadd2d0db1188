package io.jhub.api;

/**
 * An SSH host key was unknown or changed; the message shows the fingerprint and how to add it to {@code known_hosts}.
 *
 * @since 0.1
 */
public class HostKeyException extends FetchException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public HostKeyException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public HostKeyException(String message, Throwable cause) {
        super(message, cause);
    }
}
