package io.jhub.api;

/**
 * A lockfile cannot be read: it is missing, of a newer format, or a line is malformed. The message names the
 * file and line, what is wrong and what to do.
 *
 * @since 0.3
 */
public class InvalidLockfileException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message the file, the line and what is wrong
     */
    public InvalidLockfileException(String message) {
        super(message);
    }

    /**
     * Creates the exception with its I/O cause.
     *
     * @param message the file and what is wrong
     * @param cause the cause
     */
    public InvalidLockfileException(String message, Throwable cause) {
        super(message, cause);
    }
}
