package io.jhub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.GitHost;
import io.jhub.api.HubException;
import io.jhub.api.RepoInfo;
import io.jhub.api.UnsafeArchiveException;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.fetch.https.HttpsFetcher;
import io.jhub.fetch.ssh.SshFetcher;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.GitSshServer;
import io.jhub.testkit.Processes;
import io.jhub.testkit.TestCertificates;
import io.jhub.testkit.TestFetchContext;
import io.jhub.tests.support.Artifacts;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The hostile corpus ({@code src/test/resources/hostile}, made by its {@code generate.sh}) end to end: every
 * crafted git tree through both fetchers, served by the real {@code git archive}/{@code git http-backend} and the
 * real {@code git upload-pack}, must get the same verdict from each (both refuse with
 * {@link UnsafeArchiveException}, or both write the byte-identical tree), and the one listed in {@code trees.txt};
 * every crafted archive, served as it is over HTTPS, must be refused without touching anything outside the target.
 */
class HostileCorpusTest {
    static final Path CORPUS = Artifacts.projectRoot().resolve("hub-tests/src/test/resources/hostile");

    @TempDir
    static Path shared;
    @TempDir
    Path tmp;

    static TestCertificates certs;
    static GitHttpsServer https;
    static GitSshServer ssh;
    static Path key;
    static Path knownHosts;

    record Case(String branch, String verdict, String what) {
        @Override
        public String toString() {
            return branch + " (" + verdict + ": " + what + ")";
        }
    }

