package io.jhub.core.internal.download;

import io.jhub.api.DownloadException;
import io.jhub.api.HubDefaults;
import io.jhub.core.http.HttpCall;
import io.jhub.core.http.HttpEngine;
import io.jhub.core.http.HttpReply;
import io.jhub.core.internal.http.Redaction;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Fills a preallocated partial file with ranges fetched over several connections. Segments written are recorded
 * in the partial's meta file, so a later process continues with the missing ones; each range is retried on its
 * own when its body breaks.
 */
final class ParallelRanges {
    private static final System.Logger LOG = System.getLogger(ParallelRanges.class.getName());

    /** The server answered a range request with the whole file: ranges ignored or the validator changed. */
    private static final class RangeIgnored extends RuntimeException {
        private static final long serialVersionUID = 1L;

        RangeIgnored() {
            super("range ignored", null, false, false);
        }
    }

    private final HttpEngine engine;
    private final URI uri;
    private final CacheLayout layout;
    private final PartialMeta meta;
    private final TransferSettings settings;
    private final ProgressMeter meter;
    private final BitSet done;
    private final boolean hash;
    private Optional<TrailingHasher> hasher = Optional.empty();

    ParallelRanges(HttpEngine engine, URI uri, CacheLayout layout, PartialMeta meta, TransferSettings settings,
                   ProgressMeter meter, boolean hash) {
        this.engine = engine;
        this.uri = uri;
        this.layout = layout;
        this.meta = meta;
        this.settings = settings;
        this.meter = meter;
        this.done = (BitSet) meta.done().clone();
        this.hash = hash;
    }

    /**
     * Fetches the missing segments.
     *
     * @return DONE, or RESTART when the server sent the whole file for a range
     */
    HttpTransfer.Step run() {
        Path partial = layout.partial();
        try {
            if (!Files.exists(partial) || Files.size(partial) != meta.length()) {
                done.clear();
                try (RandomAccessFile raf = new RandomAccessFile(partial.toFile(), "rw")) {
                    raf.setLength(meta.length());
                }
            }
        } catch (IOException e) {
            throw HttpTransfer.cacheError("preallocate", partial, e);
        }
        List<Integer> todo = new ArrayList<>();
        for (int i = 0; i < meta.segments(); i++) {
            if (!done.get(i)) {
                todo.add(i);
            }
        }
        meter.reset(withDone().bytesDone(0), meta.length());
        if (hash) {
            hasher = Optional.of(new TrailingHasher(partial, meta.length(), meta.segmentSize(), withDone().done()));
        }
        HttpTransfer.Step step = HttpTransfer.Step.RESTART;
        try {
            step = fetchAll(partial, todo);
            return step;
        } finally {
            if (step != HttpTransfer.Step.DONE) {
                hasher.ifPresent(TrailingHasher::cancel);
            }
        }
    }

    private HttpTransfer.Step fetchAll(Path partial, List<Integer> todo) {
        SegmentRuns runs = new SegmentRuns(todo, settings.connections());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            Runnable worker = () -> {
                try {
                    for (Optional<SegmentRuns.Run> r = runs.next(); r.isPresent() && failure.get() == null;
                         r = runs.next()) {
                        fetchRun(ch, r.get(), failure);
                    }
                } catch (Throwable t) {
                    failure.compareAndSet(null, t);
                }
            };
            int threads = Math.min(settings.connections(), todo.size());
            List<Thread> workers = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                Thread t = new Thread(worker, "jhub-range-" + i);
                t.setDaemon(true);
                t.start();
                workers.add(t);
            }
            joinAll(workers, failure);
        } catch (IOException e) {
            throw HttpTransfer.cacheError("write", partial, e);
        }
        Throwable t = failure.get();
        if (t instanceof RangeIgnored) {
            LOG.log(System.Logger.Level.INFO, () -> "The server sent all of " + Redaction.forDisplay(uri)
                    + " for a range (file changed or ranges unsupported); starting over");
            return HttpTransfer.Step.RESTART;
        }
        if (t instanceof RuntimeException r) {
            throw r;
        }
        if (t instanceof Error err) {
            throw err;
        }
        if (t != null) {
            throw new IllegalStateException(t);
        }
        return HttpTransfer.Step.DONE;
    }

    /** Fetches a run with one range request, and with another from where it broke when its body breaks. */
    private void fetchRun(FileChannel ch, SegmentRuns.Run run, AtomicReference<Throwable> failure) {
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
                if (engine.send(call, reply -> copyRun(reply, ch, run, pos, failure))) {
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
     * Writes a range reply into the file, marking each segment done as it completes.
     *
     * @return true when the run is over (or another run failed), false when the body ended before the run did
     */
    private boolean copyRun(HttpReply reply, FileChannel ch, SegmentRuns.Run run, long[] pos,
                            AtomicReference<Throwable> failure) throws IOException {
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
                // never across a segment's end, so a segment is marked done before the next one is touched
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
                markDone(run.current()); // recorded before the progress that reports it
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

    /**
     * Returns the SHA-256 of the complete file, when asked for; call after {@link #run()} returned DONE.
     *
     * @return the lower-case hex hash, or empty when not asked for
     */
    Optional<String> sha256() {
        if (hasher.isEmpty()) {
            return Optional.empty();
        }
        try {
            return Optional.of(hasher.get().finish());
        } catch (IOException e) {
            throw HttpTransfer.cacheError("read", layout.partial(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DownloadException(Redaction.withoutUserInfo(uri), "Interrupted while hashing "
                    + Redaction.forDisplay(uri), e);
        }
    }

    private void markDone(int index) {
        synchronized (done) {
            done.set(index);
            withDone().write(layout.partialMeta());
        }
        hasher.ifPresent(h -> h.written(index));
    }

    private PartialMeta withDone() {
        synchronized (done) {
            return new PartialMeta(meta.url(), meta.validator(), meta.length(), meta.segmentSize(),
                    (BitSet) done.clone());
        }
    }

    private void joinAll(List<Thread> workers, AtomicReference<Throwable> failure) {
        for (Thread t : workers) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failure.compareAndSet(null, new DownloadException(Redaction.withoutUserInfo(uri),
                        "Interrupted while downloading " + Redaction.forDisplay(uri), e));
                workers.forEach(Thread::interrupt);
                return;
            }
        }
    }
}
