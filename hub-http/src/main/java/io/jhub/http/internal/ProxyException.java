package io.jhub.http.internal;

import java.io.IOException;

/**
 * A proxy refused a request: it asked for, or rejected, credentials (407), or answered a {@code CONNECT} with
 * another failure. The message names the proxy without user name or password.
 */
public final class ProxyException extends IOException {
    private static final long serialVersionUID = 1L;

    /** The proxy's status. */
    private final int status;

    private ProxyException(int status, String message) {
        super(message);
        this.status = status;
    }

    /**
     * Returns the status the proxy answered.
     *
     * @return such as 407 or 502
     */
    public int status() {
        return status;
    }

    /**
     * Tells whether the proxy wants (other) credentials, which no retry will change.
     *
     * @return true for 407
     */
    public boolean authenticationRefused() {
        return status == 407;
    }

    /**
     * The proxy answered 407.
     *
     * @param route the route, through an HTTP proxy
     * @param https whether the request was for an https URL (which names the variable to fix)
     * @return the exception
     */
    static ProxyException authentication(ProxyRoute route, boolean https) {
        String variable = https ? "HTTPS_PROXY" : "HTTP_PROXY";
        String proxy = route.display();
        String encoding = ", with special characters percent-encoded (@ as %40, : as %3A)";
        if (route.credentials().isPresent()) {
            return new ProxyException(407, "the proxy " + proxy + " refused the user name and password given in"
                    + " its URL (407 Proxy Authentication Required); check them in " + variable + encoding);
        }
        return new ProxyException(407, "the proxy " + proxy + " requires a user name and password (407 Proxy"
                + " Authentication Required); put them in its URL, such as " + variable + "=http://user:password@"
                + proxy.substring("http://".length()) + encoding);
    }

    /**
     * The proxy answered a {@code CONNECT} with a status other than 2xx and 407.
     *
     * @param route the route, through an HTTP proxy
     * @param target the {@code host:port} asked for
     * @param status the status
     * @return the exception
     */
    static ProxyException tunnelRefused(ProxyRoute route, String target, int status) {
        return new ProxyException(status, "the proxy " + route.display() + " answered " + status + " to CONNECT "
                + target + " (it could not reach the server, or does not allow the connection)");
    }
}
