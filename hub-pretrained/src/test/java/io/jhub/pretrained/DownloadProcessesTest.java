package io.jhub.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.RangeHttpsServer;
import io.jhub.testkit.RangeHttpsServer.Fault;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Downloads from several JVMs at once and across a killed JVM, against one loopback server. */
class DownloadProcessesTest extends RangeServerFixture {
    private Process child(String path, int connections) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx64m", "-XX:TieredStopAtLevel=1", "-Xshare:auto"));
        cmd.addAll(certs.trustStoreJvmOptions());
        cmd.addAll(List.of("-cp", classPath, DownloadChild.class.getName(), cache.toString(),
                server.uri(path).toString(), Integer.toString(connections)));
        return new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.INHERIT).start();
    }

    private static String awaitPath(Process p) throws Exception {
        String path = null;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while ((line = r.readLine()) != null) {
                if (line.startsWith("path ")) {
                    path = line.substring(5);
                }
            }
        }
        assertTrue(p.waitFor(120, TimeUnit.SECONDS));
        assertEquals(0, p.exitValue());
        assertTrue(path != null, "child printed no path");
        return path;
    }

    @Test
    void threeProcessesAskingAtOnceMakeOneDownload() throws Exception {
        byte[] data = new byte[3_000_000];
        new Random(21).nextBytes(data);
        server.serve("/procs.bin", data);
        List<Process> procs = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            procs.add(child("/procs.bin", 1));
        }
        List<String> paths = new ArrayList<>();
        for (Process p : procs) {
            paths.add(awaitPath(p));
        }
        assertEquals(1, paths.stream().distinct().count(), paths.toString());
        assertArrayEquals(data, Files.readAllBytes(Path.of(paths.get(0))));
        assertEquals(1, server.fullBodyRequests("/procs.bin"));
        assertEquals(1, server.requests("/procs.bin").size());
    }

    @Test
    void secondProcessResumesWhatAKilledOneLeft() throws Exception {
        byte[] data = new byte[4_000_000];
        new Random(22).nextBytes(data);
        server.serve("/killed.bin", data);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        server.failNext("/killed.bin", Fault.stallAfter(1_500_000, reached, release));
        Process first = child("/killed.bin", 1);
        long seen = 0;
        try {
            BufferedReader r = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while (seen < 1_000_000 && (line = r.readLine()) != null) {
                if (line.startsWith("progress ")) {
                    seen = Long.parseLong(line.substring(9));
                }
            }
            assertTrue(seen >= 1_000_000, "child stopped reporting at " + seen);
            assertTrue(reached.await(30, TimeUnit.SECONDS));
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
            release.countDown();
        }
        String path = awaitPath(child("/killed.bin", 1));
        assertArrayEquals(data, Files.readAllBytes(Path.of(path)));
        List<RangeHttpsServer.Request> reqs = server.requests("/killed.bin");
        assertEquals(2, reqs.size(), reqs.toString());
        RangeHttpsServer.Request resume = reqs.get(1);
        assertEquals(206, resume.status());
        assertTrue(resume.first() >= 1_000_000, "the second process resumed at " + resume.first());
        assertEquals("\"v1\"", resume.ifRange().orElseThrow());
    }

    @Test
    void parallelDownloadResumesInAnotherProcess() throws Exception {
        int mib = 1 << 20;
        byte[] data = new byte[4 * mib];
        new Random(23).nextBytes(data);
        server.serve("/par-killed.bin", data);
        CountDownLatch reached = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        // 2 connections, 1 MiB segments in runs 0-1 and 2-3: the second run stalls in segment 2 while the first
        // completes 0 and 1 (and may take segment 3 over); the child is killed once 0 and 1 are reported
        server.failRange("/par-killed.bin", 2L * mib, Fault.stallAfter(100_000, reached, release));
        Process first = child("/par-killed.bin", 2);
        try {
            assertTrue(reached.await(60, TimeUnit.SECONDS));
            BufferedReader r = new BufferedReader(new InputStreamReader(first.getInputStream(), StandardCharsets.UTF_8));
            String line;
            long seen = 0;
            while (seen < 2L * mib + 100_000 && (line = r.readLine()) != null) {
                if (line.startsWith("progress ")) {
                    seen = Long.parseLong(line.substring(9));
                }
            }
        } finally {
            first.destroyForcibly();
            first.waitFor(30, TimeUnit.SECONDS);
            release.countDown();
        }
        int before = server.requests("/par-killed.bin").size();
        String path = awaitPath(child("/par-killed.bin", 2));
        assertArrayEquals(data, Files.readAllBytes(Path.of(path)));
        List<RangeHttpsServer.Request> after = server.requests("/par-killed.bin");
        after = after.subList(before, after.size());
        assertTrue(after.stream().allMatch(q -> q.status() == 206 && q.first() > 0), "second process: " + after);
        assertTrue(after.stream().allMatch(q -> q.first() >= 2L * mib), "segments 0 and 1 are kept: " + after);
        assertTrue(after.stream().anyMatch(q -> q.first() == 2L * mib), "the stalled segment is fetched again: "
                + after);
    }
}
