package io.jhub.http.internal.download;

import io.jhub.http.internal.cache.CacheFiles;
import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.BitSet;
import java.util.Optional;
import java.util.Properties;

/**
 * What is kept beside a partial file so any later process can resume it: the URL, the server's validator
 * ({@code ETag} or {@code Last-Modified}), the total length and, for parallel ranges, the segment size and the
 * segments already written.
 *
 * @param url the URL the partial came from
 * @param validator the strong ETag or Last-Modified, if the server sent one
 * @param length the total length, or -1
 * @param segmentSize 0 for a sequential partial (its size is the progress), else the parallel segment size
 * @param done the segments written (parallel only)
 */
public record PartialMeta(String url, Optional<String> validator, long length, long segmentSize, BitSet done) {

    /** @return true when the partial is a preallocated file filled by parallel ranges */
    public boolean parallel() {
        return segmentSize > 0;
    }

    /** @return the number of segments (parallel only) */
    public int segments() {
        return (int) ((length + segmentSize - 1) / segmentSize);
    }

    /**
     * Returns the bytes already written.
     *
     * @param partialSize the partial file's size (sequential mode)
     * @return bytes done
     */
    public long bytesDone(long partialSize) {
        if (!parallel()) {
            return partialSize;
        }
        long sum = 0;
        for (int i = done.nextSetBit(0); i >= 0; i = done.nextSetBit(i + 1)) {
            sum += Math.min(segmentSize, length - i * segmentSize);
        }
        return sum;
    }

    /**
     * Reads the meta file.
     *
     * @param file the file
     * @return the meta, or empty if missing or malformed
     */
    public static Optional<PartialMeta> read(Path file) {
        try {
            Optional<String> text = CacheFiles.readIfExists(file);
            if (text.isEmpty()) {
                return Optional.empty();
            }
            Properties p = new Properties();
            p.load(new StringReader(text.get()));
            BitSet done = new BitSet();
            for (String s : p.getProperty("done", "").split(",")) {
                if (!s.isBlank()) {
                    done.set(Integer.parseInt(s.trim()));
                }
            }
            String validator = p.getProperty("validator", "");
            return Optional.of(new PartialMeta(p.getProperty("url"), validator.isEmpty() ? Optional.empty()
                    : Optional.of(validator), Long.parseLong(p.getProperty("length", "-1")),
                    Long.parseLong(p.getProperty("segmentSize", "0")), done));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * Writes the meta file atomically.
     *
     * @param file the file
     */
    public void write(Path file) {
        Properties p = new Properties();
        p.setProperty("url", url);
        p.setProperty("validator", validator.orElse(""));
        p.setProperty("length", Long.toString(length));
        p.setProperty("segmentSize", Long.toString(segmentSize));
        StringBuilder sb = new StringBuilder();
        for (int i = done.nextSetBit(0); i >= 0; i = done.nextSetBit(i + 1)) {
            sb.append(sb.length() == 0 ? "" : ",").append(i);
        }
        p.setProperty("done", sb.toString());
        StringWriter w = new StringWriter();
        try {
            p.store(w, null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        CacheFiles.writeAtomically(file, w.toString());
    }
}
