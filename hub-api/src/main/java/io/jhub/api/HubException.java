package io.jhub.api;

/**
 * Root of every failure jhub reports. Unchecked, like {@link java.io.UncheckedIOException}: callers catch the
 * subclass they can handle differently and let the rest propagate. Every message says what failed, with which
 * input, and what to do; an underlying I/O problem is kept as the {@linkplain #getCause() cause}.
 *
 * @since 0.1
 */
public class HubException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates an exception with a message.
     *
     * @param message what failed, with which input, and what to do
     */
    public HubException(String message) {
        super(message);
    }

    /**
     * Creates an exception with a message and the cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public HubException(String message, Throwable cause) {
        super(message, cause);
    }
}
