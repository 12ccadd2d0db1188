package io.jhub.fetch.https.internal;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
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
        try (ReadAhead in = new ReadAhead(ragged(data, 777), 4096, 3)) {
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
        try (ReadAhead in = new ReadAhead(source, 4096, 2)) {
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
        ReadAhead in = new ReadAhead(endless, 1024, depth);
        full.await(); // depth chunks wait, the next one waits for room
        assertTrue(in.reading());
        in.close();
        assertFalse(in.reading(), "close returns once the thread has ended");
        assertEquals(depth + 1, reads.get(), "nothing read beyond the bound, nor after close");
        assertEquals(-1, in.read(new byte[1], 0, 1));
    }
}
