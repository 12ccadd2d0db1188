package io.jhub.fetch.ssh;

import io.jhub.testkit.TestFetchContext;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.AuthenticationException;
import io.jhub.api.FetchException;
import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchRequest;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.GitSshServer;
import io.jhub.testkit.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** ~/.ssh/config, default identities, passphrases, ssh-agent and the read timeout. */
class SshAuthAndConfigTest {
    @TempDir
    static Path tmp;
    static SshFixture fx;
    static GitSshServer server;
    static String head;
    static final SshFetcher FETCHER = new SshFetcher();

    @BeforeAll
    static void setUp() throws IOException {
        fx = new SshFixture(tmp.resolve("fx"));
        GitRepo repo = GitRepo.init(tmp.resolve("work"));
        repo.write("hubconf.java", "package x; public class hubconf { }\n");
        head = repo.commit("one");
        repo.bareClone(fx.repos.resolve("team/models.git"));
        repo.bareClone(fx.repos.resolve("srv/git/models.git"));
        server = fx.trustedServer(fx.server());
    }

    @AfterAll
    static void tearDown() throws IOException {
        server.close();
    }

    static FetchRequest request(String host, String repo) {
        return new FetchRequest(GitHost.parse(host), RepoInfo.parse(repo), Optional.empty());
    }

