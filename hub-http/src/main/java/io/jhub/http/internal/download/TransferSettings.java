package io.jhub.http.internal.download;

/**
 * Tuning of one download.
 *
 * @param connections parallel connections for large files (1 = sequential only)
 * @param parallelMinBytes smallest file fetched in parallel ranges
 * @param retries how often a broken body or range is resumed
 */
public record TransferSettings(int connections, long parallelMinBytes, int retries) {
    private static final long MIN_SEGMENT = 1L << 20;
    private static final long MAX_SEGMENT = 64L << 20;

    /**
     * Returns the segment size for a file: about four segments per connection, between 1 and 64 MiB, so a
     * killed download keeps most of its work and each range is retried on its own.
     *
     * @param length the file's length
     * @return the segment size
     */
    public long segmentSize(long length) {
        long perSegment = (length + connections * 4L - 1) / (connections * 4L);
        return Math.max(MIN_SEGMENT, Math.min(MAX_SEGMENT, perSegment));
    }
}
