package io.jhub.api;

/**
 * The git server answered with an error ({@code ERR} line, band-3 message) or with bytes that break the protocol; the message carries the server's text.
 *
 * @since 0.1
 */
public class GitProtocolException extends FetchException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public GitProtocolException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public GitProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
