package io.jhub.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.DownloadException;
import io.jhub.core.Hub;
import io.jhub.http.HttpLimits;
import io.jhub.http.download.DownloadOptions;
import io.jhub.testkit.RangeHttpsServer.Fault;
import io.jhub.testkit.RangeHttpsServer.Request;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * A range answer is joined to bytes written before only when it carries the partial's validator and exactly the
 * range, and length, asked for; anything else starts over once, then fails. Stalls are resumed, not restarted.
 */
class RangeAnswersTest extends RangeServerFixture {
    private static final int MIB = 1 << 20;
    private static final DownloadOptions SEQUENTIAL = DownloadOptions.builder().connections(1).build();

    static Stream<Arguments> resumeAnswersThatDoNotFit() {
        return Stream.of(
                Arguments.of("another-etag", 800_000, Optional.of("\"v2\"")),
                Arguments.of("no-etag", 800_000, Optional.empty()),
                // the old ETag, but the Content-Range gives the new length
                Arguments.of("other-length", 750_000, Optional.of("\"v1\"")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("resumeAnswersThatDoNotFit")
    void aResumeAnsweredFromAChangedFileStartsOverInsteadOfSplicing(String name, int newLength,
                                                                     Optional<String> shownEtag) throws Exception {
        String path = "/" + name + ".bin";
        byte[] v1 = bytes(800_000, 31);
        byte[] v2 = bytes(newLength, 32);
        server.serve(path, v1);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.failNext(path, Fault.stallAfter(200_000, reached, release));
        ExecutorService pool = Executors.newSingleThreadExecutor();
        try {
            Future<Path> f = pool.submit(() -> Weights.download(hubBuilder().build(), server.uri(path),
                    SEQUENTIAL));
            assertTrue(reached.await(30, TimeUnit.SECONDS));
            // the file changes, and the server answers the resume with 206 whatever its If-Range says
            server.change(path, v2, "\"v2\"");
            server.failNext(path, Fault.otherEtag(shownEtag));
            release.countDown();
            Path p = f.get(60, TimeUnit.SECONDS);
            assertArrayEquals(v2, Files.readAllBytes(p), "the new file whole, never a splice of both");
            List<Request> reqs = server.requests(path);
            assertEquals(3, reqs.size(), reqs.toString());
            assertEquals(Optional.of("\"v1\""), reqs.get(1).ifRange());
            assertEquals(206, reqs.get(1).status(), "the answer that does not fit: " + reqs);
            assertEquals(Optional.of("bytes=0-"), reqs.get(2).range(), "started over: " + reqs);
        } finally {
            release.countDown();
            pool.shutdownNow();
        }
    }

    @Test
    void aFileThatChangesAgainAfterTheRestartFailsClearly() throws Exception {
        byte[] data = bytes(500_000, 33);
        server.serve("/flapping.bin", data);
        for (int i = 0; i < 2; i++) {
            server.failNext("/flapping.bin", Fault.dropAfter(100_000));
            server.failNext("/flapping.bin", Fault.otherEtag(Optional.of("\"v" + (9 + i) + "\"")));
        }
        Hub hub = hubBuilder().build();
        DownloadException e = assertThrows(DownloadException.class,
                () -> Weights.download(hub, server.uri("/flapping.bin"), SEQUENTIAL));
        assertTrue(e.getMessage().contains("changed on the server during the download"), e.getMessage());
        assertTrue(e.getMessage().contains("validator changed from \"v1\" to \"v10\""), e.getMessage());
        assertTrue(e.getMessage().contains("Try again"), e.getMessage());
        assertEquals(4, server.requests("/flapping.bin").size(), server.requests("/flapping.bin").toString());
        assertFalse(Files.exists(Weights.cachePath(hub, server.uri("/flapping.bin"), SEQUENTIAL)));
    }

    @Test
    void withoutAValidatorNothingIsSplitOrResumed() throws Exception {
        byte[] data = bytes(3 * MIB + 5, 34);
        server.serve("/unvalidated.bin", data);
        server.failAlways("/unvalidated.bin", Fault.otherEtag(Optional.empty()));
        server.failNext("/unvalidated.bin", Fault.dropAfter(100_000));
        Path p = Weights.download(hubBuilder().build(), server.uri("/unvalidated.bin"),
                DownloadOptions.builder().connections(2).build());
        assertArrayEquals(data, Files.readAllBytes(p));
        List<Request> reqs = server.requests("/unvalidated.bin");
        assertEquals(2, reqs.size(), "one cut request, then the whole file again from byte 0: " + reqs);
        assertTrue(reqs.stream().allMatch(r -> r.range().equals(Optional.of("bytes=0-")) && r.ifRange().isEmpty()),
                reqs.toString());
    }

    @Test
    void aSegmentAnsweredWithAnotherEtagStartsOverOnce() throws Exception {
        byte[] data = bytes(3 * MIB + 5, 35);
        server.serve("/segment-etag.bin", data);
        server.failRange("/segment-etag.bin", 2L * MIB, Fault.otherEtag(Optional.of("\"v2\""))); // second run
        Path p = Weights.download(hubBuilder().build(), server.uri("/segment-etag.bin"),
                DownloadOptions.builder().connections(2).build());
        assertArrayEquals(data, Files.readAllBytes(p));
        List<Request> reqs = server.requests("/segment-etag.bin");
        assertTrue(reqs.stream().anyMatch(r -> r.first() == 2L * MIB && r.status() == 206
                && r.ifRange().equals(Optional.of("\"v1\""))), reqs.toString());
        assertEquals(2, reqs.stream().filter(r -> r.range().equals(Optional.of("bytes=0-"))).count(),
                "one restart: " + reqs);
    }

    @Test
    void aStalledTransferFailsTheRateCheckAndResumesWithARange() throws Exception {
        byte[] data = bytes(900_000, 36);
        server.serve("/stalled.bin", data);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch never = new CountDownLatch(1);
        server.failNext("/stalled.bin", Fault.stallAfter(300_000, reached, never));
        try {
            Hub hub = hubBuilder().httpLimits(new HttpLimits(1000, Duration.ofSeconds(1), Duration.ofSeconds(5),
                    Optional.of(Duration.ofMinutes(5)))).build();
            Path p = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> Weights.download(hub, server.uri("/stalled.bin"), SEQUENTIAL));
            assertArrayEquals(data, Files.readAllBytes(p));
            List<Request> reqs = server.requests("/stalled.bin");
            assertEquals(2, reqs.size(), reqs.toString());
            assertEquals(Optional.of("bytes=300000-"), reqs.get(1).range(), "resumed, not restarted: " + reqs);
            assertEquals(Optional.of("\"v1\""), reqs.get(1).ifRange());
        } finally {
            never.countDown();
        }
    }
}
