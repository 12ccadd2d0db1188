package io.jhub.core.internal.download;

import io.jhub.api.CacheException;
import io.jhub.api.DownloadException;
import io.jhub.api.HubDefaults;
import io.jhub.core.http.HttpCall;
import io.jhub.core.http.HttpEngine;
import io.jhub.core.http.HttpReply;
import io.jhub.core.internal.cache.CacheFiles;
import io.jhub.core.internal.http.Redaction;
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
 * that honour ranges to {@link ParallelRanges}. Runs only while the caller holds the file's lock.
 */
final class HttpTransfer {
    private static final System.Logger LOG = System.getLogger(HttpTransfer.class.getName());
    private static final int MAX_RESTARTS = 3;

    /** What one attempt ended with. */
    enum Step { DONE, PARALLEL, RESTART, RESTART_WITHOUT_RANGE }

    private final HttpEngine engine;
    private final URI uri;
    private final CacheLayout layout;
    private final TransferSettings settings;
    private final ProgressMeter meter;
    private boolean sendRange = true;
    private boolean allowParallel;
    private String hash;

    HttpTransfer(HttpEngine engine, URI uri, CacheLayout layout, TransferSettings settings, ProgressMeter meter) {
        this.engine = engine;
        this.uri = uri;
        this.layout = layout;
        this.settings = settings;
        this.meter = meter;
        this.allowParallel = settings.connections() > 1;
    }

    /**
     * Completes the partial file.
     *
     * @param needHash whether a parallel download must hash the file too (while the ranges arrive)
     * @return the SHA-256 in hex when it was computed
     */
    Optional<String> run(boolean needHash) {
        int restarts = 0;
        int failures = 0;
        while (true) {
            Optional<PartialMeta> meta = PartialMeta.read(layout.partialMeta())
                    .filter(m -> uri.toString().equals(m.url()));
            try {
                Step step;
                if (meta.isPresent() && meta.get().parallel() && allowParallel) {
                    ParallelRanges ranges = new ParallelRanges(engine, uri, layout, meta.get(), settings, meter,
                            needHash);
                    step = ranges.run();
                    if (step == Step.DONE) {
                        return ranges.sha256();
                    }
                } else {
                    step = sequential(meta.filter(m -> !m.parallel()));
                    if (step == Step.DONE) {
                        return Optional.of(hash);
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
            hash = Hashing.hex(digest.digest());
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
        return engine.send(call, reply -> onReply(reply, start, digest));
    }

    private Step onReply(HttpReply reply, long offset, MessageDigest digest) throws IOException {
        int status = reply.status();
        if (status == 416) {
            return offset > 0 ? Step.RESTART : Step.RESTART_WITHOUT_RANGE;
        }
        if (status != 200 && status != 206) {
            throw StatusErrors.of(reply.uri(), status);
        }
        Optional<String> validator = Validators.of(reply);
        long start;
        long total;
        if (status == 206) {
            ContentRange cr = reply.header("Content-Range").flatMap(ContentRange::parse)
                    .orElseThrow(() -> new DownloadException(Redaction.withoutUserInfo(uri), 206, "The server"
                            + " answered 206 for " + Redaction.forDisplay(uri) + " without a valid Content-Range.",
                            null));
            if (cr.first() != offset) {
                return Step.RESTART;
            }
            total = cr.total();
            if (offset == 0 && allowParallel && total >= settings.parallelMinBytes()) {
                long segment = settings.segmentSize(total);
                new PartialMeta(uri.toString(), validator, total, segment, new BitSet()).write(layout.partialMeta());
                return Step.PARALLEL;
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
            new PartialMeta(uri.toString(), validator, total, 0, new BitSet()).write(layout.partialMeta());
        }
        meter.reset(start, total);
        long end = copy(reply.body(), start, digest);
        if (total >= 0 && end != total) {
            throw new BodyInterrupted("the body ended after " + end + " of " + total + " bytes", null);
        }
        hash = Hashing.hex(digest.digest());
        return Step.DONE;
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
