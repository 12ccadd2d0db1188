package io.jhub.api;

/**
 * The remote refused the credentials that were offered, or none were available; the message names which were tried.
 *
 * @since 0.1
 */
public class AuthenticationException extends FetchException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public AuthenticationException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public AuthenticationException(String message, Throwable cause) {
        super(message, cause);
    }
}
