package io.jhub.http.internal.download;

import io.jhub.api.DownloadException;
import io.jhub.http.Deadline;
import io.jhub.http.HttpEngine;
import io.jhub.http.HttpReply;
import io.jhub.http.internal.Redaction;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.net.URI;
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
 * Fills a preallocated partial file over several connections, each fetching runs of consecutive segments
 * ({@link SegmentRuns}, {@link RunFetcher}). Segments written are recorded in the partial's meta file, so a later
 * process continues with the missing ones; the first failure of any connection stops them all.
 */
final class ParallelRanges {
    private static final System.Logger LOG = System.getLogger(ParallelRanges.class.getName());

    private final HttpEngine engine;
    private final URI uri;
    private final CacheLayout layout;
    private final PartialMeta meta;
    private final TransferSettings settings;
    private final ProgressMeter meter;
    private final BitSet done;
    private final boolean hash;
    private final Deadline deadline;
    private Optional<TrailingHasher> hasher = Optional.empty();

    ParallelRanges(HttpEngine engine, URI uri, CacheLayout layout, PartialMeta meta, TransferSettings settings,
                   ProgressMeter meter, boolean hash, Deadline deadline) {
        this.engine = engine;
        this.uri = uri;
        this.layout = layout;
        this.meta = meta;
        this.settings = settings;
        this.meter = meter;
        this.done = (BitSet) meta.done().clone();
        this.hash = hash;
        this.deadline = deadline;
    }

    /**
     * Fetches the missing segments.
     *
     * @param opening an answer to an open range from byte 0 whose body is still to be read: it serves the run
     *        that starts with segment 0 (a fresh download's first request), or empty
     * @return DONE, or RESTART when the server sent the whole file for a range
     * @throws RangeReplies.Mismatch if a range answer does not fit the partial
     */
    HttpTransfer.Step run(Optional<HttpReply> opening) {
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
            step = fetchAll(partial, todo, new AtomicReference<>(opening.orElse(null)));
            return step;
        } finally {
            if (step != HttpTransfer.Step.DONE) {
                hasher.ifPresent(TrailingHasher::cancel);
            }
        }
    }

    private HttpTransfer.Step fetchAll(Path partial, List<Integer> todo, AtomicReference<HttpReply> opening) {
        SegmentRuns runs = new SegmentRuns(todo, settings.connections());
        AtomicReference<Throwable> failure = new AtomicReference<>();
        RunFetcher fetcher = new RunFetcher(engine, uri, meta, settings, meter, failure, this::markDone, deadline);
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.WRITE)) {
            Runnable worker = () -> {
                try {
                    for (Optional<SegmentRuns.Run> r = runs.next(); r.isPresent() && failure.get() == null;
                         r = runs.next()) {
                        Optional<HttpReply> first = r.get().current() == 0
                                ? Optional.ofNullable(opening.getAndSet(null)) : Optional.empty();
                        fetcher.fetch(ch, r.get(), first);
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
        if (t instanceof RunFetcher.RangeIgnored) {
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
