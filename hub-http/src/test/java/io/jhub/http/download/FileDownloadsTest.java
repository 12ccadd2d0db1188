package io.jhub.http.download;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.OfflineException;
import io.jhub.api.ProgressEvent;
import io.jhub.http.HttpEngine;
import io.jhub.http.internal.cache.CacheLock;
import io.jhub.http.internal.download.PartialMeta;
import io.jhub.testkit.RangeHttpsServer;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.BitSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The download engine on its own: a cache directory and an engine, no hub. */
class FileDownloadsTest {
    @TempDir
    static Path shared;
    static TestCertificates certs;
    static RangeHttpsServer server;

    @TempDir
    Path cache;

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.generate(shared.resolve("certs"));
        server = RangeHttpsServer.start(certs.serverContext());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private FileDownloads downloads() {
        HttpEngine engine = HttpEngine.builder().sslContext(certs.clientContext()).environment(n -> Optional.empty())
                .backoff(Duration.ofMillis(5), Duration.ofMillis(50)).build();
        return FileDownloads.of(cache, engine);
    }

    private static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    @Test
    void aFileLandsVerifiedInTheGivenCacheDirectoryWithoutAnyHub() throws Exception {
        byte[] data = bytes(3 * 1024 * 1024 + 5, 3);
        server.serve("/plain.bin", data);
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        FileDownloads d = downloads().progress(events::add)
                .settings(k -> Optional.ofNullable(Map.of("download.parallelMinBytes", "1048576",
                        "download.connections", "3").get(k)));
        Path p = d.download(server.uri("/plain.bin"), DownloadOptions.builder().sha256(sha256(data)).build());
        assertTrue(p.startsWith(cache.resolve("weights")), p.toString());
        assertEquals(p, d.cachePath(server.uri("/plain.bin"), DownloadOptions.defaults()));
        assertArrayEquals(data, Files.readAllBytes(p));
        assertTrue(server.requests("/plain.bin").stream().anyMatch(r -> r.range().isPresent()),
                "parallel ranges from 1 MiB: " + server.requests("/plain.bin"));
        assertFalse(events.isEmpty(), "progress reaches the given listener");
    }

    @Test
    void offlineDownloadsServeTheCacheAndNeverTheNetwork() throws Exception {
        byte[] data = bytes(5000, 4);
        server.serve("/offline.bin", data);
        URI uri = server.uri("/offline.bin");
        OfflineException e = assertThrows(OfflineException.class,
                () -> downloads().offline(true).download(uri, DownloadOptions.defaults()));
        assertTrue(e.getMessage().contains("jhub download"), e.getMessage());
        assertEquals(List.of(), server.requests("/offline.bin"));
        Path p = downloads().download(uri, DownloadOptions.defaults());
        assertEquals(p, downloads().offline(true).download(uri, DownloadOptions.defaults()));
        assertEquals(1, server.requests("/offline.bin").size());
    }

    @Test
    void aMalformedSettingIsNamedWithItsBoundsAndValue() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> downloads().settings(k -> k.equals("download.connections") ? Optional.of("99")
                        : Optional.empty()));
        assertTrue(e.getMessage().contains("download.connections") && e.getMessage().contains("1 and 32")
                && e.getMessage().contains("\"99\""), e.getMessage());
    }

    @Test
    void aCompletePartialLeftByAKilledProcessIsInstalledWithoutNetwork() throws Exception {
        byte[] data = bytes(70_000, 13);
        server.serve("/complete.bin", data);
        URI uri = server.uri("/complete.bin");
        Path target = downloads().cachePath(uri, DownloadOptions.defaults());
        Path meta = target.resolveSibling(".jhub");
        Files.createDirectories(meta);
        Files.write(meta.resolve(target.getFileName() + ".partial"), data);
        new PartialMeta(uri.toString(), Optional.of("\"v1\""), data.length, 0, new BitSet())
                .write(meta.resolve(target.getFileName() + ".partial.meta"));
        Path p = downloads().download(uri, DownloadOptions.builder().sha256(sha256(data)).build());
        assertEquals(target, p);
        assertArrayEquals(data, Files.readAllBytes(p));
        assertEquals(0, server.requests("/complete.bin").size());
    }

    @Test
    void partialsUntouchedForAWeekGoWithTheNextDownloadUnlessSomeoneHoldsTheirLock() throws Exception {
        Path meta = Files.createDirectories(cache.resolve("weights").resolve(".jhub"));
        FileTime weekAgo = FileTime.from(Instant.now().minus(Duration.ofDays(8)));
        Path old = Files.write(meta.resolve("aaaaaa_old.bin.partial"), new byte[10]);
        Path oldMeta = Files.writeString(meta.resolve("aaaaaa_old.bin.partial.meta"), "x");
        Path busy = Files.write(meta.resolve("bbbbbb_busy.bin.partial"), new byte[10]);
        Path fresh = Files.write(meta.resolve("cccccc_fresh.bin.partial"), new byte[10]);
        Files.setLastModifiedTime(old, weekAgo);
        Files.setLastModifiedTime(busy, weekAgo);
        Files.setLastModifiedTime(fresh, FileTime.from(Instant.now().minus(Duration.ofDays(1))));

        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch done = new CountDownLatch(1);
        Thread holder = new Thread(() -> {
            try (CacheLock lock = CacheLock.acquire(meta.resolve("bbbbbb_busy.bin.lock"))) {
                locked.countDown();
                done.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
        holder.start();
        locked.await();
        byte[] data = bytes(1000, 21);
        Path src = Files.write(cache.resolveSibling(cache.getFileName() + "-sweep.bin"), data);
        downloads().download(src.toUri(), DownloadOptions.defaults());
        done.countDown();
        holder.join();

        assertFalse(Files.exists(old), "a week-old partial nobody holds is removed");
        assertFalse(Files.exists(oldMeta));
        assertTrue(Files.exists(busy), "a partial whose lock is held stays");
        assertTrue(Files.exists(fresh), "a recent partial stays for a resume");
    }
}
