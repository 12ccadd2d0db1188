package io.jhub.http.internal.download;

import io.jhub.api.DownloadException;
import io.jhub.api.HubDefaults;
import io.jhub.http.Deadline;
import io.jhub.http.HttpCall;
import io.jhub.http.HttpEngine;
import io.jhub.http.HttpReply;
import io.jhub.http.internal.Redaction;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.IntConsumer;

/**
 * Fetches one {@link SegmentRuns.Run} of a parallel download: one range request for the whole run (or, for the
 * run from byte 0 of a fresh download, the body of the download's first answer), another from the byte where it
 * broke when its body breaks (each run retried on its own), each segment reported done as soon as its last byte
 * is written. Every answer passes {@link RangeReplies}. Shared by the connections of one download.
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
    private final Deadline deadline;

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
     * @param deadline the download's overall deadline
     */
    RunFetcher(HttpEngine engine, URI uri, PartialMeta meta, TransferSettings settings, ProgressMeter meter,
               AtomicReference<Throwable> failure, IntConsumer segmentDone, Deadline deadline) {
        this.engine = engine;
        this.uri = uri;
        this.meta = meta;
        this.settings = settings;
        this.meter = meter;
        this.failure = failure;
        this.segmentDone = segmentDone;
        this.deadline = deadline;
    }

    /**
     * Fetches a run into the file.
     *
     * @param ch the partial file, preallocated
     * @param run the run
     * @param opening the download's first answer (an open range from byte 0, body unread) when the run starts
     *        there, else empty; closed once the run is over
     * @throws RangeIgnored if the server sent the whole file instead
     * @throws RangeReplies.Mismatch if an answer does not fit the partial
     * @throws DownloadException if the server fails or the run's body broke more often than retries allow
     */
    void fetch(FileChannel ch, SegmentRuns.Run run, Optional<HttpReply> opening) {
        long[] pos = {run.current() * meta.segmentSize()};
        int failures = 0;
        if (opening.isPresent()) {
            try (InputStream body = opening.get().body()) {
                if (copy(opening.get(), ch, run, pos, -1)) {
                    return;
                }
            } catch (BodyInterrupted e) {
                failures++; // as if a range request of its own broke: go on from pos below
            } catch (IOException e) {
                throw new DownloadException(Redaction.withoutUserInfo(uri), "Writing the first range of "
                        + Redaction.forDisplay(uri) + " failed: " + e.getMessage() + ". Check free space in the"
                        + " cache directory.", e);
            }
        }
        while (true) {
            long last = segmentEnd(run.end() - 1) - 1;
            HttpCall call = HttpCall.get(uri).header("Range", "bytes=" + pos[0] + "-" + last);
            if (meta.validator().isPresent()) {
                call = call.header("If-Range", meta.validator().get());
            }
            long before = pos[0];
            try {
                if (engine.send(call, reply -> copy(reply, ch, run, pos, last), deadline)) {
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
     * @param last the last byte asked for, or -1 for a range open to the end
     * @return true when the run is over (or another connection failed), false when the body ended before the run
     */
    private boolean copy(HttpReply reply, FileChannel ch, SegmentRuns.Run run, long[] pos, long last)
            throws IOException {
        if (reply.status() == 200) {
            throw new RangeIgnored();
        }
        if (reply.status() != 206) {
            throw StatusErrors.of(reply.uri(), reply.status());
        }
        ContentRange cr = RangeReplies.check(reply, meta.validator(), pos[0], last, meta.length());
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
