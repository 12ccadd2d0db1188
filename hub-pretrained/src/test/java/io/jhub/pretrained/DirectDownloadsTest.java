package io.jhub.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.DownloadException;
import io.jhub.api.IntegrityException;
import io.jhub.api.ProgressEvent;
import io.jhub.core.Hub;
import io.jhub.http.download.DownloadOptions;
import io.jhub.testkit.ConnectProxy;
import io.jhub.testkit.RangeHttpsServer;
import io.jhub.testkit.RangeHttpsServer.Fault;
import io.jhub.testkit.RangeHttpsServer.Request;
import io.jhub.testkit.TestCertificates;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Parallel range downloads over jhub's own direct connections (the download engine's default when no proxy
 * applies): every request below must arrive with {@code Connection: close}, which the JDK's HttpClient never sends.
 */
class DirectDownloadsTest extends RangeServerFixture {
    private static final int MIB = 1 << 20;

    private static String sha256(byte[] b) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
    }

    private static DownloadOptions parallel(byte[] data) throws Exception {
        return DownloadOptions.builder().connections(2).sha256(sha256(data)).build();
    }

    private static void assertAllDirect(List<Request> reqs) {
        assertTrue(reqs.stream().allMatch(r -> r.connection().equals(Optional.of("keep-alive"))), reqs.toString());
    }

    @Test
    void rangesArriveOverDirectConnectionsWithIfRangeAndProgress() throws Exception {
        byte[] data = bytes(5 * MIB + 4321, 11);
        server.serve("/ok.bin", data);
        List<ProgressEvent> events = new CopyOnWriteArrayList<>();
        DownloadOptions opts = DownloadOptions.builder().connections(2).sha256(sha256(data)).progress(events::add)
                .build();
        Path p = Weights.download(hubBuilder().build(), server.uri("/ok.bin"), opts);
        assertArrayEquals(data, Files.readAllBytes(p));
        List<Request> reqs = server.requests("/ok.bin");
        assertAllDirect(reqs);
        // six 1 MiB segments in two runs: the first request (open, from byte 0, which tells the length) goes on
        // as the first run instead of being dropped, the second run takes one more request; a connection done
        // early takes over the end of the other run with one more request, which starts at a segment boundary
        assertTrue(reqs.size() < 6, "fewer range requests than segments: " + reqs);
        assertEquals(Optional.of("bytes=0-"), reqs.get(0).range());
        assertEquals(1, reqs.stream().filter(r -> r.first() == 0).count(), "byte 0 is asked for once: " + reqs);
        assertTrue(reqs.stream().anyMatch(r -> r.first() == 3L * MIB && r.last() == data.length - 1),
                reqs.toString());
        assertTrue(reqs.stream().skip(1).allMatch(r -> r.status() == 206 && r.first() % MIB == 0
                && r.ifRange().equals(Optional.of("\"v1\""))), reqs.toString());
        ProgressEvent last = events.get(events.size() - 1);
        assertEquals(ProgressEvent.Phase.DONE, last.phase());
        assertEquals(data.length, last.done());
    }

    @Test
    void theHashOfAParallelDownloadIsComputedWhileTheRangesArrive() throws Exception {
        byte[] data = bytes(6 * MIB + 17, 21);
        server.serve("/hashed.bin", data);
        Hub hub = hubBuilder().build();
        URI uri = server.uri("/hashed.bin");
        String wrong = "0".repeat(64);
        IntegrityException e = assertThrows(IntegrityException.class, () -> Weights.download(hub, uri,
                DownloadOptions.builder().connections(3).sha256(wrong).build()));
        assertEquals(sha256(data), e.actual());
        Path p = Weights.download(hub, uri, DownloadOptions.builder().connections(3).sha256(sha256(data)).build());
        assertArrayEquals(data, Files.readAllBytes(p));
    }

    @Test
    void aRangeBrokenOnceIsRetriedOnItsOwn() throws Exception {
        byte[] data = bytes(4 * MIB + 99, 12);
        server.serve("/broken.bin", data);
        server.failRange("/broken.bin", 2L * MIB, Fault.dropAfter(100_000));
        Path p = Weights.download(hubBuilder().build(), server.uri("/broken.bin"), parallel(data));
        assertArrayEquals(data, Files.readAllBytes(p));
        List<Request> reqs = server.requests("/broken.bin");
        assertAllDirect(reqs);
        // the second run (segments 2 to 4) broke 100,000 bytes in and went on from there
        assertTrue(reqs.stream().anyMatch(r -> r.first() == 2L * MIB + 100_000 && r.status() == 206
                && r.ifRange().equals(Optional.of("\"v1\""))), reqs.toString());
        assertEquals(1, server.fullBodyRequests("/broken.bin"), "no restart: " + reqs);
    }

    @Test
    void aFileChangedMidwayIsDownloadedAgainWhole() throws Exception {
        byte[] v1 = bytes(4 * MIB, 13);
        byte[] v2 = bytes(3 * MIB + 7, 14);
        server.serve("/moving.bin", v1);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // runs 0-1 and 2-3: the second stalls, and its retry after the change gets the whole new file
        server.failRange("/moving.bin", 2L * MIB, Fault.stallAfter(50_000, reached, release));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            DownloadOptions opts = DownloadOptions.builder().connections(2).build();
            Future<Path> f = pool.submit(() -> Weights.download(hubBuilder().build(), server.uri("/moving.bin"),
                    opts));
            assertTrue(reached.await(30, TimeUnit.SECONDS));
            server.change("/moving.bin", v2, "\"v2\"");
            release.countDown();
            Path p = f.get(60, TimeUnit.SECONDS);
            assertArrayEquals(v2, Files.readAllBytes(p));
            List<Request> reqs = server.requests("/moving.bin");
            assertAllDirect(reqs);
            assertTrue(reqs.stream().anyMatch(r -> r.ifRange().equals(Optional.of("\"v1\"")) && r.status() == 200),
                    "a range sent with the old ETag gets the whole new file: " + reqs);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    static Stream<Arguments> wrongRangeAnswers() {
        return Stream.of(Arguments.of("whole", Fault.ignoreRanges(), 200),
                Arguments.of("shifted", Fault.wrongContentRange(), 206));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("wrongRangeAnswers")
    void aRangeAnsweredWithOtherBytesStartsOverFromANewProbe(String name, Fault fault, int status)
            throws Exception {
        byte[] data = bytes(3 * MIB + 5, 15);
        String path = "/" + name + ".bin";
        server.serve(path, data);
        server.failRange(path, 2L * MIB, fault); // the second run's request
        Path p = Weights.download(hubBuilder().build(), server.uri(path), parallel(data));
        assertArrayEquals(data, Files.readAllBytes(p));
        List<Request> reqs = server.requests(path);
        assertAllDirect(reqs);
        String secondRun = "bytes=" + 2L * MIB + "-" + (data.length - 1);
        assertTrue(reqs.stream().anyMatch(r -> r.range().equals(Optional.of(secondRun)) && r.status() == status),
                "the faulty answer: " + reqs);
        assertEquals(2, reqs.stream().filter(r -> r.range().equals(Optional.of("bytes=0-"))).count(),
                "one restart from a new probe: " + reqs);
    }

    @Test
    void aStalledRangeHitsTheReadTimeoutAndIsRetried() throws Exception {
        byte[] data = bytes(3 * MIB + 8, 17);
        server.serve("/stalled.bin", data);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        server.failRange("/stalled.bin", 2L * MIB, Fault.stallAfter(10_000, reached, never)); // the second run
        try {
            Hub hub = hubBuilder().readTimeout(Duration.ofSeconds(1)).build();
            Path p = Weights.download(hub, server.uri("/stalled.bin"), parallel(data));
            assertArrayEquals(data, Files.readAllBytes(p));
            List<Request> reqs = server.requests("/stalled.bin");
            assertTrue(reqs.stream().anyMatch(r -> r.first() == 2L * MIB + 10_000), "retried where it stalled: "
                    + reqs);
        } finally {
            never.countDown();
        }
    }

    @Test
    void aStalledBodyFailsWithTheReadTimeoutOnceRetriesAreUsedUp() throws Exception {
        byte[] data = bytes(200_000, 18);
        server.serve("/stuck.bin", data);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        server.failNext("/stuck.bin", Fault.stallAfter(1_000, reached, never));
        try {
            Hub hub = hubBuilder().readTimeout(Duration.ofSeconds(1)).setting("http.retries", "0").build();
            URI uri = server.uri("/stuck.bin");
            DownloadException e = assertThrows(DownloadException.class,
                    () -> Weights.download(hub, uri, DownloadOptions.builder().connections(1).build()));
            assertTrue(e.getMessage().contains("read timeout"), e.getMessage());
            assertAllDirect(server.requests("/stuck.bin"));
        } finally {
            never.countDown();
        }
    }

    @Test
    void aCertificateForAnotherHostIsRefused() throws Exception {
        TestCertificates other = TestCertificates.generate(shared.resolve("other"), "dns:other.invalid");
        try (RangeHttpsServer s = RangeHttpsServer.start(other.serverContext())) {
            s.serve("/x.bin", bytes(1000, 19));
            Hub hub = Hub.builder().cacheDir(cache).sslContext(other.clientContext()).environment(Map.of())
                    .setting("http.retries", "0").build();
            DownloadException e = assertThrows(DownloadException.class,
                    () -> Weights.download(hub, s.uri("/x.bin"), DownloadOptions.defaults()));
            assertTrue(e.getMessage().contains("TLS handshake with 127.0.0.1 failed"), e.getMessage());
            assertEquals(List.of(), s.requests("/x.bin"));
        }
    }

    @Test
    void anHttpsProxyInTheEnvironmentIsTunnelledOverDirectConnections() throws Exception {
        byte[] data = bytes(2 * MIB + 9, 20);
        server.serve("/proxied.bin", data);
        try (ConnectProxy proxy = new ConnectProxy()) {
            Hub hub = hubBuilder().environment(Map.of("HTTPS_PROXY", "http://127.0.0.1:" + proxy.port())).build();
            Path p = Weights.download(hub, server.uri("/proxied.bin"), parallel(data));
            assertArrayEquals(data, Files.readAllBytes(p));
            List<Request> reqs = server.requests("/proxied.bin");
            assertAllDirect(reqs);
            String target = "127.0.0.1:" + server.uri("/").getPort();
            assertTrue(!proxy.targets.isEmpty() && proxy.targets.size() <= reqs.size(),
                    "at most one CONNECT per request, connections being reused: " + proxy.seen);
            assertTrue(proxy.targets.stream().allMatch(target::equals), proxy.targets.toString());
            assertTrue(proxy.seen.stream().allMatch(r -> r.line().equals("CONNECT " + target + " HTTP/1.1")
                    && r.proxyAuthorization().isEmpty()), proxy.seen.toString());
        }
    }

    @Test
    void aHandedInHttpClientCarriesTheDownloadThroughItsOwnProxy() throws Exception {
        byte[] data = bytes(2 * MIB + 9, 22);
        server.serve("/proxied-jdk.bin", data);
        try (ConnectProxy proxy = new ConnectProxy()) {
            java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                    .proxy(java.net.ProxySelector.of(new java.net.InetSocketAddress("127.0.0.1", proxy.port())))
                    .sslContext(certs.clientContext()).build();
            // the environment names no proxy: only the client's own selector can have sent the CONNECTs
            Hub hub = hubBuilder().httpClient(client).build();
            Path p = Weights.download(hub, server.uri("/proxied-jdk.bin"), parallel(data));
            assertArrayEquals(data, Files.readAllBytes(p));
            assertTrue(!proxy.targets.isEmpty(), "the proxy saw no CONNECT");
            assertTrue(server.requests("/proxied-jdk.bin").stream().allMatch(r -> r.connection().isEmpty()),
                    server.requests("/proxied-jdk.bin").toString());
        }
    }

    @Test
    void anHttpClientThatFollowsRedirectsIsRefused() {
        java.net.http.HttpClient follows = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NORMAL).build();
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> hubBuilder().httpClient(follows));
        assertTrue(e.getMessage().contains("followRedirects(HttpClient.Redirect.NEVER)"), e.getMessage());
    }
}
