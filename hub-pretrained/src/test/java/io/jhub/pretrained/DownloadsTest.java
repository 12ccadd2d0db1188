package io.jhub.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.DownloadException;
import io.jhub.api.IntegrityException;
import io.jhub.api.OfflineException;
import io.jhub.api.ProgressEvent;
import io.jhub.core.Hub;
import io.jhub.http.download.DownloadOptions;
import io.jhub.testkit.RangeHttpsServer;
import io.jhub.testkit.RangeHttpsServer.Fault;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class DownloadsTest extends RangeServerFixture {
    private Hub hub() {
        return hubBuilder().build();
    }


    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static DownloadOptions sequential() {
        return DownloadOptions.builder().connections(1).build();
    }

    @Test
    void downloadsOnceThenHitsWithoutNetworkOrRehash() throws Exception {
        byte[] data = bytes(300_000, 1);
        server.serve("/a/file.bin", data);
        URI uri = server.uri("/a/file.bin");
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        DownloadOptions opts = DownloadOptions.builder().sha256(sha256(data)).progress(events::add).build();
        Path p = Weights.download(hub(), uri, opts);
        assertArrayEquals(data, Files.readAllBytes(p));
        assertTrue(p.getFileName().toString().matches("[0-9a-f]{6}_file\\.bin"), p.toString());
        assertEquals(cache.resolve("weights").resolve(p.getFileName()), p);
        assertEquals(p, Weights.cachePath(hub(), uri, opts));
        assertEquals(ProgressEvent.Phase.DONE, events.get(events.size() - 1).phase());
        assertEquals(data.length, events.get(events.size() - 1).done());
        assertEquals(1, server.requests("/a/file.bin").size());

        assertEquals(p, Weights.download(hub(), uri, opts));
        assertEquals(1, server.requests("/a/file.bin").size(), "a hit must not touch the network");

        // the hit trusts the recorded hash while size and time are unchanged: prove it read nothing by
        // recording a different (fake) hash and asking for that one
        Path record = cache.resolve("weights/.jhub").resolve(p.getFileName() + ".verified");
        String fake = "ab".repeat(32);
        String[] fields = Files.readString(record).trim().split(" ");
        Files.writeString(record, fields[0] + " " + fields[1] + " " + fake + "\n");
        assertEquals(p, Weights.download(hub(), uri, DownloadOptions.builder().sha256(fake).build()));
        assertEquals(1, server.requests("/a/file.bin").size());
    }

    @Test
    void eightThreadsShareOneDownload() throws Exception {
        byte[] data = bytes(700_000, 2);
        server.serve("/threads.bin", data);
        Hub hub = hub();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                results.add(pool.submit(() -> {
                    go.await();
                    return Weights.download(hub, server.uri("/threads.bin"), sequential());
                }));
            }
            go.countDown();
            Path first = results.get(0).get(60, TimeUnit.SECONDS);
            for (Future<Path> f : results) {
                assertEquals(first, f.get(60, TimeUnit.SECONDS));
            }
            assertArrayEquals(data, Files.readAllBytes(first));
            assertEquals(1, server.requests("/threads.bin").size());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void resumesWithRangeAndIfRangeAfterADroppedConnection() throws Exception {
        byte[] data = bytes(900_000, 3);
        server.serve("/drop.bin", data);
        server.failNext("/drop.bin", Fault.dropAfter(300_000));
        Path p = Weights.download(hub(), server.uri("/drop.bin"), sequential());
        assertArrayEquals(data, Files.readAllBytes(p));
        List<RangeHttpsServer.Request> reqs = server.requests("/drop.bin");
        assertEquals(2, reqs.size());
        RangeHttpsServer.Request resume = reqs.get(1);
        assertEquals(206, resume.status());
        assertTrue(resume.first() > 0, "resumed at " + resume.first());
        assertEquals("\"v1\"", resume.ifRange().orElseThrow());
    }

    @Test
    void startsOverWhenTheFileChangedBetweenAttempts() throws Exception {
        byte[] v1 = bytes(800_000, 4);
        byte[] v2 = bytes(750_000, 5);
        server.serve("/changing.bin", v1);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.failNext("/changing.bin", Fault.stallAfter(200_000, reached, release));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Path> f = pool.submit(() -> Weights.download(hub(), server.uri("/changing.bin"), sequential()));
            assertTrue(reached.await(30, TimeUnit.SECONDS));
            server.change("/changing.bin", v2, "\"v2\"");
            release.countDown();
            Path p = f.get(60, TimeUnit.SECONDS);
            assertArrayEquals(v2, Files.readAllBytes(p));
            RangeHttpsServer.Request second = server.requests("/changing.bin").get(1);
            assertEquals("\"v1\"", second.ifRange().orElseThrow());
            assertEquals(200, second.status());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void startsOverWhenTheServerIgnoresRanges() throws Exception {
        byte[] data = bytes(600_000, 6);
        server.serve("/noranges.bin", data);
        server.failAlways("/noranges.bin", Fault.ignoreRanges());
        server.failNext("/noranges.bin", Fault.dropAfter(100_000));
        Path p = Weights.download(hub(), server.uri("/noranges.bin"), DownloadOptions.defaults());
        assertArrayEquals(data, Files.readAllBytes(p));
        assertEquals(2, server.fullBodyRequests("/noranges.bin"));
    }

    @Test
    void retriesServerErrorsAndHonoursRetryAfter() throws Exception {
        byte[] data = bytes(10_000, 7);
        server.serve("/busy.bin", data);
        server.failNext("/busy.bin", Fault.status(500, Map.of()));
        server.failNext("/busy.bin", Fault.status(429, Map.of("Retry-After", "1")));
        Hub hub = hubBuilder().setting("http.backoffMaxMillis", "5000").build();
        Path p = Weights.download(hub, server.uri("/busy.bin"), sequential());
        assertArrayEquals(data, Files.readAllBytes(p));
        List<RangeHttpsServer.Request> reqs = server.requests("/busy.bin");
        assertEquals(List.of(500, 429, 206), reqs.stream().map(RangeHttpsServer.Request::status).toList());
        long gap = (reqs.get(2).nanoTime() - reqs.get(1).nanoTime()) / 1_000_000;
        assertTrue(gap >= 950, "Retry-After: 1 honoured only " + gap + " ms");
    }

    @Test
    void parallelRangesWithOneRangeFailingOnce() throws Exception {
        int mib = 1 << 20;
        byte[] data = bytes(5 * mib + 12345, 8);
        server.serve("/big.bin", data);
        // 3 connections, six 1 MiB segments: runs 0, 1-2 and 3-5; the last run's body breaks once
        server.failRange("/big.bin", 3L * mib, Fault.dropAfter(150_000));
        DownloadOptions opts = DownloadOptions.builder().connections(3).sha256(sha256(data)).build();
        Path p = Weights.download(hub(), server.uri("/big.bin"), opts);
        assertArrayEquals(data, Files.readAllBytes(p));
        List<RangeHttpsServer.Request> reqs = server.requests("/big.bin");
        assertTrue(reqs.stream().anyMatch(r -> r.first() == 3L * mib + 150_000 && r.status() == 206),
                "the broken run goes on where it broke: " + reqs);
        assertEquals(1, server.fullBodyRequests("/big.bin"), "only the probe asked for the whole file: " + reqs);
        assertTrue(reqs.stream().filter(r -> r.status() == 206).count() >= 4, reqs.toString());
        assertTrue(Files.notExists(cache.resolve("weights/.jhub").resolve(p.getFileName() + ".partial")));
    }

    @Test
    void fullHashMismatchDeletesTheFile() throws Exception {
        byte[] data = bytes(50_000, 9);
        server.serve("/wrong.bin", data);
        server.failAlways("/wrong.bin", Fault.wrongBytes());
        Hub hub = hub();
        URI uri = server.uri("/wrong.bin");
        IntegrityException e = assertThrows(IntegrityException.class,
                () -> Weights.download(hub, uri, DownloadOptions.builder().sha256(sha256(data)).build()));
        assertEquals(sha256(data), e.expected());
        assertFalse(e.actual().equals(e.expected()));
        assertTrue(Files.notExists(Weights.cachePath(hub, uri, DownloadOptions.defaults())));
        try (Stream<Path> left = Files.list(cache.resolve("weights/.jhub"))) {
            assertTrue(left.noneMatch(f -> f.toString().endsWith(".partial")), "partial left behind");
        }
    }

    @Test
    void hashPrefixInTheFileName() throws Exception {
        byte[] data = bytes(40_000, 10);
        String good = sha256(data).substring(0, 8);
        server.serve("/net-" + good + ".pth", data);
        server.serve("/net-00000000.pth", data);
        DownloadOptions check = DownloadOptions.builder().hashPrefixFromName(true).build();
        Path p = Weights.download(hub(), server.uri("/net-" + good + ".pth"), check);
        assertArrayEquals(data, Files.readAllBytes(p));
        IntegrityException e = assertThrows(IntegrityException.class,
                () -> Weights.download(hub(), server.uri("/net-00000000.pth"), check));
        assertEquals("00000000", e.expected());
        assertTrue(Files.notExists(Weights.cachePath(hub(), server.uri("/net-00000000.pth"), check)));
        assertThrows(IllegalArgumentException.class,
                () -> Weights.download(hub(), server.uri("/a/file.bin"), check));
    }

    @Test
    void fileUrlsAreCopiedAndVerified() throws Exception {
        byte[] data = bytes(123_456, 11);
        Path src = Files.write(cache.resolveSibling(cache.getFileName() + "-mirror.bin"), data);
        Hub offlineHub = hubBuilder().offline(true).build();
        Path p = Weights.download(offlineHub, src.toUri(), DownloadOptions.builder().sha256(sha256(data)).build());
        assertArrayEquals(data, Files.readAllBytes(p));
        assertTrue(p.startsWith(cache));
        assertThrows(DownloadException.class,
                () -> Weights.download(hub(), src.resolveSibling("missing.bin").toUri(), DownloadOptions.defaults()));
    }

    @Test
    void offlineHitAndMiss() throws Exception {
        byte[] data = bytes(20_000, 12);
        server.serve("/offline.bin", data);
        URI uri = server.uri("/offline.bin");
        Hub offline = hubBuilder().offline(true).build();
        OfflineException miss = assertThrows(OfflineException.class,
                () -> Weights.download(offline, uri, DownloadOptions.defaults()));
        assertTrue(miss.getMessage().contains("/offline.bin") && miss.getMessage().contains("jhub download"),
                miss.getMessage());
        assertEquals(0, server.requests("/offline.bin").size());
        Path online = Weights.download(hub(), uri, DownloadOptions.defaults());
        assertEquals(online, Weights.download(offline, uri, DownloadOptions.defaults()));
        assertEquals(online, Weights.download(hub(), uri, DownloadOptions.builder().offline(true).build()));
        assertEquals(1, server.requests("/offline.bin").size());
    }

    @Test
    void plainHttpNeedsExplicitPermissionAndBadInputIsRejected() {
        DownloadException e = assertThrows(DownloadException.class,
                () -> Weights.download(hub(), URI.create("http://127.0.0.1:9/x.bin"), DownloadOptions.defaults()));
        assertTrue(e.getMessage().contains("allowPlainHttp"), e.getMessage());
        assertThrows(IllegalArgumentException.class,
                () -> Weights.download(hub(), URI.create("ftp://example.org/x"), DownloadOptions.defaults()));
        assertThrows(IllegalArgumentException.class, () -> DownloadOptions.builder().sha256("abc"));
        assertThrows(IllegalArgumentException.class, () -> DownloadOptions.builder().fileName("../x"));
        assertThrows(IllegalArgumentException.class, () -> DownloadOptions.builder().connections(0));
    }

    @Test
    void notFoundSaysSo() {
        DownloadException e = assertThrows(DownloadException.class,
                () -> Weights.download(hub(), server.uri("/nothing-here.bin"), DownloadOptions.defaults()));
        assertEquals(404, e.status().orElseThrow());
        assertTrue(e.getMessage().contains("Check the URL"), e.getMessage());
    }
}
