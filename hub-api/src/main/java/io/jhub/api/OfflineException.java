package io.jhub.api;

/**
 * Offline mode was requested and the cache does not hold what the call needs; the message says what is missing.
 *
 * @since 0.1
 */
public class OfflineException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public OfflineException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public OfflineException(String message, Throwable cause) {
        super(message, cause);
    }
}
