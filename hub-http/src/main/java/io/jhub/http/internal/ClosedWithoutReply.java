package io.jhub.http.internal;

import java.net.ProtocolException;

/**
 * The connection ended before the first byte of a reply: on a reused keep-alive connection, the server had
 * closed it while it was idle, and the request may be sent again on a new connection.
 */
final class ClosedWithoutReply extends ProtocolException {
    private static final long serialVersionUID = 1L;

    ClosedWithoutReply() {
        super("the server closed the connection without a reply");
    }
}
