package io.jhub.fetch.https.internal;

import io.jhub.api.ProgressEvent;
import io.jhub.api.ProgressListener;

/** Reports extraction progress every so many entries. */
final class EntryCounter {
    private static final int EVERY = 500;
    private final ProgressListener listener;
    private final String subject;
    private long count;

    EntryCounter(ProgressListener listener, String subject) {
        this.listener = listener;
        this.subject = subject;
    }

    void entry() {
        if (++count % EVERY == 0) {
            listener.onProgress(new ProgressEvent(ProgressEvent.Phase.EXTRACT, subject, count, -1));
        }
    }

    void done() {
        listener.onProgress(new ProgressEvent(ProgressEvent.Phase.DONE, subject, count, count));
    }
}
