package io.jhub.fetch.https.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class ReadAheadTest {

    /** Hands out at most {@code step} bytes a read, as a network stream does. */
    static InputStream ragged(byte[] data, int step) {
        return new ByteArrayInputStream(data) {
            @Override
            public synchronized int read(byte[] b, int off, int len) {
                return super.read(b, off, Math.min(len, step));
            }
        };
    }

    @Test
    void passesEveryByteInOrderAcrossChunks() throws IOException {
        byte[] data = new byte[300_000];
        new Random(7).nextBytes(data);
        try (ReadAhead in = new ReadAhead(ragged(data, 777), 4096, 3, () -> { })) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            out.write(in.read());
            byte[] buf = new byte[1000];
            for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
                out.write(buf, 0, n);
            }
            assertArrayEquals(data, out.toByteArray());
            assertEquals(-1, in.read());
        }
    }

    @Test
    void aFailureOfTheSourceArrivesUnchangedAfterTheBytesBeforeIt() throws IOException {
        IOException broken = new TransportException(new IOException("connection reset"));
        InputStream source = new InputStream() {
            private int left = 10_000;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (left == 0) {
                    throw broken;
                }
                int n = Math.min(len, Math.min(left, 1500));
                left -= n;
                return n;
            }
        };
        try (ReadAhead in = new ReadAhead(source, 4096, 2, () -> { })) {
            byte[] buf = new byte[20_000];
            int total = 0;
            IOException e = null;
            try {
                for (int n; (n = in.read(buf, 0, buf.length)) >= 0; ) {
                    total += n;
                }
            } catch (IOException thrown) {
                e = thrown;
            }
            assertEquals(10_000, total);
            assertSame(broken, e, "the same exception object, so its kind still says transport failure");
            assertEquals(-1, in.read(buf, 0, 1));
        }
    }

    @Test
    void holdsAtMostItsDepthAndReadsNothingOnceClosed() throws InterruptedException, IOException {
        int depth = 3;
        AtomicInteger reads = new AtomicInteger();
        CountDownLatch full = new CountDownLatch(depth + 1);
        InputStream endless = new InputStream() {
            @Override
            public int read() {
                return 0;
            }

            @Override
            public int read(byte[] b, int off, int len) {
                reads.incrementAndGet();
                full.countDown();
                return len;
            }
        };
        AtomicInteger aborts = new AtomicInteger();
        ReadAhead in = new ReadAhead(endless, 1024, depth, aborts::incrementAndGet);
        full.await(); // depth chunks wait, the next one waits for room
        assertTrue(in.reading());
        in.close();
        assertFalse(in.reading(), "close returns once the thread has ended");
        assertEquals(depth + 1, reads.get(), "nothing read beyond the bound, nor after close");
        assertEquals(1, aborts.get(), "closed before the source's end, so the source was aborted");
        assertEquals(-1, in.read(new byte[1], 0, 1));
    }

    @Test
    void closeAbortsASourceWhoseReadWaitsAndIgnoresInterrupts() throws Exception {
        CountDownLatch waiting = new CountDownLatch(1);
        CountDownLatch aborted = new CountDownLatch(1);
        InputStream stalled = new InputStream() { // like a socket read: an interrupt does not end it
            private int calls;

            @Override
            public int read() {
                throw new UnsupportedOperationException();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                if (calls++ == 0) {
                    return len;
                }
                waiting.countDown();
                while (true) {
                    try {
                        aborted.await();
                        throw new IOException("socket closed");
                    } catch (InterruptedException ignored) {
                        // keeps waiting, as a blocked socket read does
                    }
                }
            }
        };
        ReadAhead in = new ReadAhead(stalled, 1024, 2, aborted::countDown);
        assertEquals(1024, in.read(new byte[4096], 0, 4096));
        waiting.await();
        // without the abort, close would wait for this read forever: the timeout only turns such a hang into a failure
        assertTimeoutPreemptively(Duration.ofMinutes(1), in::close);
        assertFalse(in.reading());
        assertEquals(0, aborted.getCount());
    }

    @Test
    void aSourceReadToItsEndIsNotAborted() throws IOException {
        AtomicInteger aborts = new AtomicInteger();
        ReadAhead in = new ReadAhead(new ByteArrayInputStream(new byte[5000]), 1024, 2, aborts::incrementAndGet);
        assertEquals(5000, in.readAllBytes().length);
        in.close();
        assertEquals(0, aborts.get());
    }
}
