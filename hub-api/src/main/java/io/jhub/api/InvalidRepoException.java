package io.jhub.api;

/**
 * A repository string such as {@code owner/name:ref} could not be parsed; the message quotes it and shows a valid example.
 *
 * @since 0.1
 */
public class InvalidRepoException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public InvalidRepoException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public InvalidRepoException(String message, Throwable cause) {
        super(message, cause);
    }
}
