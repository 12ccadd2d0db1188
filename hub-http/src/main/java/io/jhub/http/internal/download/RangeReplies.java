package io.jhub.http.internal.download;

import io.jhub.http.HttpReply;
import java.util.Optional;

/**
 * The one rule for using a {@code 206} answer in a download, which the sequential resume and every parallel
 * segment pass through: its bytes may join bytes already written only when it says it is the same file and
 * exactly the range asked for. That is: a valid {@code Content-Range} whose first byte, last byte (the one asked
 * for, or the file's last for an open range) and total length (the one recorded) are those expected, and the
 * same validator as the partial's (a strong {@code ETag}, else {@code Last-Modified}; see {@link Validators}).
 * A download without a validator is never resumed or split, so there is always one to compare with when bytes
 * were written before. The HTTPS fetcher's resumed archive ({@code io.jhub.http.ResumableBody}) passes through
 * it too.
 */
public final class RangeReplies {
    private RangeReplies() {
    }

    /** A {@code 206} whose bytes must not join the partial: the file changed, or the server answered wrongly. */
    public static final class Mismatch extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Mismatch(String reason) {
            super(reason, null, false, false);
        }
    }

    /**
     * Checks a {@code 206} answer.
     *
     * @param reply the answer
     * @param validator the partial's validator, or empty when nothing was written before this answer
     * @param first the first byte asked for
     * @param last the last byte asked for, or -1 for a range open to the end
     * @param total the total length recorded with the partial, or -1 when none is recorded yet
     * @return the answer's range
     * @throws Mismatch if the answer does not fit, saying why
     */
    public static ContentRange check(HttpReply reply, Optional<String> validator, long first, long last, long total) {
        Optional<String> header = reply.header("Content-Range");
        ContentRange cr = header.flatMap(ContentRange::parse).orElseThrow(() -> new Mismatch("the answer to the"
                + " range from byte " + first + " had " + header.map(h -> "the malformed Content-Range \"" + h
                + "\"").orElse("no Content-Range")));
        if (cr.total() < 0) {
            throw new Mismatch("the answer's Content-Range \"" + header.get() + "\" does not give the file's length");
        }
        if (total >= 0 && cr.total() != total) {
            throw new Mismatch("the file is now " + cr.total() + " bytes long instead of " + total);
        }
        long expectedLast = last >= 0 ? Math.min(last, cr.total() - 1) : cr.total() - 1;
        if (cr.first() != first || cr.last() != expectedLast) {
            throw new Mismatch("the server answered bytes " + cr.first() + "-" + cr.last() + " to a request for "
                    + first + "-" + expectedLast);
        }
        if (validator.isPresent()) {
            Optional<String> now = Validators.of(reply);
            if (!now.equals(validator)) {
                throw new Mismatch(now.map(v -> "the file's validator changed from " + validator.get() + " to " + v)
                        .orElse("the answer carries no validator (strong ETag or Last-Modified) to compare with "
                                + validator.get()));
            }
        }
        return cr;
    }
}
