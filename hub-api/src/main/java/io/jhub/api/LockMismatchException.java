package io.jhub.api;

/**
 * A call in locked mode asked for a repository or weights file the lockfile does not record, or what it got
 * differs from what the lockfile records (another commit, another tree, other bytes). The message quotes the
 * lockfile's line and says what differs.
 *
 * @since 0.3
 */
public class LockMismatchException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was asked, the lockfile line and the difference
     */
    public LockMismatchException(String message) {
        super(message);
    }
}
