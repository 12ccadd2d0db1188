package io.jhub.http.internal.download;

import io.jhub.api.DownloadException;
import io.jhub.http.internal.Redaction;
import java.net.URI;

/** Turns an unexpected HTTP status of a file download into a message that says what to do. */
final class StatusErrors {
    private StatusErrors() {
    }

    static DownloadException of(URI uri, int status) {
        String url = Redaction.forDisplay(uri);
        String msg = switch (status) {
            case 404, 410 -> "The server has no file at " + url + " (HTTP " + status + "). Check the URL.";
            case 401, 403 -> "The server refused access to " + url + " (HTTP " + status + "). The file may be"
                    + " private or the URL expired; download it yourself and use a file: URL, or get a fresh URL.";
            case 416 -> "The server could not serve the requested range of " + url + " (HTTP 416) even after"
                    + " starting over. Try again later.";
            default -> "Unexpected HTTP " + status + " while downloading " + url + ".";
        };
        return new DownloadException(Redaction.withoutUserInfo(uri), status, msg, null);
    }
}
