package io.jhub.testkit;

/**
 * How {@link GitHttpsServer} answers range requests for archives, as set with
 * {@link GitHttpsServer#archiveRanges(ArchiveRanges)}.
 */
public enum ArchiveRanges {
    /** No validator and no ranges: every archive answer is a whole {@code 200} (the default). */
    NONE,
    /**
     * A strong {@code ETag}, and {@code Range: bytes=N-} honoured with a {@code 206} when {@code If-Range} is absent
     * or carries that ETag (a whole {@code 200} otherwise), as a correct host does.
     */
    HONOUR,
    /** A strong {@code ETag}, but every range request is answered with the whole archive ({@code 200}). */
    IGNORE,
    /**
     * A range request is answered with a {@code 206} of the asked range whose {@code ETag} differs from the one of
     * whole answers, whatever {@code If-Range} says: a host whose file changed, or that ignores {@code If-Range}.
     */
    CHANGED_ETAG
}
