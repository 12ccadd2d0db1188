package io.jhub.api;

/**
 * The arguments given to an entry match none of its overloads, or more than one equally well; the message lists the candidates.
 *
 * @since 0.1
 */
public class EntryArgumentException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public EntryArgumentException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public EntryArgumentException(String message, Throwable cause) {
        super(message, cause);
    }
}
