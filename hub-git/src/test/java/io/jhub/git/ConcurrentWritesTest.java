package io.jhub.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.internal.ParallelWrites;
import io.jhub.git.internal.WriterPool;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The writer threads: every byte arrives, memory stays bounded, and failures and limits stop everything. */
class ConcurrentWritesTest {
    /** Three threads, 16 KiB in flight, files over 4 KiB streamed by the caller: the queue is full most of the time. */
    static final ParallelWrites TINY = new ParallelWrites(3, 16 * 1024, 4 * 1024);
    static final TreeLimits ROOMY = new TreeLimits(100_000, 1L << 30, "test");

    @TempDir
    Path tmp;

    @AfterEach
    void noWriterThreadOutlivesAWriter() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.getName().startsWith(WriterPool.THREAD_NAME), t + " still runs");
        }
    }

    /** Files in 40 directories: mostly small (queued), every 97th one large (streamed), some executable or empty. */
    static Map<String, String> mixedFiles(int count) {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String name = "d" + (i % 40) + "/s" + (i % 3) + "/f" + i;
            files.put(i % 11 == 0 ? name + ".sh" : name, i % 97 == 5 ? ("large " + i + "\n").repeat(3000)
                    : i % 50 == 7 ? "" : ("file " + i + "\n").repeat(i % 40 + 1));
        }
        return files;
    }

    /** Feeds files, with their size declared or (every other one) unknown, as archives and packs do. */
    static long write(TreeWriter w, Map<String, String> files) throws IOException {
        int i = 0;
        for (Map.Entry<String, String> f : files.entrySet()) {
            byte[] b = f.getValue().getBytes(StandardCharsets.UTF_8);
            w.file(f.getKey(), new ByteArrayInputStream(b), f.getKey().endsWith(".sh"), i++ % 2 == 0 ? b.length : -1);
        }
        w.finish();
        return w.peakQueuedBytes();
    }

    @Test
    void everyFileArrivesIntactWithItsModeWhileTheQueueStaysBounded() throws IOException {
        Map<String, String> files = mixedFiles(1500);
        Path target = Files.createDirectories(tmp.resolve("t"));
        long peak;
        try (TreeWriter w = new TreeWriter(target, ROOMY, TINY)) {
            peak = write(w, files);
            assertEquals(files.size(), w.entries());
            assertEquals(files.values().stream().mapToLong(String::length).sum(), w.bytes());
        }
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = target.resolve(f.getKey());
            assertEquals(f.getValue(), Files.readString(p), f.getKey());
            assertEquals(f.getKey().endsWith(".sh"), Files.isExecutable(p), f.getKey());
        }
        assertTrue(peak > 0 && peak <= TINY.maxQueuedBytes(), "peak queued bytes " + peak);
    }

    @Test
    void aWriteFailureInAWriterThreadIsThrownToTheCaller() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("t"));
        // a parent path just under PATH_MAX: its directories can be made, a file in it cannot (ENAMETOOLONG)
        int room = 4000 - target.toRealPath().toString().length() - 1;
        StringBuilder dirs = new StringBuilder();
        while (room - dirs.length() > 201) {
            dirs.append("p".repeat(200)).append('/');
        }
        String deep = dirs.append("q".repeat(room - dirs.length())).toString();
        Map<String, String> files = mixedFiles(600);
        String file = deep + "/" + "n".repeat(250);
        assertTrue(target.toRealPath().toString().length() + file.length() > 4100, "long enough: " + file.length());
        files.put(file, "small, so a writer thread opens it");
        IOException e = assertThrows(IOException.class, () -> {
            try (TreeWriter w = new TreeWriter(target, ROOMY, TINY)) {
                write(w, files);
            }
        });
        assertTrue(e.getCause() instanceof FileSystemException, "the writer thread's own failure is the cause: " + e);
    }

    @Test
    void limitsHoldBeforeAnythingOverThemIsWritten() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            files.put("d" + (i % 9) + "/f" + i, String.valueOf(i % 10).repeat(3000));
        }
        List<ParallelWrites> variants = List.of(TINY, ParallelWrites.defaults());
        for (int v = 0; v < variants.size(); v++) {
            ParallelWrites parallel = variants.get(v);
            Path byBytes = Files.createDirectories(tmp.resolve("bytes" + v));
            UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> {
                try (TreeWriter w = new TreeWriter(byBytes, new TreeLimits(100_000, 256 * 1024, "test"), parallel)) {
                    write(w, files);
                }
            });
            assertTrue(e.getMessage().contains("262144 bytes"), e.getMessage());
            assertTrue(fileBytes(byBytes) <= 256 * 1024, "wrote " + fileBytes(byBytes) + " bytes");

            Path byCount = Files.createDirectories(tmp.resolve("count" + v));
            e = assertThrows(UnsafeArchiveException.class, () -> {
                try (TreeWriter w = new TreeWriter(byCount, new TreeLimits(100, 1L << 30, "test"), parallel)) {
                    write(w, files);
                }
            });
            assertTrue(e.getMessage().contains("more than 100 entries"), e.getMessage());
            assertTrue(fileCount(byCount) <= 100, "wrote " + fileCount(byCount) + " files");
        }
    }

    static long fileBytes(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).mapToLong(p -> p.toFile().length()).sum();
        }
    }

    static long fileCount(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile).count();
        }
    }
}
