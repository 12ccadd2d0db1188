package io.jhub.core.internal.lock;

import io.jhub.api.IntegrityException;
import io.jhub.api.LockMismatchException;
import io.jhub.core.Lockfile;
import io.jhub.http.download.DownloadOptions;
import io.jhub.http.download.FileDownloads;
import java.net.URI;
import java.nio.file.Path;

/** A weights download in locked mode: only recorded URLs, checked against the recorded SHA-256 and size. */
public final class LockedDownload {
    private LockedDownload() {
    }

    /**
     * Downloads (or finds in the cache) a recorded weights file and checks it.
     *
     * @param lock the locked mode
     * @param downloads the hub's downloads
     * @param uri the URL
     * @param options the caller's options; an expected SHA-256 there must agree with the lockfile
     * @return the verified cached file
     * @throws LockMismatchException if the URL is not recorded, or the hash asked for or received differs
     */
    public static Path download(LockedMode lock, FileDownloads downloads, URI uri, DownloadOptions options) {
        Lockfile.Weights rec = lock.weights(uri.toString());
        if (options.sha256().isPresent() && !rec.sha256().startsWith(options.sha256().get())) {
            throw new LockMismatchException("Locked mode: the call expects sha256 " + options.sha256().get()
                    + " for " + uri + ", but " + lock.file() + " records " + rec.line() + ". Lock the new file with"
                    + " jhub lock --weights " + uri + "=<sha256>, or fix the call.");
        }
        Path file;
        try {
            file = downloads.download(uri, options.toBuilder().sha256(rec.sha256()).build());
        } catch (IntegrityException e) {
            throw new LockMismatchException("Locked mode: " + uri + " served bytes with sha256 " + e.actual()
                    + ", but " + lock.file() + " records " + rec.line() + ". Nothing was kept. The server (or a"
                    + " mirror) changed the file: find out why before you lock the new one with jhub lock.");
        }
        lock.checkWeights(file, rec);
        return file;
    }
}
