package io.jhub.api;

/**
 * The requested entry is not a public static method of the hubconf class; the message lists the entries that exist.
 *
 * @since 0.1
 */
public class EntryNotFoundException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public EntryNotFoundException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public EntryNotFoundException(String message, Throwable cause) {
        super(message, cause);
    }
}
