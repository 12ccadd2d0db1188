package io.jhub.http.internal;

import java.io.Closeable;
import java.io.InputStream;
import java.util.Optional;

/** The status, headers and streamed body of one reply; closing it releases the connection. */
public interface TransportResponse extends Closeable {
    /**
     * Returns the status.
     *
     * @return the HTTP status code
     */
    int status();

    /**
     * Returns the first value of a header.
     *
     * @param name the name, compared ignoring case
     * @return the value, if present
     */
    Optional<String> header(String name);

    /**
     * Returns every value of a header, in order.
     *
     * @param name the name, compared ignoring case
     * @return the values, empty when absent
     */
    java.util.List<String> headers(String name);

    /**
     * Returns the body. Waiting longer than the read timeout for the next bytes fails with
     * {@link java.net.http.HttpTimeoutException}.
     *
     * @return the body stream
     */
    InputStream body();

    /** Reads and drops a small rest of the body (so the connection may be reused), then closes. */
    void discard();

    /**
     * Ends the transfer at once when the body was not read to its end: the connection is closed without reading
     * the rest and never reused. May be called from another thread while a read of the body waits; that read
     * then fails. A later {@link #close()} does nothing more. Never throws.
     */
    void abort();

    /** Stops the transfer if the body was not read to its end; never throws. */
    @Override
    void close();
}
