package io.jhub.fetch.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.HostKeyException;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.GitSshServer;
import io.jhub.testkit.Processes;
import io.jhub.testkit.TestFetchContext;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * known_hosts lines against a server on a port other than 22, as OpenSSH reads them: only {@code [host]:port}
 * (plain, in a comma list, as a wildcard pattern or hashed) names it; a bare {@code host} line means port 22.
 */
class KnownHostsPortTest {
    @TempDir
    static Path tmp;
    static SshFixture fx;
    static GitSshServer server;
    static String head;
    static String key;
    static final SshFetcher FETCHER = new SshFetcher();

    @BeforeAll
    static void setUp() throws IOException {
        fx = new SshFixture(tmp.resolve("fx"));
        GitRepo repo = GitRepo.init(tmp.resolve("work"));
        repo.write("hubconf.java", "package x; public class hubconf { }\n");
        head = repo.commit("one");
        repo.bareClone(fx.repos.resolve("team/models.git"));
        server = fx.server().start();
        key = server.knownHostsLine().substring(server.knownHostsLine().indexOf(' ') + 1);
    }

    @AfterAll
    static void tearDown() throws IOException {
        server.close();
    }

    /** Writes a known_hosts file; {P} is the server's port, {Q} another port, {KEY} its "type base64" key. */
    private static TestFetchContext knownHosts(String name, String text) throws IOException {
        Path kh = tmp.resolve(name);
        Files.writeString(kh, text.replace("{P}", String.valueOf(server.port()))
                .replace("{Q}", String.valueOf(server.port() + 1)).replace("{KEY}", key) + "\n");
        return fx.context().with("ssh.knownHosts", kh.toString());
    }

    private static HostKeyException refused(TestFetchContext ctx) {
        return assertThrows(HostKeyException.class,
                () -> FETCHER.resolve(SshFixture.request(server, "team/models"), ctx));
    }

    @Test
    void bareHostLineMeansPort22AndIsRefusedForAnotherPort() throws IOException {
        var e = refused(knownHosts("bare", "127.0.0.1 {KEY}"));
        String m = e.getMessage();
        assertTrue(m.contains("The SSH server at 127.0.0.1:" + server.port() + " has no entry"), m);
        assertTrue(m.contains("line 1 names 127.0.0.1 without a port, which applies to port 22 only"), m);
        assertTrue(m.contains("ssh-keyscan -p " + server.port()) && m.contains(" 127.0.0.1 >> "), m);
        assertTrue(m.contains("\n  " + server.knownHostsLine()), m);
        assertTrue(m.matches("(?s).*SHA256:[A-Za-z0-9+/]{43}.*"), m);
    }

    @Test
    void hashedBareHostLineIsRefusedToo() throws IOException {
        TestFetchContext ctx = knownHosts("hashed-bare", "127.0.0.1 {KEY}");
        Processes.run(tmp, "ssh-keygen", "-H", "-f", ctx.settings.get("ssh.knownHosts"));
        assertTrue(Files.readString(Path.of(ctx.settings.get("ssh.knownHosts"))).startsWith("|1|"));
        var e = refused(ctx);
        assertTrue(e.getMessage().contains("without a port"), e.getMessage());
    }

    @Test
    void lineForAnotherPortIsRefused() throws IOException {
        var e = refused(knownHosts("other-port", "[127.0.0.1]:{Q} {KEY}"));
        assertTrue(e.getMessage().contains("line 1 is for [127.0.0.1]:" + (server.port() + 1) + ", another port"),
                e.getMessage());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "bracketed host and port         | [127.0.0.1]:{P} {KEY}",
        "in a comma list                 | gitlab.example.org,[127.0.0.1]:{P},10.0.0.1 {KEY}",
        "wildcard pattern                | [127.0.0.*]:{P} {KEY}",
        "after comments and other hosts  | # mine\\n\\nexample.org {KEY}\\n[127.0.0.1]:{P} {KEY} a comment",
    })
    void acceptedLines(String what, String text) throws IOException {
        TestFetchContext ctx = knownHosts("ok-" + what.replace(' ', '-'), text.replace("\\n", "\n"));
        assertEquals(Optional.of(head), FETCHER.resolve(SshFixture.request(server, "team/models"), ctx).commit());
    }

    @Test
    void hashedBracketedLineIsAccepted() throws IOException {
        TestFetchContext ctx = knownHosts("hashed-port", "[127.0.0.1]:{P} {KEY}");
        Processes.run(tmp, "ssh-keygen", "-H", "-f", ctx.settings.get("ssh.knownHosts"));
        assertTrue(Files.readString(Path.of(ctx.settings.get("ssh.knownHosts"))).startsWith("|1|"));
        assertEquals(Optional.of(head), FETCHER.resolve(SshFixture.request(server, "team/models"), ctx).commit());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "negated after a wildcard        | [127.0.0.*]:{P},![127.0.0.1]:{P} {KEY}         | has no entry",
        "a CA key is not a host key      | @cert-authority [127.0.0.1]:{P} {KEY}          | has no entry",
        "revoked beside a plain line     | [127.0.0.1]:{P} {KEY}\\n@revoked * {KEY}       | marks @revoked",
        "unknown marker                  | @trusted [127.0.0.1]:{P} {KEY}                 | has no entry",
    })
    void refusedLines(String what, String text, String says) throws IOException {
        var e = refused(knownHosts("no-" + what.replace(' ', '-'), text.replace("\\n", "\n")));
        assertTrue(e.getMessage().contains(says), e.getMessage());
    }
}
