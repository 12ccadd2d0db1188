package io.jhub.api;

/**
 * The cache directory could not be read, written or locked; the message names the path.
 *
 * @since 0.1
 */
public class CacheException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what failed, with which input, and what to do
     */
    public CacheException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its cause.
     *
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public CacheException(String message, Throwable cause) {
        super(message, cause);
    }
}
