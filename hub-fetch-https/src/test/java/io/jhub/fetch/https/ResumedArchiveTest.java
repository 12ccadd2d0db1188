package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.DownloadException;
import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchRequest;
import io.jhub.testkit.ArchiveRanges;
import io.jhub.testkit.Fault;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.Processes;
import io.jhub.testkit.TestCertificates;
import io.jhub.testkit.TestFetchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * An archive whose connection stalls or breaks mid-body resumes with {@code Range} + {@code If-Range} and the
 * extraction goes on from that byte; a host that cannot resume (200, another ETag) gets a clean restart.
 */
class ResumedArchiveTest {
    private static final long CUT = 150_000;

    @TempDir
    Path tmp;
    TestCertificates certs;
    GitHttpsServer server;
    GitRepo work;
    String commit;

    @BeforeEach
    void start() throws IOException {
        certs = TestCertificates.generate(tmp.resolve("certs"));
        work = GitRepo.init(tmp.resolve("work"));
        byte[] big = new byte[400_000];
        new Random(42).nextBytes(big); // incompressible, so the cut lands inside this file
        work.write("hubconf.java", "package demo;\npublic class hubconf {}\n").write("data/big.bin", big)
                .write("z/after.txt", "written after the big file\n");
        commit = work.commit("big");
        server = GitHttpsServer.start(certs, tmp);
        server.addRepo("owner/big", work.bareClone(tmp.resolve("bare/big.git")));
    }

    @AfterEach
    void stop() {
        server.close(); // also releases a stalled answer
    }

    private TestFetchContext ctx() {
        // a stall is a window of 1 s under the rate floor; the server blocks until it is closed
        return new TestFetchContext(certs.clientContext()).with("http.lowSpeedTime", "1s");
    }

    private Path fetch(TestFetchContext c) throws IOException {
        Path t = Files.createDirectories(tmp.resolve("target-" + System.nanoTime()));
        new HttpsFetcher().fetch(new FetchRequest(GitHost.parse(server.hostAndPort()), RepoInfo.parse("owner/big"),
                Optional.empty()), t, c);
        return t;
    }

    private Map<String, String> expected() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("expected"));
        Path tar = work.archive(commit, "tar", "x/", tmp.resolve("expected.tar"));
        Processes.run(dir, "tar", "xf", tar.toString(), "--strip-components=1");
        return Trees.describe(dir);
    }

    private List<GitHttpsServer.Request> archiveRequests() {
        return server.requests().stream().filter(r -> r.pathAndQuery().contains("/archive/")).toList();
    }

    @Test
    void stalledArchiveResumesAtTheByteItStoppedAt() throws IOException {
        server.archiveRanges(ArchiveRanges.HONOUR);
        server.inject(Fault.stallAfter("/archive/", CUT, 1));
        Path t = fetch(ctx());
        assertEquals(expected(), Trees.describe(t));
        List<GitHttpsServer.Request> archive = archiveRequests();
        assertEquals(2, archive.size(), archive.toString());
        assertEquals(Optional.empty(), archive.get(0).header("Range"));
        assertEquals(Optional.of("bytes=" + CUT + "-"), archive.get(1).header("Range"));
        assertTrue(archive.get(1).header("If-Range").orElse("").startsWith("\"owner_big-" + commit),
                archive.get(1).toString());
    }

    @Test
    void brokenZipResumesToo() throws IOException {
        server.archiveRanges(ArchiveRanges.HONOUR);
        server.inject(Fault.dropAfter(".zip", CUT, 2)); // the first answer and the first resume both break
        Path t = fetch(ctx().with("https.format", "zip"));
        assertEquals(expected(), Trees.describe(t));
        List<GitHttpsServer.Request> archive = archiveRequests();
        assertEquals(3, archive.size(), archive.toString());
        assertEquals(Optional.of("bytes=" + CUT + "-"), archive.get(1).header("Range"));
        assertEquals(Optional.of("bytes=" + 2 * CUT + "-"), archive.get(2).header("Range"));
    }

    @Test
    void hostAnsweringTheRangeWithTheWholeArchiveGetsACleanRestart() throws IOException {
        server.archiveRanges(ArchiveRanges.IGNORE);
        server.inject(Fault.stallAfter("/archive/", CUT, 1));
        Path t = fetch(ctx());
        assertEquals(expected(), Trees.describe(t));
        List<GitHttpsServer.Request> archive = archiveRequests();
        assertEquals(3, archive.size(), archive.toString());
        assertEquals(Optional.of("bytes=" + CUT + "-"), archive.get(1).header("Range"));
        assertEquals(Optional.empty(), archive.get(2).header("Range")); // started over from byte 0
    }

    @Test
    void rangeAnswerWithAnotherEtagIsNeverJoined() throws IOException {
        server.archiveRanges(ArchiveRanges.CHANGED_ETAG);
        server.inject(Fault.dropAfter("/archive/", CUT, 1));
        Path t = fetch(ctx());
        assertEquals(expected(), Trees.describe(t));
        List<GitHttpsServer.Request> archive = archiveRequests();
        assertEquals(3, archive.size(), archive.toString());
        assertEquals(Optional.of("bytes=" + CUT + "-"), archive.get(1).header("Range"));
        assertEquals(Optional.empty(), archive.get(2).header("Range"));
    }

    @Test
    void resumesCountAgainstTheAttempts() throws IOException {
        server.archiveRanges(ArchiveRanges.HONOUR);
        server.inject(Fault.dropAfter("/archive/", 100_000, 3));
        Path t = Files.createDirectories(tmp.resolve("target"));
        DownloadException e = assertThrows(DownloadException.class, () -> new HttpsFetcher().fetch(
                new FetchRequest(GitHost.parse(server.hostAndPort()), RepoInfo.parse("owner/big"), Optional.empty()),
                t, ctx().with("https.attempts", "3")));
        assertTrue(e.getMessage().contains("broke off 3 times"), e.getMessage());
        assertEquals(3, archiveRequests().size(), archiveRequests().toString());
        assertEquals(List.of(), List.of(t.toFile().list()));
    }
}
