package io.jhub.core.internal.http;

import java.net.URI;

/** Makes URLs safe to show: no user info, and the query (signed URLs carry secrets there) hidden. */
public final class Redaction {
    private Redaction() {
    }

    /**
     * Returns the URL for messages and progress.
     *
     * @param uri any URI
     * @return scheme, host, port and path; {@code ?...} when there was a query
     */
    public static String forDisplay(URI uri) {
        StringBuilder sb = new StringBuilder();
        if (uri.getScheme() != null) {
            sb.append(uri.getScheme()).append("://");
        }
        if (uri.getHost() != null) {
            sb.append(uri.getHost());
            if (uri.getPort() >= 0) {
                sb.append(':').append(uri.getPort());
            }
        }
        if (uri.getRawPath() != null) {
            sb.append(uri.getRawPath());
        }
        if (uri.getRawQuery() != null) {
            sb.append("?...");
        }
        return sb.toString();
    }

    /**
     * Returns the URI without user info, for exceptions that keep the URI.
     *
     * @param uri any URI
     * @return the URI without user info
     */
    public static URI withoutUserInfo(URI uri) {
        if (uri.getRawUserInfo() == null) {
            return uri;
        }
        try {
            return new URI(uri.getScheme(), null, uri.getHost(), uri.getPort(), uri.getPath(), uri.getQuery(),
                    uri.getFragment());
        } catch (java.net.URISyntaxException e) {
            return URI.create(forDisplay(uri));
        }
    }
}
