package io.jhub.http;

import io.jhub.http.internal.LimitExceeded;
import io.jhub.http.internal.Redaction;
import io.jhub.http.internal.download.ContentRange;
import io.jhub.http.internal.download.RangeReplies;
import io.jhub.http.internal.download.Validators;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Objects;
import java.util.Optional;

/**
 * The body of a {@code GET} that goes on after a stall or a break, for a reader that cannot start over cheaply
 * (an archive extracted while it arrives). When a read fails (the rate floor {@code http.lowSpeedLimit} over
 * {@code http.lowSpeedTime}, the read timeout, a connection closed before the body's end) it asks for the rest
 * with {@code Range: bytes=N-} and {@code If-Range} carrying the first reply's validator (a strong {@code ETag},
 * else {@code Last-Modified}), takes a {@code 206} only under the download engine's one rule for range answers
 * (its {@code Content-Range} first byte, last byte and total and its validator must match), and goes on from byte
 * N: the reader sees one continuous stream. When it cannot (the first reply had no validator, the host answers
 * {@code 200} or another status, a {@code 206} does not fit, the resumes are used up, or the overall deadline
 * passed) the read fails with an {@link IOException} and the reader must start over from scratch. Resumes go
 * through the same engine (mirrors, credentials, retries) and share the first request's {@link Deadline}. Not
 * thread-safe: one reader.
 *
 * @since 0.2
 */
public final class ResumableBody extends InputStream {
    private static final System.Logger LOG = System.getLogger(ResumableBody.class.getName());

    private final HttpEngine engine;
    private final HttpCall call;
    private final Deadline deadline;
    private final int maxResumes;
    private final Optional<String> validator;
    private final HttpReply first;
    private volatile InputStream in;
    private volatile HttpEngine.Opened current;
    private volatile boolean aborted;
    private long total;
    private long position;
    private int resumes;

    private ResumableBody(HttpEngine engine, HttpCall call, HttpReply first, Deadline deadline, int maxResumes) {
        this.engine = engine;
        this.call = call;
        this.deadline = deadline;
        this.maxResumes = maxResumes;
        this.validator = Validators.of(first);
        this.first = first;
        this.in = first.body();
        this.total = first.contentLength().orElse(-1);
    }

    /**
     * Wraps the body of a first, whole reply.
     *
     * @param engine the engine that sent {@code call}; resumes go through it
     * @param call the {@code GET} that was sent, without a {@code Range}
     * @param first its reply, status 200, whose handler is running
     * @param deadline the deadline the first request was sent with, which the resumes share
     * @param maxResumes how many range requests may be made, 0 or more
     * @return the body
     * @throws IllegalArgumentException if the call is not a GET, the reply not a 200, or maxResumes negative
     */
    public static ResumableBody of(HttpEngine engine, HttpCall call, HttpReply first, Deadline deadline,
            int maxResumes) {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(call, "call");
        Objects.requireNonNull(first, "first");
        Objects.requireNonNull(deadline, "deadline");
        if (!call.method().equals("GET") || first.status() != 200 || maxResumes < 0) {
            throw new IllegalArgumentException("A resumable body needs a GET answered 200 and resumes >= 0, got "
                    + call.method() + " answered " + first.status() + " with " + maxResumes + " resumes");
        }
        return new ResumableBody(engine, call, first, deadline, maxResumes);
    }

    /**
     * Returns how many range requests were made.
     *
     * @return the count
     */
    public int resumes() {
        return resumes;
    }

    /**
     * Returns how many bytes were read.
     *
     * @return the position in the whole body
     */
    public long position() {
        return position;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        Objects.checkFromIndexSize(off, len, b.length);
        if (len == 0) {
            return 0;
        }
        while (true) {
            try {
                int n = in.read(b, off, len);
                if (n < 0 && total >= 0 && position < total) {
                    throw new EOFException("the body ended after " + position + " of " + total + " bytes");
                }
                if (n > 0) {
                    position += n;
                }
                return n;
            } catch (IOException e) {
                resume(e);
            }
        }
    }

    @Override
    public int available() {
        try {
            return in.available();
        } catch (IOException e) {
            return 0;
        }
    }

    /**
     * Ends the transfer at once, from any thread: the reply being read (the first or a resumed one) is aborted
     * ({@link HttpReply#abort()}), a read waiting on it fails, and no range request follows.
     *
     * @since 0.2
     */
    public void abort() {
        aborted = true;
        HttpEngine.Opened resumed = current;
        if (resumed != null) {
            resumed.abort();
        } else {
            first.abort();
        }
    }

    /** Releases a resumed reply's connection; the first reply is closed by the engine that handed it out. */
    @Override
    public void close() {
        if (current != null) {
            current.close();
            current = null;
        }
    }

    /** Swaps in the rest of the body from byte {@link #position}, or throws when that is not possible. */
    private void resume(IOException cause) throws IOException {
        if (aborted || cause instanceof LimitExceeded l && l.kind() == LimitExceeded.Kind.DEADLINE
                || validator.isEmpty() || resumes >= maxResumes) {
            throw cause;
        }
        close();
        resumes++;
        long from = position;
        LOG.log(System.Logger.Level.INFO, () -> "Resuming " + Redaction.forDisplay(call.uri()) + " at byte " + from
                + " (resume " + resumes + " of " + maxResumes + ") after: " + cause.getMessage());
        HttpCall range = call.header("Range", "bytes=" + from + "-").header("If-Range", validator.get());
        HttpEngine.Opened reply = engine.open(range, deadline);
        String refused;
        if (reply.status() == 206) {
            try {
                ContentRange cr = RangeReplies.check(reply, validator, from, -1, total);
                total = cr.total();
                current = reply;
                if (aborted) { // abort() ran while this range was asked for, and may have missed it
                    reply.abort();
                    throw cause;
                }
                in = reply.body();
                return;
            } catch (RangeReplies.Mismatch m) {
                refused = "its range answer does not fit: " + m.getMessage();
            }
        } else {
            refused = reply.status() == 200 ? "it answered with the whole body (HTTP 200: no ranges, or the file"
                    + " changed)" : "it answered the range request with HTTP " + reply.status();
        }
        reply.close();
        throw new ResumeRefused("Cannot resume " + Redaction.forDisplay(call.uri()) + " at byte " + from + ": "
                + refused + "; starting over", cause);
    }

    /** The host did not answer a range request with the rest of the same body: the reader must start over. */
    public static final class ResumeRefused extends IOException {
        private static final long serialVersionUID = 1L;

        ResumeRefused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
