package io.jhub.api;

/**
 * A git host such as {@code github.com} or {@code 127.0.0.1:8443} could not be parsed; the message quotes it and shows a valid example.
 *
 * @since 0.1
 */
public class InvalidGitHostException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public InvalidGitHostException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public InvalidGitHostException(String message, Throwable cause) {
        super(message, cause);
    }
}
