package io.jhub.api;

/**
 * No fetcher is installed for the requested protocol; the message lists the protocols that are available.
 *
 * @since 0.1
 */
public class InvalidProtocolException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public InvalidProtocolException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public InvalidProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
