package io.jhub.core.internal.download;

import io.jhub.api.DownloadException;
import io.jhub.api.HubDefaults;
import io.jhub.core.http.HttpCall;
import io.jhub.core.http.HttpEngine;
import io.jhub.core.http.HttpReply;
import io.jhub.core.internal.http.Redaction;
import java.io.IOException;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Fetches one {@link SegmentRuns.Run} of a parallel download: one range request for the whole run, another from
 * the byte where it broke when its body breaks (each run retried on its own), each segment reported done as soon
 * as its last byte is written. Shared by the connections of one download.
 */
final class RunFetcher {
    private static final System.Logger LOG = System.getLogger(RunFetcher.class.getName());

    /** The server answered a range request with the whole file: ranges ignored or the validator changed. */
    static final class RangeIgnored extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RangeIgnored() {
            super("range ignored", null, false, false);
        }
    }

    private final HttpEngine engine;
    private final URI uri;
    private final PartialMeta meta;
    private final TransferSettings settings;
    private final ProgressMeter meter;
    private final AtomicReference<Throwable> failure;
    private final IntConsumer segmentDone;

    /**
     * Creates the fetcher.
     *
     * @param engine the HTTP engine
     * @param uri the file's URL
     * @param meta the partial's length, segment size and validator
     * @param settings retries
     * @param meter progress
     * @param failure the first failure of any connection; once set, every run stops at its next chunk
     * @param segmentDone told each completed segment's index, before its last bytes count as progress
     */
    RunFetcher(HttpEngine engine, URI uri, PartialMeta meta, TransferSettings settings, ProgressMeter meter,
               AtomicReference<Throwable> failure, IntConsumer segmentDone) {
        this.engine = engine;
        this.uri = uri;
        this.meta = meta;
        this.settings = settings;
        this.meter = meter;
        this.failure = failure;
        this.segmentDone = segmentDone;
    }

    /**
     * Fetches a run into the file.
     *
     * @param ch the partial file, preallocated
     * @param run the run
     * @throws RangeIgnored if the server sent the whole file (or another range) instead
     * @throws DownloadException if the server fails or the run's body broke more often than retries allow
     */
    void fetch(FileChannel ch, SegmentRuns.Run run) {
        long[] pos = {run.current() * meta.segmentSize()};
        int failures = 0;
        while (true) {
            long last = segmentEnd(run.end() - 1) - 1;
            HttpCall call = HttpCall.get(uri).header("Range", "bytes=" + pos[0] + "-" + last);
            if (meta.validator().isPresent()) {
                call = call.header("If-Range", meta.validator().get());
            }
            long before = pos[0];
            try {
                if (engine.send(call, reply -> copy(reply, ch, run, pos))) {
                    return;
                }
                if (pos[0] == before) {
                    throw new DownloadException(Redaction.withoutUserInfo(uri), "The server sent no bytes of "
                            + Redaction.forDisplay(uri) + " for the range " + before + "-" + last + ". Try again"
                            + " later; the download resumes where it stopped.", null);
                }
            } catch (DownloadException e) {
                if (!(e.getCause() instanceof BodyInterrupted) || ++failures > settings.retries()) {
                    throw e;
                }
                int attempt = failures;
                LOG.log(System.Logger.Level.INFO, () -> "Range " + before + "-" + last + " of "
                        + Redaction.forDisplay(uri) + " broke at byte " + pos[0] + "; retrying (" + attempt + " of "
                        + settings.retries() + ")");
            }
        }
    }

    /**
     * Writes a range reply into the file, reporting each segment as it completes.
     *
     * @return true when the run is over (or another connection failed), false when the body ended before the run
     */
    private boolean copy(HttpReply reply, FileChannel ch, SegmentRuns.Run run, long[] pos) throws IOException {
        if (reply.status() == 200) {
            throw new RangeIgnored();
        }
        if (reply.status() != 206) {
            throw StatusErrors.of(reply.uri(), reply.status());
        }
        ContentRange cr = reply.header("Content-Range").flatMap(ContentRange::parse).orElse(null);
        if (cr == null || cr.first() != pos[0] || cr.total() >= 0 && cr.total() != meta.length()) {
            throw new RangeIgnored();
        }
        byte[] buf = new byte[HubDefaults.CHUNK_SIZE];
        Chunks body = new Chunks(reply.body());
        long bodyEnd = cr.last() + 1;
        while (pos[0] < bodyEnd) {
            if (failure.get() != null) {
                return true;
            }
            long segmentEnd = segmentEnd(run.current());
            int n;
            try {
                // never across a segment's end, so a segment is reported before the next one is touched
                n = body.fill(buf, (int) Math.min(buf.length, Math.min(segmentEnd, bodyEnd) - pos[0]));
            } catch (IOException e) {
                throw new BodyInterrupted(e.getMessage(), e);
            }
            if (n < 0) {
                throw new BodyInterrupted("the range ended at byte " + pos[0] + " instead of " + bodyEnd, null);
            }
            ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
            long at = pos[0];
            while (bb.hasRemaining()) {
                at += ch.write(bb, at);
            }
            pos[0] += n;
            boolean over = false;
            if (pos[0] == segmentEnd) {
                segmentDone.accept(run.current());
                over = !run.advance();
            }
            meter.add(n);
            if (over) {
                return true;
            }
        }
        return false;
    }

    private long segmentEnd(int index) {
        return Math.min(meta.length(), (index + 1) * meta.segmentSize());
    }
}
