package io.jhub.api;

/**
 * The remote has no branch, tag or commit matching the requested ref; the message lists some refs it does have.
 *
 * @since 0.1
 */
public class RefNotFoundException extends FetchException {
    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param message what was asked for, where, which refs exist, and what to do
     */
    public RefNotFoundException(String message) {
        super(message);
    }
}
