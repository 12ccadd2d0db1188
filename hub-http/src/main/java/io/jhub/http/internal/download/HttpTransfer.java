package io.jhub.http.internal.download;

import io.jhub.api.CacheException;
import io.jhub.api.DownloadException;
import io.jhub.api.HubDefaults;
import io.jhub.http.Deadline;
import io.jhub.http.HttpCall;
import io.jhub.http.HttpEngine;
import io.jhub.http.HttpReply;
import io.jhub.http.internal.Redaction;
import io.jhub.http.internal.cache.CacheFiles;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.BitSet;
import java.util.Optional;

/**
 * Brings the partial file of one URL to completion: resumes a partial left by any process (Range + If-Range with
 * the recorded validator), starts over when the server sends the whole file, and hands large files on servers
 * that honour ranges to {@link ParallelRanges}, whose first run goes on with the first answer's body. A range
 * answer that does not fit the partial ({@link RangeReplies}) discards it and starts over once; a second such
 * answer fails, as the file keeps changing. One {@link Deadline} bounds the whole download. Runs only while the
 * caller holds the file's lock.
 */
final class HttpTransfer {
    private static final System.Logger LOG = System.getLogger(HttpTransfer.class.getName());
    private static final int MAX_RESTARTS = 3;

    /** What one attempt ended with. */
    enum Step { DONE, RESTART, RESTART_WITHOUT_RANGE }

    private final HttpEngine engine;
    private final URI uri;
    private final CacheLayout layout;
    private final TransferSettings settings;
    private final ProgressMeter meter;
    private final Deadline deadline;
    private boolean sendRange = true;
    private boolean allowParallel;
    private boolean needHash;
    private Optional<String> hash = Optional.empty();

    HttpTransfer(HttpEngine engine, URI uri, CacheLayout layout, TransferSettings settings, ProgressMeter meter) {
        this.engine = engine;
        this.uri = uri;
        this.layout = layout;
        this.settings = settings;
        this.meter = meter;
        this.allowParallel = settings.connections() > 1;
        this.deadline = Deadline.start(engine.limits());
    }

    /**
     * Completes the partial file.
     *
     * @param needHash whether a parallel download must hash the file too (while the ranges arrive)
     * @return the SHA-256 in hex when it was computed
     */
    Optional<String> run(boolean needHash) {
        this.needHash = needHash;
        int restarts = 0;
        int failures = 0;
        int mismatches = 0;
        while (true) {
            // without a validator nothing written before can be checked against the server's file: no resume
            Optional<PartialMeta> meta = PartialMeta.read(layout.partialMeta())
                    .filter(m -> uri.toString().equals(m.url())).filter(m -> m.validator().isPresent());
            try {
                Step step;
                if (meta.isPresent() && meta.get().parallel() && allowParallel) {
                    ParallelRanges ranges = new ParallelRanges(engine, uri, layout, meta.get(), settings, meter,
                            needHash, deadline);
                    step = ranges.run(Optional.empty());
                    if (step == Step.DONE) {
                        return ranges.sha256();
                    }
                } else {
                    step = sequential(meta.filter(m -> !m.parallel()));
                    if (step == Step.DONE) {
                        return hash;
                    }
                }
                if (step == Step.RESTART || step == Step.RESTART_WITHOUT_RANGE) {
                    discard();
                    sendRange = step != Step.RESTART_WITHOUT_RANGE;
                    if (++restarts > MAX_RESTARTS) {
                        throw new DownloadException(Redaction.withoutUserInfo(uri), "Downloading "
                                + Redaction.forDisplay(uri) + " had to start over " + MAX_RESTARTS + " times (the"
                                + " file kept changing on the server, or the server answers ranges wrongly)."
                                + " Try again later.", null);
                    }
                }
            } catch (RangeReplies.Mismatch m) {
                discard();
                sendRange = true;
                if (++mismatches > 1) {
                    throw new DownloadException(Redaction.withoutUserInfo(uri), "The file at "
                            + Redaction.forDisplay(uri) + " changed on the server during the download ("
                            + m.getMessage() + "), again after starting over; nothing was installed. Try again once the file stays"
                            + " the same.", null);
                }
                LOG.log(System.Logger.Level.INFO, () -> "A range answer for " + Redaction.forDisplay(uri) + " does not"
                        + " fit the partial file (" + m.getMessage() + "); starting over");
            } catch (DownloadException e) {
                if (!(e.getCause() instanceof BodyInterrupted) || ++failures > settings.retries()) {
                    throw e;
                }
                LOG.log(System.Logger.Level.INFO, () -> "Transfer of " + Redaction.forDisplay(uri)
                        + " interrupted (" + e.getCause().getMessage() + "); resuming");
            }
        }
    }

