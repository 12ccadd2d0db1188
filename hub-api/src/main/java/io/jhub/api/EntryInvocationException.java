package io.jhub.api;

/**
 * An entry threw. The entry's own exception is the {@linkplain #getCause() cause}, with its own type and stack
 * trace; {@link #getCause()} is never null.
 *
 * @since 0.1
 */
public class EntryInvocationException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param entry the entry that threw, as {@code repo#entry}
     * @param cause what the entry threw
     */
    public EntryInvocationException(String entry, Throwable cause) {
        super("Entry " + entry + " threw " + cause, cause);
    }
}
