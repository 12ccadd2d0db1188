package io.jhub.api;

import java.util.Objects;

/**
 * Downloaded or fetched bytes did not match the expected hash. The bad file is deleted before this is thrown
 * and is never loaded.
 *
 * @since 0.1
 */
public class IntegrityException extends HubException {
    private static final long serialVersionUID = 1L;

    private final String expected;
    private final String actual;

    /**
     * Creates the exception.
     *
     * @param subject what was checked (a URL or file name)
     * @param expected the expected hash (hex; may be a prefix)
     * @param actual the hash of the bytes received (hex)
     */
    public IntegrityException(String subject, String expected, String actual) {
        super("SHA-256 mismatch for " + subject + ": expected " + expected + " but the bytes received hash to "
                + actual + ". The file was deleted; check the URL and the expected hash, or ask the publisher.");
        this.expected = Objects.requireNonNull(expected, "expected");
        this.actual = Objects.requireNonNull(actual, "actual");
    }

    /**
     * Returns the expected hash, in lower-case hex (possibly only a prefix).
     *
     * @return the expected hash
     */
    public String expected() {
        return expected;
    }

    /**
     * Returns the hash of the bytes actually received, in lower-case hex.
     *
     * @return the actual hash
     */
    public String actual() {
        return actual;
    }
}