    /** A home directory with the server's key as ~/keys/mine, its host key known, and these ~/.ssh files. */
    private static TestFetchContext home(String name, Map<String, String> sshFiles) throws IOException {
        Path home = tmp.resolve(name);
        for (Map.Entry<String, String> f : sshFiles.entrySet()) {
            Path p = home.resolve(".ssh").resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        Files.copy(fx.key, Files.createDirectories(home.resolve("keys")).resolve("mine"));
        Files.copy(fx.knownHosts, home.resolve(".ssh/known_hosts"));
        TestFetchContext ctx = new TestFetchContext();
        ctx.env.put("HOME", home.toString());
        return ctx;
    }

    @Test
    void configHostAliasPortUserAndIdentityFile() throws IOException {
        TestFetchContext ctx = home("cfg-home", Map.of("config", "Host modelhub\n  HostName 127.0.0.1\n  Port "
                + server.port() + "\n  User git\n  IdentityFile ~/keys/mine\n"));
        assertEquals(Optional.of(head), FETCHER.resolve(request("modelhub", "team/models"), ctx).commit());
    }

    @Test
    void configIncludesAreFollowed() throws IOException {
        TestFetchContext ctx = home("inc-home", Map.of("config", "Include conf.d/*\nUser git\n", "conf.d/hub",
                "Host includedhub\n  HostName 127.0.0.1\n  Port " + server.port() + "\n  IdentityFile ~/keys/mine\n"));
        assertEquals(Optional.of(head), FETCHER.resolve(request("includedhub", "team/models"), ctx).commit());
    }

    @Test
    void defaultIdentityAndPathTemplate() throws IOException {
        Path sshDir = Files.createDirectories(tmp.resolve("def-home/.ssh"));
        Files.copy(fx.key, sshDir.resolve("id_ed25519"));
        Files.copy(fx.knownHosts, sshDir.resolve("known_hosts"));
        TestFetchContext ctx = new TestFetchContext().with("ssh.pathTemplate", "srv/git/{repo}.git");
        ctx.env.put("HOME", tmp.resolve("def-home").toString());
        Path target = Files.createDirectories(tmp.resolve("def-out/tree"));
        FETCHER.fetch(request("127.0.0.1:" + server.port(), "anyone/models"), target, ctx);
        assertTrue(Files.isRegularFile(target.resolve("hubconf.java")));
        assertTrue(server.commands().contains("git-upload-pack 'srv/git/models.git'"), server.commands().toString());
    }

    /** A key made with {@code ssh-keygen -N secret}, registered with the server. */
    private static Path lockedKey(String name, String passphrase) throws IOException {
        Path key = tmp.resolve(name);
        Processes.run(tmp, "ssh-keygen", "-q", "-t", "ed25519", "-N", passphrase, "-f", key.toString());
        Files.writeString(fx.authorizedKeys, Files.readString(Path.of(key + ".pub")),
                java.nio.file.StandardOpenOption.APPEND);
        return key;
    }

    @Test
    void passphraseProtectedKey() throws IOException {
        Path key = lockedKey("locked_ed25519", "s3cret pass");
        TestFetchContext ok = fx.context().with("ssh.identity", key.toString()).with("ssh.passphrase", "s3cret pass");
        assertEquals(Optional.of(head), FETCHER.resolve(SshFixture.request(server, "team/models"), ok).commit());
        TestFetchContext wrong = fx.context().with("ssh.identity", key.toString()).with("ssh.passphrase", "nope");
        var e = assertThrows(AuthenticationException.class,
                () -> FETCHER.resolve(SshFixture.request(server, "team/models"), wrong));
        assertTrue(e.getMessage().contains("does not decrypt the SSH key file " + key)
                && e.getMessage().contains("passphrase is wrong") && e.getMessage().contains("ssh.passphrase"),
                e.getMessage());
        assertTrue(!e.getMessage().contains("nope"), "the passphrase must never appear in messages");
    }

    @Test
    void passphraseProtectedKeyWithoutPassphraseSaysHowToGiveIt() throws IOException {
        Path key = lockedKey("nopass_ed25519", "secret");
        TestFetchContext ctx = fx.context().with("ssh.identity", key.toString());
        var e = assertThrows(AuthenticationException.class,
                () -> FETCHER.resolve(SshFixture.request(server, "team/models"), ctx));
        String m = e.getMessage();
        assertTrue(m.contains("The key file " + key + " is passphrase-protected and no passphrase was given"), m);
        assertTrue(m.contains("setting ssh.passphrase") && m.contains("ssh-add " + key), m);
        assertTrue(!m.contains("USERAUTH"), m);
    }

    @Test
    void passphraseProtectedKeyWithoutPassphraseIsSkippedForTheNextKey() throws IOException {
        Path key = lockedKey("skipped_ed25519", "secret");
        TestFetchContext ctx = fx.context().with("ssh.identity", key + "," + fx.key);
        assertEquals(Optional.of(head), FETCHER.resolve(SshFixture.request(server, "team/models"), ctx).commit());
    }

    @Test
    void sshAgentKeys() throws Exception {
        Path sock = tmp.resolve("agent.sock");
        Process agent = new ProcessBuilder("ssh-agent", "-D", "-a", sock.toString())
                .redirectErrorStream(true).start();
        try {
            // ssh-agent -D prints its settings once the socket is listening
            String first = new String(agent.getInputStream().readNBytes(20), java.nio.charset.StandardCharsets.UTF_8);
            assertTrue(first.startsWith("SSH_AUTH_SOCK"), first);
            Processes.Result add = Processes.exec(tmp, Map.of("SSH_AUTH_SOCK", sock.toString()),
                    List.of("ssh-add", fx.key.toString()));
            assertEquals(0, add.exitCode(), add.stderr());
            Path home = Files.createDirectories(tmp.resolve("agent-home"));
            TestFetchContext ctx = new TestFetchContext().with("ssh.knownHosts", fx.knownHosts.toString())
                    .with("ssh.config", "none");
            ctx.env.put("HOME", home.toString());
            ctx.env.put("SSH_AUTH_SOCK", sock.toString());
            assertEquals(Optional.of(head), FETCHER.resolve(SshFixture.request(server, "team/models"), ctx).commit());
            TestFetchContext off = ctx.copy().with("ssh.agent", "false");
            var e = assertThrows(AuthenticationException.class,
                    () -> FETCHER.resolve(SshFixture.request(server, "team/models"), off));
            assertTrue(e.getMessage().contains("none"), e.getMessage());
        } finally {
            agent.destroy();
        }
    }

    @Test
    void readTimeoutWhenTheServerGoesSilent() throws IOException {
        try (GitSshServer silent = fx.trustedServer(fx.server().stallAfterBytes(100))) {
            TestFetchContext ctx = fx.context();
            ctx.readTimeout = Duration.ofMillis(800);
            var e = assertThrows(FetchException.class,
                    () -> FETCHER.resolve(SshFixture.request(silent, "team/models"), ctx));
            assertTrue(e.getMessage().contains("read timeout"), e.getMessage());
        }
    }

    @Test
    void protocolSettingForcesV0() throws IOException {
        int before = server.v2Requests();
        TestFetchContext v0 = fx.context().with("ssh.protocol", "0");
        assertEquals(Optional.of(head), FETCHER.resolve(SshFixture.request(server, "team/models:main"), v0).commit());
        assertEquals(before, server.v2Requests());
        assertEquals(Optional.of(head), FETCHER.resolve(SshFixture.request(server, "team/models:main"),
                fx.context()).commit());
        assertEquals(before + 1, server.v2Requests());
        var bad = assertThrows(FetchException.class, () -> FETCHER.resolve(SshFixture.request(server, "team/models"),
                fx.context().with("ssh.protocol", "1")));
        assertTrue(bad.getMessage().contains("ssh.protocol"), bad.getMessage());
    }

    @Test
    void connectionRefusedIsExplained() throws IOException {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        var e = assertThrows(FetchException.class,
                () -> FETCHER.resolve(request("127.0.0.1:" + port, "team/models"), fx.context()));
        assertTrue(e.getMessage().contains("Cannot connect") && e.getMessage().contains(String.valueOf(port)),
                e.getMessage());
    }
}