    private Step sequential(Optional<PartialMeta> meta) {
        Path partial = layout.partial();
        long offset = 0;
        Optional<String> validator = Optional.empty();
        if (meta.isPresent() && meta.get().validator().isPresent() && Files.exists(partial) && sendRange) {
            offset = size(partial);
            validator = meta.get().validator();
        } else {
            discard();
        }
        MessageDigest digest = Hashing.newSha256();
        if (offset > 0) {
            try {
                Hashing.update(partial, offset, digest);
            } catch (IOException e) {
                throw cacheError("read", partial, e);
            }
        }
        if (offset > 0 && offset == meta.get().length()) {
            // a previous process finished the transfer but died before installing it
            meter.reset(offset, offset);
            hash = Optional.of(Hashing.hex(digest.digest()));
            return Step.DONE;
        }
        HttpCall call = HttpCall.get(uri);
        if (sendRange) {
            call = call.header("Range", "bytes=" + offset + "-");
        }
        if (offset > 0) {
            call = call.header("If-Range", validator.get());
            long from = offset;
            LOG.log(System.Logger.Level.INFO, () -> "Resuming " + Redaction.forDisplay(uri) + " at byte " + from);
        }
        long start = offset;
        long recorded = offset > 0 ? meta.get().length() : -1;
        Optional<String> sent = validator;
        return engine.send(call, reply -> onReply(reply, start, sent, recorded, digest), deadline);
    }

    /**
     * Takes the answer to a sequential request.
     *
     * @param validator the partial's validator when resuming, else empty
     * @param recorded the partial's recorded length when resuming, else -1
     */
    private Step onReply(HttpReply reply, long offset, Optional<String> validator, long recorded,
                         MessageDigest digest) throws IOException {
        int status = reply.status();
        if (status == 416) {
            return offset > 0 ? Step.RESTART : Step.RESTART_WITHOUT_RANGE;
        }
        if (status != 200 && status != 206) {
            throw StatusErrors.of(reply.uri(), status);
        }
        Optional<String> replyValidator = Validators.of(reply);
        long start;
        long total;
        if (status == 206) {
            ContentRange cr = RangeReplies.check(reply, validator, offset, -1, recorded);
            total = cr.total();
            if (offset == 0 && allowParallel && total >= settings.parallelMinBytes() && replyValidator.isPresent()) {
                return parallel(reply, replyValidator, total);
            }
            start = offset;
        } else {
            if (offset > 0) {
                LOG.log(System.Logger.Level.INFO, () -> "The server sent all of " + Redaction.forDisplay(uri)
                        + " (no ranges, or the file changed); starting over");
            }
            start = 0;
            digest.reset();
            total = reply.contentLength().orElse(-1);
            allowParallel = false;
        }
        if (start == 0) {
            new PartialMeta(uri.toString(), replyValidator, total, 0, new BitSet()).write(layout.partialMeta());
        }
        meter.reset(start, total);
        long end = copy(reply.body(), start, digest);
        if (total >= 0 && end != total) {
            throw new BodyInterrupted("the body ended after " + end + " of " + total + " bytes", null);
        }
        hash = Optional.of(Hashing.hex(digest.digest()));
        return Step.DONE;
    }

    /**
     * Goes on in parallel ranges from the first answer, whose body serves the run that starts at byte 0, so the
     * bytes of the first connection are used rather than dropped.
     */
    private Step parallel(HttpReply first, Optional<String> validator, long total) {
        PartialMeta meta = new PartialMeta(uri.toString(), validator, total, settings.segmentSize(total),
                new BitSet());
        meta.write(layout.partialMeta());
        ParallelRanges ranges = new ParallelRanges(engine, uri, layout, meta, settings, meter, needHash, deadline);
        Step step = ranges.run(Optional.of(first));
        if (step == Step.DONE) {
            hash = ranges.sha256();
        }
        return step;
    }

    private long copy(InputStream body, long start, MessageDigest digest) throws BodyInterrupted {
        Path partial = layout.partial();
        byte[] buf = new byte[HubDefaults.CHUNK_SIZE];
        Chunks chunks = new Chunks(body);
        long pos = start;
        try (FileChannel ch = FileChannel.open(partial, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            ch.truncate(start);
            ch.position(start);
            while (true) {
                int n;
                try {
                    n = chunks.fill(buf, buf.length);
                } catch (IOException e) {
                    throw new BodyInterrupted(e.getMessage(), e);
                }
                if (n < 0) {
                    return pos;
                }
                ByteBuffer bb = ByteBuffer.wrap(buf, 0, n);
                while (bb.hasRemaining()) {
                    ch.write(bb);
                }
                digest.update(buf, 0, n);
                pos += n;
                meter.add(n);
            }
        } catch (BodyInterrupted e) {
            throw e;
        } catch (IOException e) {
            throw cacheError("write", partial, e);
        }
    }

    private void discard() {
        CacheFiles.deleteQuietly(layout.partial());
        CacheFiles.deleteQuietly(layout.partialMeta());
    }

    private static long size(Path p) {
        try {
            return Files.size(p);
        } catch (IOException e) {
            return 0;
        }
    }

    static CacheException cacheError(String verb, Path file, IOException e) {
        return new CacheException("Cannot " + verb + " " + file + ": " + e.getMessage() + ". Check free space and"
                + " that the cache directory is writable (set JHUB_HOME to move it).", e);
    }
}
