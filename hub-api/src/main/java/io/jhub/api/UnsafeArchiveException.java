package io.jhub.api;

/**
 * An archive or pack tried to write outside its target directory, through a path or a link, or exceeded the configured entry or size limits.
 *
 * @since 0.1
 */
public class UnsafeArchiveException extends FetchException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public UnsafeArchiveException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public UnsafeArchiveException(String message, Throwable cause) {
        super(message, cause);
    }
}
