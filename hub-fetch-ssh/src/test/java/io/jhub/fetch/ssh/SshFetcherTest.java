package io.jhub.fetch.ssh;

import io.jhub.testkit.TestFetchContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.AuthenticationException;
import io.jhub.api.GitProtocolException;
import io.jhub.api.HostKeyException;
import io.jhub.api.RefNotFoundException;
import io.jhub.api.spi.FetchRequest;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.GitSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SshFetcherTest {
    @TempDir
    static Path tmp;
    static SshFixture fx;
    static GitRepo repo;
    static GitSshServer v2;
    static GitSshServer v0;
    static String mainCommit;
    static String featureCommit;
    static final SshFetcher FETCHER = new SshFetcher();

    @BeforeAll
    static void setUp() throws IOException {
        fx = new SshFixture(tmp.resolve("fx"));
        repo = GitRepo.init(tmp.resolve("work"));
        Random rnd = new Random(42);
        for (int c = 0; c < 5; c++) {
            StringBuilder text = new StringBuilder();
            for (int i = 0; i < 2000; i++) {
                text.append("line ").append(i).append(i % 97 == c ? " changed " + c : "").append('\n');
            }
            repo.write("src/big.txt", text.toString());
            byte[] bin = new byte[50_000];
            rnd.nextBytes(bin);
            repo.write("data/blob-" + c + ".bin", bin);
            repo.commit("commit " + c);
        }
        repo.write("run.sh", "#!/bin/sh\necho hi\n").executable("run.sh");
        repo.symlink("link-to-src", "src/big.txt");
        repo.write("empty.txt", "");
        repo.commit("before the submodule");
        // a gitlink (submodule) entry: its commit is in another repository, so it becomes an empty directory
        repo.git("update-index", "--add", "--cacheinfo", "160000," + "ab".repeat(20) + ",vendor/lib");
        repo.git("commit", "-q", "-m", "submodule");
        mainCommit = repo.head();
        repo.git("tag", "-a", "v1.0", "-m", "release");
        repo.git("checkout", "-q", "-b", "feature/x/y");
        repo.write("feature.txt", "feature\n");
        featureCommit = repo.commit("feature");
        repo.git("checkout", "-q", "main");
        repo.bareClone(fx.repos.resolve("owner/proj.git"));
        v2 = fx.trustedServer(fx.server());
        v0 = fx.trustedServer(fx.server().acceptProtocolEnv(false));
    }

    @AfterAll
    static void tearDown() throws IOException {
        v2.close();
        v0.close();
    }

    static GitSshServer server(boolean useV2) {
        return useV2 ? v2 : v0;
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {true, false})
    void fetchesTheDefaultBranchLikeGitArchive(boolean useV2) throws IOException {
        Path target = Files.createDirectories(tmp.resolve("t-default-" + useV2).resolve("tree"));
        int before = v2.v2Requests();
        var res = FETCHER.fetch(SshFixture.request(server(useV2), "owner/proj"), target, fx.context());
        assertEquals(Optional.of(mainCommit), res.commit());
        TreeCompare.assertSameAsArchive(repo, mainCommit, target, Files.createDirectories(target.resolveSibling("x")));
        assertEquals(useV2 ? before + 1 : before, v2.v2Requests());
        try (Stream<Path> left = Files.list(target.getParent())) {
            assertEquals(2, left.count(), "no temporary files left beside the target");
        }
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {true, false})
    void resolvesBranchesTagsAndAbbreviations(boolean useV2) throws IOException {
        GitSshServer s = server(useV2);
        TestFetchContext ctx = fx.context();
        assertEquals(Optional.of(featureCommit), FETCHER.resolve(SshFixture.request(s, "owner/proj:feature/x/y"), ctx)
                .commit());
        assertEquals(Optional.of(mainCommit), FETCHER.resolve(SshFixture.request(s, "owner/proj:v1.0"), ctx).commit());
        assertEquals(Optional.of(mainCommit), FETCHER.resolve(SshFixture.request(s, "owner/proj"), ctx).commit());
        assertEquals(Optional.of(featureCommit), FETCHER.resolve(
                SshFixture.request(s, "owner/proj:" + featureCommit.substring(0, 7)), ctx).commit());
        var e = assertThrows(RefNotFoundException.class,
                () -> FETCHER.resolve(SshFixture.request(s, "owner/proj:nope"), ctx));
        assertTrue(e.getMessage().contains("feature/x/y") && e.getMessage().contains("v1.0"), e.getMessage());
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {true, false})
    void fetchesABranchWithSlashes(boolean useV2) throws IOException {
        Path target = Files.createDirectories(tmp.resolve("t-branch-" + useV2).resolve("tree"));
        FETCHER.fetch(SshFixture.request(server(useV2), "owner/proj:feature/x/y"), target, fx.context());
        assertEquals("feature\n", Files.readString(target.resolve("feature.txt")));
        TreeCompare.assertSameAsArchive(repo, featureCommit, target,
                Files.createDirectories(target.resolveSibling("x")));
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {true, false})
    void fetchesAnAnnotatedTagByNameAndByPeeledCommit(boolean useV2) throws IOException {
        Path byName = Files.createDirectories(tmp.resolve("t-tag-" + useV2).resolve("tree"));
        var res = FETCHER.fetch(SshFixture.request(server(useV2), "owner/proj:v1.0"), byName, fx.context());
        assertEquals(Optional.of(mainCommit), res.commit());
        Path byId = Files.createDirectories(tmp.resolve("t-tagid-" + useV2).resolve("tree"));
        FETCHER.fetch(SshFixture.request(server(useV2), "owner/proj").withCommit(mainCommit), byId, fx.context());
        TreeCompare.assertSameTree(byName, byId);
        assertTrue(Files.isExecutable(byId.resolve("run.sh")));
        assertEquals(Path.of("src/big.txt"), Files.readSymbolicLink(byId.resolve("link-to-src")));
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {true, false})
    void serverKilledMidPackLeavesTargetUntouched(boolean useV2) throws IOException {
        GitRepo big = GitRepo.init(tmp.resolve("big-" + useV2));
        byte[] data = new byte[3 << 20];
        new Random(1).nextBytes(data);
        big.write("random.bin", data);
        big.commit("big");
        big.bareClone(fx.repos.resolve("owner/big" + useV2 + ".git"));
        try (GitSshServer cut = fx.trustedServer(fx.server().acceptProtocolEnv(useV2).killAfterBytes(200_000))) {
            Path parent = Files.createDirectories(tmp.resolve("t-kill-" + useV2));
            Path target = Files.createDirectories(parent.resolve("tree"));
            var e = assertThrows(io.jhub.api.FetchException.class,
                    () -> FETCHER.fetch(SshFixture.request(cut, "owner/big" + useV2), target, fx.context()));
            assertTrue(e instanceof GitProtocolException, e.toString());
            assertTrue(e.getMessage().contains("early") || e.getMessage().contains("closed"), e.getMessage());
            assertEquals(0, Files.list(target).count(), "target untouched");
            assertEquals(1, Files.list(parent).count(), "temporary pack removed");
        }
    }

    @ParameterizedTest(name = "v2={0}")
    @ValueSource(booleans = {true, false})
    void unknownCommitGivesTheServersError(boolean useV2) throws IOException {
        Path target = Files.createDirectories(tmp.resolve("t-err-" + useV2).resolve("tree"));
        FetchRequest r = SshFixture.request(server(useV2), "owner/proj").withCommit("1234567890".repeat(4));
        var e = assertThrows(GitProtocolException.class, () -> FETCHER.fetch(r, target, fx.context()));
        assertTrue(e.getMessage().contains("not our ref") || e.getMessage().contains("1234567890"),
                e.getMessage());
        assertEquals(0, Files.list(target).count());
    }

    @Test
    void submoduleBecomesAnEmptyDirectory() throws IOException {
        Path target = Files.createDirectories(tmp.resolve("t-sub").resolve("tree"));
        FETCHER.fetch(SshFixture.request(v2, "owner/proj"), target, fx.context());
        assertTrue(Files.isDirectory(target.resolve("vendor/lib")));
        assertEquals(0, Files.list(target.resolve("vendor/lib")).count());
    }

    @Test
    void symlinkLeavingTheTreeIsRefused() throws IOException {
        GitRepo evil = GitRepo.init(tmp.resolve("evil"));
        evil.write("ok.txt", "fine\n");
        evil.symlink("docs/escape", "../../../etc/passwd");
        evil.commit("evil");
        evil.bareClone(fx.repos.resolve("owner/evil.git"));
        Path target = Files.createDirectories(tmp.resolve("t-evil").resolve("tree"));
        var e = assertThrows(io.jhub.api.UnsafeArchiveException.class,
                () -> FETCHER.fetch(SshFixture.request(v2, "owner/evil"), target, fx.context()));
        assertTrue(e.getMessage().contains("docs/escape") && e.getMessage().contains("../../../etc/passwd"),
                e.getMessage());
        assertTrue(Files.notExists(target.resolve("docs/escape"), java.nio.file.LinkOption.NOFOLLOW_LINKS));
    }

    @Test
    void missingRepositoryShowsServerMessage() throws IOException {
        var e = assertThrows(GitProtocolException.class,
                () -> FETCHER.resolve(SshFixture.request(v2, "owner/missing"), fx.context()));
        assertTrue(e.getMessage().contains("does not appear to be a git repository"), e.getMessage());
    }

    @Test
    void unknownHostKeyIsRefusedWithFingerprintAndCommand() throws IOException {
        TestFetchContext ctx = fx.context().with("ssh.knownHosts", tmp.resolve("empty_known_hosts").toString());
        var e = assertThrows(HostKeyException.class,
                () -> FETCHER.resolve(SshFixture.request(v2, "owner/proj"), ctx));
        assertTrue(e.getMessage().contains("SHA256:"), e.getMessage());
        assertTrue(e.getMessage().contains("ssh-keyscan -p " + v2.port()), e.getMessage());
        assertTrue(e.getMessage().contains(v2.knownHostsLine()), e.getMessage());
    }

    @Test
    void changedHostKeyIsRefused() throws IOException {
        try (GitSshServer other = fx.server().start()) {
            Path kh = tmp.resolve("changed_known_hosts");
            String otherKey = other.knownHostsLine().substring(other.knownHostsLine().indexOf(' ') + 1);
            Files.writeString(kh, "[127.0.0.1]:" + v2.port() + " " + otherKey + "\n");
            TestFetchContext ctx = fx.context().with("ssh.knownHosts", kh.toString());
            var e = assertThrows(HostKeyException.class,
                    () -> FETCHER.resolve(SshFixture.request(v2, "owner/proj"), ctx));
            assertTrue(e.getMessage().contains("CHANGED") && e.getMessage().contains("ssh-keygen -R"), e.getMessage());
        }
    }

    @Test
    void hashedKnownHostsEntriesWork() throws IOException {
        Path kh = tmp.resolve("hashed_known_hosts");
        Files.writeString(kh, v2.knownHostsLine() + "\n");
        io.jhub.testkit.Processes.run(tmp, "ssh-keygen", "-H", "-f", kh.toString());
        assertTrue(Files.readString(kh).startsWith("|1|"), Files.readString(kh));
        TestFetchContext ctx = fx.context().with("ssh.knownHosts", kh.toString());
        assertEquals(Optional.of(mainCommit), FETCHER.resolve(SshFixture.request(v2, "owner/proj"), ctx).commit());
    }

    @Test
    void wrongKeyIsRefused() {
        TestFetchContext ctx = fx.context().with("ssh.identity", fx.newKey("stranger").toString());
        var e = assertThrows(AuthenticationException.class,
                () -> FETCHER.resolve(SshFixture.request(v2, "owner/proj"), ctx));
        assertTrue(e.getMessage().contains("stranger_ed25519") && e.getMessage().contains("git"), e.getMessage());
    }
}
