package io.jhub.fetch.https.internal;

import java.io.IOException;

/** The connection failed while an archive's bytes were arriving: worth a retry, unlike a corrupt archive. */
public final class TransportException extends IOException {
    private static final long serialVersionUID = 1L;

    /**
     * Wraps a failure of the HTTP body.
     *
     * @param cause what the body stream threw
     */
    public TransportException(IOException cause) {
        super(cause.getMessage(), cause);
    }
}
