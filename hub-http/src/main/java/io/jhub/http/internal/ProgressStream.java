package io.jhub.http.internal;

import io.jhub.api.ProgressEvent;
import io.jhub.api.ProgressListener;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/** Counts bytes read and reports them as {@code DOWNLOAD} progress, at most every 256 KiB plus at the end. */
public final class ProgressStream extends FilterInputStream {
    private static final long STEP = 256 * 1024;

    private final ProgressListener listener;
    private final String subject;
    private final long total;
    private long done;
    private long reported;
    private boolean ended;

    /**
     * Wraps a stream.
     *
     * @param in the body
     * @param listener where events go
     * @param subject what is downloaded (no credentials)
     * @param total expected bytes, or -1
     */
    public ProgressStream(InputStream in, ProgressListener listener, String subject, long total) {
        super(in);
        this.listener = listener;
        this.subject = subject;
        this.total = total;
    }

    @Override
    public int read() throws IOException {
        int c = super.read();
        count(c < 0 ? -1 : 1);
        return c;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        int n = in.read(b, off, len);
        count(n);
        return n;
    }

    private void count(int n) {
        if (n < 0) {
            if (!ended) {
                ended = true;
                listener.onProgress(new ProgressEvent(ProgressEvent.Phase.DOWNLOAD, subject, done, total));
            }
            return;
        }
        done += n;
        if (done - reported >= STEP) {
            reported = done;
            listener.onProgress(new ProgressEvent(ProgressEvent.Phase.DOWNLOAD, subject, done, total));
        }
    }
}
