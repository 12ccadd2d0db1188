package io.jhub.api;

import java.util.Objects;

/**
 * A fetcher could not reach its host: the name did not resolve, the connection was refused, or the host did not
 * answer in time. Like a {@link DownloadException} without an HTTP status, it tells the hub that the network, not
 * the request, failed, so a call that only needed to resolve a ref falls back to the commit resolved last when
 * that commit's tree is cached (with a warning).
 *
 * @since 0.1
 */
public class HostUnreachableException extends FetchException {
    private static final long serialVersionUID = 1L;

    private final String host;

    /**
     * Creates the exception.
     *
     * @param host the host (and port) that could not be reached, as the user would write it
     * @param message what failed, with which input, and what to do
     * @param cause the underlying failure
     */
    public HostUnreachableException(String host, String message, Throwable cause) {
        super(message, cause);
        this.host = Objects.requireNonNull(host, "host");
    }

    /**
     * Returns the host that could not be reached.
     *
     * @return the host, with its port when one was given
     */
    public String host() {
        return host;
    }
}
