package io.jhub.api;

/**
 * A remote repository was about to be compiled or run without being trusted; the message names the repo and both ways to trust it.
 *
 * @since 0.1
 */
public class UntrustedRepoException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public UntrustedRepoException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public UntrustedRepoException(String message, Throwable cause) {
        super(message, cause);
    }
}