    static List<Case> trees() throws IOException {
        return Files.readAllLines(CORPUS.resolve("trees.txt")).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(" ", 3)).map(p -> new Case(p[0], p[1], p[2])).toList();
    }

    static List<String> archives() throws IOException {
        return Files.readAllLines(CORPUS.resolve("archives.txt")).stream().filter(l -> !l.isBlank())
                .map(l -> l.split(" ", 2)[0]).toList();
    }

    @BeforeAll
    static void start() throws IOException {
        Path repos = Files.createDirectories(shared.resolve("repos/owner"));
        Processes.run(shared, "git", "clone", "-q", "--bare", CORPUS.resolve("trees.bundle").toString(),
                repos.resolve("hostile.git").toString());
        certs = TestCertificates.generate(shared.resolve("certs"));
        https = GitHttpsServer.start(certs, shared).addRepo("owner/hostile", repos.resolve("hostile.git"));
        for (String archive : archives()) {
            https.addRawArchive("raw/" + archive.replace('.', '-'), CORPUS.resolve("archives/" + archive));
        }
        key = shared.resolve("client_ed25519");
        Processes.run(shared, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "client", "-f", key.toString());
        ssh = GitSshServer.builder(shared.resolve("repos")).authorizedKeys(Path.of(key + ".pub")).start();
        knownHosts = shared.resolve("known_hosts");
        Files.writeString(knownHosts, ssh.knownHostsLine() + "\n");
    }

    @AfterAll
    static void stop() throws IOException {
        https.close();
        ssh.close();
    }

    /** What a fetch gave: the tree described entry by entry, or the class and message of its refusal. */
    record Verdict(Optional<Map<String, String>> tree, Optional<HubException> failure) {
        String kind() {
            return failure.map(f -> f.getClass().getSimpleName()).orElse("written");
        }
    }

    Verdict fetch(RepoFetcher fetcher, GitHost host, String repo, TestFetchContext ctx) throws IOException {
        Path target = Files.createDirectories(tmp.resolve(fetcher.protocol() + "-target"));
        FetchRequest request = new FetchRequest(host, RepoInfo.parse(repo), Optional.empty());
        try {
            fetcher.fetch(request, target, ctx);
            return new Verdict(Optional.of(describe(target)), Optional.empty());
        } catch (HubException e) {
            assertClear(e, target);
            return new Verdict(Optional.empty(), Optional.of(e));
        }
    }

    TestFetchContext sshContext() {
        TestFetchContext c = new TestFetchContext();
        c.settings.put("ssh.identity", key.toString());
        c.settings.put("ssh.knownHosts", knownHosts.toString());
        c.settings.put("ssh.config", "none");
        c.env.put("HOME", shared.toString());
        return c;
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("trees")
    void everyCraftedTreeGetsTheSameVerdictOverHttpsAndSsh(Case c) throws IOException {
        String repo = "owner/hostile:" + c.branch();
        Verdict overHttps = fetch(new HttpsFetcher(), GitHost.parse(https.hostAndPort()), repo,
                new TestFetchContext(certs.clientContext()));
        Verdict overSsh = fetch(new SshFetcher(), GitHost.parse("127.0.0.1:" + ssh.port()), repo, sshContext());
        String both = "HTTPS: " + overHttps.failure().map(Throwable::getMessage).orElse("written") + "\nSSH: "
                + overSsh.failure().map(Throwable::getMessage).orElse("written");
        String expected = c.verdict().equals("written") ? "written" : "UnsafeArchiveException";
        assertEquals(expected, overSsh.kind(), both);
        if (gitArchiveRefuses(c.branch())) {
            // the host cannot even make the archive (git refuses such paths itself): HTTPS reports the host's
            // failure, a HubException all the same, and nothing is written over either protocol
            assertEquals("refused", c.verdict(), both);
            assertTrue(overHttps.failure().isPresent(), both);
            return;
        }
        assertEquals(overHttps.kind(), overSsh.kind(), both);
        assertEquals(overHttps.tree(), overSsh.tree(), both);
    }

    @Test
    void exportAttributesGiveTheSameTreeOverHttpsAndSshAsGitArchive() throws IOException {
        GitRepo work = GitRepo.init(shared.resolve("attrs-work"))
                .write(".gitattributes", "ignored.txt export-ignore\ndocs/ export-ignore\nversion.txt export-subst\n"
                        + "*.bat text eol=crlf\nident.c ident\n")
                .write("ignored.txt", "left out\n").write("docs/a.md", "left out too\n")
                .write("version.txt", "$Format:%H by %an: %s$\n").write("run.bat", "echo a\necho b\n")
                .write("ident.c", "/* $Id$ */\n").write("plain.txt", "as is\n");
        String commit = work.commit("attributes");
        work.bareClone(shared.resolve("repos/owner/attrs.git"));
        https.addRepo("owner/attrs", shared.resolve("repos/owner/attrs.git"));
        Verdict overHttps = fetch(new HttpsFetcher(), GitHost.parse(https.hostAndPort()), "owner/attrs:main",
                new TestFetchContext(certs.clientContext()));
        Verdict overSsh = fetch(new SshFetcher(), GitHost.parse("127.0.0.1:" + ssh.port()), "owner/attrs:main",
                sshContext());
        Path expected = Files.createDirectories(tmp.resolve("expected"));
        Processes.run(tmp, "tar", "-xf", work.archive(commit, "tar", "", tmp.resolve("a.tar")).toString(), "-C",
                expected.toString());
        assertEquals(Optional.of(describe(expected)), overSsh.tree(), "SSH equals git archive");
        assertEquals(overHttps.tree(), overSsh.tree(), "HTTPS and SSH give the same tree");
        Path sshTree = tmp.resolve("SSH-target");
        assertFalse(Files.exists(sshTree.resolve("ignored.txt")) || Files.exists(sshTree.resolve("docs")));
        assertEquals("echo a\r\necho b\r\n", Files.readString(sshTree.resolve("run.bat")));
        assertEquals(commit + " by " + work.git("log", "-1", "--format=%an").strip() + ": attributes\n",
                Files.readString(sshTree.resolve("version.txt")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("archives")
    void everyCraftedArchiveIsRefusedOverHttps(String archive) throws IOException {
        Path box = Files.createDirectories(tmp.resolve("box/a/b"));
        Files.writeString(box.resolve("canary.txt"), "canary");
        Path target = Files.createDirectories(box.resolve("target"));
        FetchRequest request = new FetchRequest(GitHost.parse(https.hostAndPort()),
                RepoInfo.parse("raw/" + archive.replace('.', '-')), Optional.empty());
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> new HttpsFetcher()
                .fetch(request, target, new TestFetchContext(certs.clientContext())));
        assertClear(e, target);
        assertEquals(List.of("canary.txt", "target"), list(box));
        assertFalse(Files.exists(tmp.resolve("box/evil.txt")) || Files.exists(tmp.resolve("evil.txt")));
        if (archive.startsWith("cut-") || archive.startsWith("no-central")) {
            assertTrue(e.getMessage().contains("archive ended early"), e.getMessage());
        }
        if (archive.startsWith("declared-")) {
            assertTrue(e.getMessage().contains("\"huge.bin\" declares 9663676416 bytes"), e.getMessage());
            assertEquals(List.of(), list(target), "nothing of it may be written");
        }
    }

    static boolean gitArchiveRefuses(String branch) {
        return Processes.exec(shared.resolve("repos/owner/hostile.git"), Map.of(),
                List.of("git", "archive", "--format=tar", "-o", "/dev/null", branch)).exitCode() != 0;
    }

    static void assertClear(HubException e, Path target) {
        String m = e.getMessage();
        assertTrue(m != null && m.length() < 1000, "a short message: " + m);
        assertFalse(m.contains(target.toString()) || m.contains(shared.toString()), "no staging path: " + m);
        assertFalse(m.contains("(null)"), m);
        if (e instanceof UnsafeArchiveException) {
            assertFalse(m.toLowerCase(java.util.Locale.ROOT).contains("network"), "no network hint: " + m);
        }
    }

    static List<String> list(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** Every path with its kind: a file's SHA-256 and exec bit, a link's text. */
    static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> out = new TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                    out.put(rel, "dir");
                } else {
                    out.put(rel, "file:" + sha256(Files.readAllBytes(p)) + (Files.isExecutable(p) ? ":x" : ":-"));
                }
            }
        }
        return out;
    }

    static String sha256(byte[] b) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(b));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
