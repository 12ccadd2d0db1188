package io.jhub.http.internal.download;

import java.io.IOException;

/** The body stopped before its end (connection dropped, read timeout, short body): resumable. */
final class BodyInterrupted extends IOException {
    private static final long serialVersionUID = 1L;

    BodyInterrupted(String message, Throwable cause) {
        super(message, cause);
    }
}
