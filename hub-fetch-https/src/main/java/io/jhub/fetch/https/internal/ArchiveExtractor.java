package io.jhub.fetch.https.internal;

import io.jhub.api.ProgressListener;
import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.TreeLimits;
import io.jhub.git.TreeWriter;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/**
 * Extracts a repository archive (tar.gz or zip, told apart by its first bytes) into an empty directory while
 * the bytes arrive, through the one {@link TreeWriter}: first path component stripped, executable bits and
 * inside-pointing symbolic links kept.
 */
public final class ArchiveExtractor {
    private ArchiveExtractor() {
    }

    /**
     * Extracts an archive.
     *
     * @param body the archive bytes, ideally a {@link BodyStream} so transport failures stay recognisable
     * @param abortBody ends the body's transfer from another thread (see {@link io.jhub.http.HttpReply#abort()}),
     *     run when the extraction stops before the body's end while it is still being read ahead
     * @param target an existing, empty directory
     * @param limits caps on entries and bytes
     * @param progress where to report entries
     * @param subject what to name in progress events
     * @return what was written
     * @throws UnsafeArchiveException if the archive is unsafe, over a limit, truncated or corrupt
     * @throws TransportException if the body failed while arriving
     * @throws IOException if the target cannot be written
     */
    public static ExtractResult extract(InputStream body, Runnable abortBody, Path target, TreeLimits limits,
            ProgressListener progress, String subject) throws IOException {
        BufferedInputStream in = new BufferedInputStream(body, 64 * 1024);
        in.mark(4);
        byte[] magic = in.readNBytes(4);
        in.reset();
        EntryCounter counter = new EntryCounter(progress, subject);
        try (TreeWriter writer = new TreeWriter(target, limits)) { // closing stops its threads before any throw
            ExtractResult result;
            if (magic.length >= 2 && (magic[0] & 0xff) == 0x1f && (magic[1] & 0xff) == 0x8b) {
                result = TarGzExtractor.extract(in, abortBody, writer, counter, subject);
            } else if (magic.length == 4 && magic[0] == 'P' && magic[1] == 'K' && magic[2] == 3 && magic[3] == 4) {
                result = ZipExtractor.extract(in, writer, counter, subject);
            } else if (magic.length == 0) {
                throw new UnsafeArchiveException("The archive from " + subject + " is empty (0 bytes); the download"
                        + " was cut or the host sent nothing. Try again.");
            } else {
                throw new UnsafeArchiveException("The download from " + subject + " is neither a tar.gz nor a zip"
                        + " archive (it starts with " + hex(magic) + "); check the URL style/template settings.");
            }
            counter.done();
            return result;
        } catch (ArchiveStream.CorruptArchiveException e) {
            throw new UnsafeArchiveException("Refusing the archive from " + subject + ": it is truncated or corrupt ("
                    + e.getMessage() + "). Nothing of it was installed. Try again; if it persists, the host serves a"
                    + " broken archive.", e);
        }
    }

    private static String hex(byte[] b) {
        StringBuilder s = new StringBuilder();
        for (byte x : b) {
            s.append(String.format("%02x", x & 0xff));
        }
        return s.toString();
    }
}
