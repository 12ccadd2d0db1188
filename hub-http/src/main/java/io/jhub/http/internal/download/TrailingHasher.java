package io.jhub.http.internal.download;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.util.BitSet;

/**
 * Computes the SHA-256 of a file that parallel ranges are filling, on its own thread, one segment after the other
 * in file order as soon as each is written (from the page cache), so most of the hash is done when the last range
 * arrives instead of in a second pass over the whole file after it.
 */
final class TrailingHasher {
    private static final int BUFFER = 256 * 1024;

    private final Path file;
    private final long length;
    private final long segmentSize;
    private final BitSet ready;
    private final MessageDigest digest = Hashing.newSha256();
    private final Thread thread;
    private boolean cancelled;
    private IOException failure;

    /**
     * Starts hashing.
     *
     * @param file the preallocated partial file
     * @param length its length
     * @param segmentSize the size of every segment but the last
     * @param written the segments already written (copied)
     */
    TrailingHasher(Path file, long length, long segmentSize, BitSet written) {
        this.file = file;
        this.length = length;
        this.segmentSize = segmentSize;
        this.ready = (BitSet) written.clone();
        this.thread = new Thread(this::run, "jhub-hash");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Tells that a segment has been written completely.
     *
     * @param index the segment
     */
    synchronized void written(int index) {
        ready.set(index);
        notifyAll();
    }

    /** Stops hashing; the file is not complete after all. */
    synchronized void cancel() {
        cancelled = true;
        notifyAll();
    }

    /**
     * Waits for the hash of the whole file; call once every segment is written.
     *
     * @return the lower-case hex SHA-256
     * @throws IOException if reading the file failed
     * @throws InterruptedException if interrupted while waiting
     */
    String finish() throws IOException, InterruptedException {
        thread.join();
        synchronized (this) {
            if (failure != null) {
                throw failure;
            }
        }
        return Hashing.hex(digest.digest());
    }

    private void run() {
        int segments = (int) ((length + segmentSize - 1) / segmentSize);
        ByteBuffer buf = ByteBuffer.allocate(BUFFER);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
            for (int i = 0; i < segments; i++) {
                synchronized (this) {
                    while (!ready.get(i) && !cancelled) {
                        wait();
                    }
                    if (cancelled) {
                        return;
                    }
                }
                long end = Math.min(length, (i + 1) * segmentSize);
                for (long pos = i * segmentSize; pos < end; ) {
                    buf.clear().limit((int) Math.min(BUFFER, end - pos));
                    int n = ch.read(buf, pos);
                    if (n < 0) {
                        throw new IOException(file + " ended at byte " + pos + " while hashing");
                    }
                    digest.update(buf.array(), 0, n);
                    pos += n;
                }
            }
        } catch (IOException e) {
            synchronized (this) {
                failure = e;
            }
        } catch (InterruptedException e) {
            synchronized (this) {
                failure = new InterruptedIOException("interrupted while hashing " + file);
            }
        }
    }
}
