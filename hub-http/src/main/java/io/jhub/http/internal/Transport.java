package io.jhub.http.internal;

import java.io.IOException;

/**
 * Carries one HTTP request to a server and returns its reply, without any policy: redirects, retries,
 * credentials and headers are decided by {@link io.jhub.http.HttpEngine} above it.
 */
public interface Transport {
    /**
     * Sends a request and waits for the status and headers of the reply.
     *
     * @param request what to send
     * @return the reply; its body is still to be read, and it must be closed
     * @throws javax.net.ssl.SSLHandshakeException if the TLS handshake fails (trust, host name)
     * @throws java.net.http.HttpConnectTimeoutException if connecting takes longer than the connect timeout
     * @throws java.net.http.HttpTimeoutException if the headers take longer than the read timeout
     * @throws IOException if the connection fails otherwise
     * @throws InterruptedException if the calling thread is interrupted while waiting
     */
    TransportResponse exchange(TransportRequest request) throws IOException, InterruptedException;
}
