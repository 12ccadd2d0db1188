package io.jhub.http.internal;

import java.net.http.HttpTimeoutException;

/**
 * A request ran into one of its {@link Bounds} or the read timeout; the message names the bound, its value and
 * the setting that changes it. A timeout like the JDK's, so callers see one kind whichever transport was used.
 */
public final class LimitExceeded extends HttpTimeoutException {
    private static final long serialVersionUID = 1L;

    /** Which bound was hit. */
    public enum Kind {
        /** No bytes for the read timeout. */
        READ_TIMEOUT,
        /** The status line and headers took too long. */
        HEADERS,
        /** The body was slower than the minimum rate for a window. */
        LOW_SPEED,
        /** The overall deadline passed. */
        DEADLINE
    }

    private final Kind kind;

    /**
     * Creates the exception.
     *
     * @param kind the bound hit
     * @param message what happened, with the bound's value and setting
     * @param cause the underlying timeout, if any
     */
    public LimitExceeded(Kind kind, String message, Throwable cause) {
        super(message);
        this.kind = kind;
        if (cause != null) {
            initCause(cause);
        }
    }

    /**
     * Returns which bound was hit.
     *
     * @return the kind
     */
    public Kind kind() {
        return kind;
    }
}
