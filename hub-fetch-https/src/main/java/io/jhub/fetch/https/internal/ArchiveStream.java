package io.jhub.fetch.https.internal;

import java.io.EOFException;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Wraps a decoder's stream (gzip, tar, zip) so that its failures are told apart: a transport failure below it
 * stays a {@link TransportException}, anything else becomes {@link CorruptArchiveException}.
 */
final class ArchiveStream extends FilterInputStream {

    ArchiveStream(InputStream in) {
        super(in);
    }

    @Override
    public int read() throws IOException {
        try {
            return super.read();
        } catch (IOException e) {
            throw classify(e);
        }
    }

    @Override
    public int read(byte[] b, int off, int len) throws IOException {
        try {
            return super.read(b, off, len);
        } catch (IOException e) {
            throw classify(e);
        }
    }

    @Override
    public void close() {
        // the extractor closes the decoder itself
    }

    /** Finds a transport failure in the cause chain, else calls the failure a corrupt archive. */
    static IOException classify(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TransportException te) {
                return te;
            }
            if (t instanceof CorruptArchiveException ce) {
                return ce;
            }
        }
        return new CorruptArchiveException(e);
    }

    /** A failure for an archive whose bytes stop before its format says they end. */
    static CorruptArchiveException endedEarly(String why) {
        return new CorruptArchiveException(new EOFException(why));
    }

    /**
     * Says what a decoder's failure means, also when it has no message of its own (an {@link EOFException} from
     * a stream that stopped mid-record often has none).
     */
    static String describe(Throwable cause) {
        String m = cause.getMessage();
        boolean early = cause instanceof EOFException
                || m != null && (m.contains("runcated") || m.contains("nexpected end"));
        String what = m == null || m.isBlank() ? cause.getClass().getSimpleName() + " while decoding" : m;
        return early ? "the archive ended early: " + what : what;
    }

    /** The archive's bytes arrived but do not decode: truncated, corrupt, or not an archive at all. */
    static final class CorruptArchiveException extends IOException {
        private static final long serialVersionUID = 1L;

        CorruptArchiveException(IOException cause) {
            super(describe(cause), cause);
        }
    }
}
