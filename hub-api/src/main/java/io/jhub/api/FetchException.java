package io.jhub.api;

/**
 * Fetching a repository failed for a reason that is neither HTTP nor git protocol specific (I/O, unsafe archive content, host key refused).
 *
 * @since 0.1
 */
public class FetchException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public FetchException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public FetchException(String message, Throwable cause) {
        super(message, cause);
    }
}
