package io.jhub.core.internal.http;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.http.HttpTimeoutException;

/**
 * A socket's input that reports the socket's read timeout the way the JDK's HttpClient does, as an
 * {@link HttpTimeoutException}, so callers see one kind of timeout whichever transport carried the bytes.
 */
final class TimeoutInput extends FilterInputStream {
    private final long timeoutMillis;

    TimeoutInput(InputStream in, long timeoutMillis) {
        super(in);
        this.timeoutMillis = timeoutMillis;
    }

    @Override
    public int read() throws IOException {
        try {
            return in.read();
        } catch (SocketTimeoutException e) {
            throw timedOut(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return in.read(b, off, len);
        } catch (SocketTimeoutException e) {
            throw timedOut(e);
        }
    }

    private HttpTimeoutException timedOut(SocketTimeoutException e) {
        HttpTimeoutException t = new HttpTimeoutException("no bytes received for " + timeoutMillis
                + " ms (read timeout)");
        t.initCause(e);
        return t;
    }
}
