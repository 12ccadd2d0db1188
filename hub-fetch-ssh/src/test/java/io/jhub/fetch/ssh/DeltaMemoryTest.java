package io.jhub.fetch.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.GitSshServer;
import io.jhub.testkit.Processes;
import io.jhub.testkit.TestFetchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One commit with three 20-23 MiB versions of a file, stored as a delta chain: the rebuilt objects are far above
 * the 8 MiB heap limit for delta bases, so they are rebuilt from and into the spill file, and the object-byte
 * limit is enforced from the pack's headers before anything is rebuilt.
 */
@Tag("large")
class DeltaMemoryTest {
    static final int SIZE = 20 << 20;

    @TempDir
    static Path tmp;
    static SshFixture fx;
    static GitRepo repo;
    static String commit;
    static GitSshServer server;

    @BeforeAll
    static void setUp() throws IOException {
        fx = new SshFixture(tmp.resolve("fx"));
        repo = GitRepo.init(tmp.resolve("work"));
        byte[] v = new byte[SIZE];
        new Random(5).nextBytes(v);
        repo.write("weights/v0.bin", v);
        Random edits = new Random(6);
        for (int k = 1; k <= 2; k++) {
            for (int i = 0; i < 200; i++) {
                v[edits.nextInt(SIZE)] ^= 0x5a;
            }
            v = Arrays.copyOf(v, v.length + (1 << 20) * k);
            repo.write("weights/v" + k + ".bin", v);
        }
        repo.write("hubconf.java", "package x; public class hubconf { }\n");
        commit = repo.commit("three versions");
        Path bare = repo.bareClone(fx.repos.resolve("team/weights.git"));
        Processes.run(bare, "git", "repack", "-adfq", "--window=10", "--depth=50");
        Path idx;
        try (var packs = Files.list(bare.resolve("objects/pack"))) {
            idx = packs.filter(p -> p.toString().endsWith(".idx")).findFirst().orElseThrow();
        }
        String verify = Processes.run(bare, "git", "verify-pack", "-v", idx.toString());
        // git keeps the newest (largest) version whole and stores the two older ones as a chain of deltas
        long deltas = verify.lines().map(l -> l.split("\\s+")).filter(f -> f.length >= 7 && f[1].equals("blob"))
                .count();
        assertEquals(2, deltas, "two versions are stored as deltas:\n" + verify);
        server = fx.trustedServer(fx.server());
    }

    @AfterAll
    static void tearDown() throws IOException {
        server.close();
    }

    @Test
    void deltaResultsAboveTheHeapLimitAreRebuiltOnDiskWithA40MegabyteHeap() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("small-heap/tree"));
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Processes.Result r = Processes.exec(tmp, Map.of(), List.of(java, "-Xmx40m", "-cp", cp,
                LargeFetchMain.class.getName(), "127.0.0.1:" + server.port(), "team/weights", target.toString(),
                fx.key.toString(), fx.knownHosts.toString()));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        assertTrue(r.stdout().contains("commit=" + commit), r.stdout());
        TreeCompare.assertSameAsArchive(repo, commit, target, Files.createDirectories(tmp.resolve("small-heap/x")));
    }

    @Test
    void objectBytesAboveTheLimitAreRefusedFromThePackHeaders() throws IOException {
        // the pack (the whole 23 MiB newest version and two small deltas) fits in 40 MiB; its objects (64 MiB) do not
        Path target = Files.createDirectories(tmp.resolve("limit/tree"));
        TestFetchContext ctx = fx.context().with("ssh.maxBytes", String.valueOf(40 << 20));
        var e = assertThrows(UnsafeArchiveException.class,
                () -> new SshFetcher().fetch(SshFixture.request(server, "team/weights"), target, ctx));
        assertTrue(e.getMessage().contains("unpack to more than the limit of " + (40 << 20) + " bytes")
                && e.getMessage().contains("setting ssh.maxBytes"), e.getMessage());
        try (var left = Files.list(target.getParent())) {
            assertEquals(1, left.count(), "target untouched, work directory removed");
        }
        assertEquals(0, Files.list(target).count());
    }

    @Test
    void aPackAboveTheLimitIsRefusedWhileReceived() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("pack-limit/tree"));
        TestFetchContext ctx = fx.context().with("ssh.maxBytes", String.valueOf(10 << 20));
        var e = assertThrows(UnsafeArchiveException.class,
                () -> new SshFetcher().fetch(SshFixture.request(server, "team/weights"), target, ctx));
        assertTrue(e.getMessage().contains("limit of " + (10 << 20)) && e.getMessage().contains("ssh.maxBytes"),
                e.getMessage());
        var bad = assertThrows(io.jhub.api.FetchException.class, () -> new SshFetcher().fetch(
                SshFixture.request(server, "team/weights"), target, fx.context().with("ssh.maxBytes", "lots")));
        assertTrue(bad.getMessage().contains("ssh.maxBytes=\"lots\""), bad.getMessage());
    }
}
