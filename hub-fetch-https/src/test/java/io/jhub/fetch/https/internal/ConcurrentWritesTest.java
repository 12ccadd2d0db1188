package io.jhub.fetch.https.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.ProgressListener;
import io.jhub.api.UnsafeArchiveException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The writer threads: every byte arrives, memory stays bounded, and failures and limits stop everything. */
class ConcurrentWritesTest {
    /** Three threads, 16 KiB in flight, files over 4 KiB streamed by the reader: the queue is full most of the time. */
    static final ParallelWrites TINY = new ParallelWrites(3, 16 * 1024, 4 * 1024);
    static final ArchiveLimits ROOMY = new ArchiveLimits(100_000, 1L << 30);

    @TempDir
    Path tmp;

    @AfterEach
    void noWriterThreadOutlivesAnExtraction() {
        for (Thread t : Thread.getAllStackTraces().keySet()) {
            assertFalse(t.getName().startsWith(WriterPool.THREAD_NAME), t + " still runs");
        }
    }

    /** Files in 40 directories: mostly small (queued), every 97th one large (streamed), some executable or empty. */
    static Map<String, String> mixedFiles(int count) {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < count; i++) {
            String name = "top/d" + (i % 40) + "/s" + (i % 3) + "/f" + i;
            files.put(i % 11 == 0 ? name + ".sh" : name, i % 97 == 5 ? ("large " + i + "\n").repeat(3000)
                    : i % 50 == 7 ? "" : ("file " + i + "\n").repeat(i % 40 + 1));
        }
        return files;
    }

    static TestArchives archive(Map<String, String> files) {
        TestArchives a = new TestArchives();
        files.forEach((name, content) -> {
            if (name.endsWith(".sh")) {
                a.exec(name, content);
            } else {
                a.file(name, content);
            }
        });
        return a;
    }

    ExtractResult extract(byte[] bytes, Path target, ArchiveLimits limits, ParallelWrites parallel,
            long[] peak) throws IOException {
        try (TreeWriter writer = new TreeWriter(target, limits, parallel)) {
            EntryCounter counter = new EntryCounter(ProgressListener.NONE, "test");
            ExtractResult r = bytes[0] == 'P' ? ZipExtractor.extract(new ByteArrayInputStream(bytes), writer, counter)
                    : TarGzExtractor.extract(new ByteArrayInputStream(bytes), writer, counter);
            peak[0] = writer.peakQueuedBytes();
            return r;
        }
    }

    @ParameterizedTest(name = "zip={0}")
    @ValueSource(booleans = {false, true})
    void everyFileArrivesIntactWithItsModeWhileTheQueueStaysBounded(boolean zip) throws IOException {
        Map<String, String> files = mixedFiles(1500);
        TestArchives a = archive(files);
        byte[] bytes = zip ? a.zip() : a.tarGz();
        Path target = Files.createDirectories(tmp.resolve("t"));
        long[] peak = new long[1];
        ExtractResult r = extract(bytes, target, ROOMY, TINY, peak);
        assertEquals(files.size(), r.entries());
        assertEquals(files.values().stream().mapToLong(String::length).sum(), r.bytes());
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = target.resolve(f.getKey().substring("top/".length()));
            assertEquals(f.getValue(), Files.readString(p), f.getKey());
            assertEquals(f.getKey().endsWith(".sh"), Files.isExecutable(p), f.getKey());
        }
        assertTrue(peak[0] > 0 && peak[0] <= TINY.maxQueuedBytes(), "peak queued bytes " + peak[0]);
    }

    @Test
    void aWriteFailureInAWriterThreadIsThrownToTheReader() throws IOException {
        Map<String, String> files = mixedFiles(600);
        files.put("top/d3/" + "n".repeat(300), "a name longer than any file system takes"); // ENAMETOOLONG
        byte[] bytes = archive(files).tarGz();
        Path target = Files.createDirectories(tmp.resolve("t"));
        IOException e = assertThrows(IOException.class, () -> ArchiveExtractor.extract(
                new ByteArrayInputStream(bytes), target, ROOMY, ProgressListener.NONE, "test"));
        assertTrue(e.getMessage().contains("n".repeat(300)), e.getMessage());
        assertTrue(e.getCause() instanceof FileSystemException, "the writer thread's own failure is the cause: " + e);
    }

    @Test
    void aFileCollidingWithADirectoryIsRefusedWhicheverThreadMeetsIt() throws IOException {
        Map<String, String> files = mixedFiles(600);
        files.put("top/d7", "a file where a directory is");
        for (byte[] bytes : List.of(archive(files).tarGz(), archive(files).zip())) {
            Path target = Files.createDirectories(tmp.resolve("t" + bytes[0]));
            UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                    () -> extract(bytes, target, ROOMY, TINY, new long[1]));
            assertTrue(e.getMessage().contains("collides"), e.getMessage());
        }
    }

    @Test
    void limitsHoldBeforeAnythingOverThemIsWritten() throws IOException {
        Map<String, String> files = new TreeMap<>();
        for (int i = 0; i < 400; i++) {
            files.put("top/d" + (i % 9) + "/f" + i, String.valueOf(i % 10).repeat(3000));
        }
        byte[] bytes = archive(files).tarGz();
        List<ParallelWrites> variants = List.of(TINY, ParallelWrites.defaults());
        for (int v = 0; v < variants.size(); v++) {
            ParallelWrites parallel = variants.get(v);
            Path byBytes = Files.createDirectories(tmp.resolve("bytes" + v));
            UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class,
                    () -> extract(bytes, byBytes, new ArchiveLimits(100_000, 256 * 1024), parallel, new long[1]));
            assertTrue(e.getMessage().contains("https.maxBytes"), e.getMessage());
            assertTrue(fileBytes(byBytes) <= 256 * 1024, "wrote " + fileBytes(byBytes) + " bytes");

            Path byCount = Files.createDirectories(tmp.resolve("count" + v));
            e = assertThrows(UnsafeArchiveException.class,
                    () -> extract(bytes, byCount, new ArchiveLimits(100, 1L << 30), parallel, new long[1]));
            assertTrue(e.getMessage().contains("https.maxEntries"), e.getMessage());
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
