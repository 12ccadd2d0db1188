package io.jhub.http;

import java.io.IOException;

/**
 * Consumes a reply the engine did not handle itself (anything but a redirect or a retried status).
 *
 * @param <T> what the handler makes of the reply
 * @since 0.1
 */
@FunctionalInterface
public interface ResponseHandler<T> {
    /**
     * Handles the reply. The body is closed by the engine after this returns.
     *
     * @param reply the status, headers and streamed body
     * @return the result handed back by {@link HttpEngine#send(HttpCall, ResponseHandler)}
     * @throws IOException if reading the body fails; the engine wraps it into a
     *         {@link io.jhub.api.DownloadException} and does not retry
     */
    T handle(HttpReply reply) throws IOException;
}
