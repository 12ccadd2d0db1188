package io.jhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.GitSshServer;
import io.jhub.testkit.HttpsFixtures;
import io.jhub.testkit.Processes;
import io.jhub.testkit.TestCertificates;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The jhub command in a child JVM against loopback HTTPS and SSH git servers. */
class CliRemoteTest {
    @TempDir
    Path tmp;

    Processes.Result jhub(List<String> jvmOptions, String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(jvmOptions);
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.jhub.cli.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--cache-dir", tmp.resolve("cache").toString()));
        return Processes.exec(tmp, Map.of("HOME", tmp.resolve("home").toString()), cmd);
    }

    @Test
    void listsAndLoadsOverHttps() throws Exception {
        TestCertificates certs = TestCertificates.generate(tmp.resolve("certs"));
        HttpsFixtures.Sample sample = HttpsFixtures.sample(tmp.resolve("repo"));
        try (GitHttpsServer server = GitHttpsServer.start(certs, tmp.resolve("server"))) {
            server.addRepo("alice/sample", sample.bare());
            String host = "127.0.0.1:" + server.port();
            Processes.Result untrusted = jhub(certs.trustStoreJvmOptions(), "list", "alice/sample", "--host", host);
            assertEquals(1, untrusted.exitCode(), untrusted.stderr());
            assertTrue(untrusted.stderr().contains("not trusted"), untrusted.stderr());
            Processes.Result list = jhub(certs.trustStoreJvmOptions(), "list", "alice/sample", "--host", host,
                    "--trust");
            assertEquals(0, list.exitCode(), list.stderr());
            assertEquals("hello", list.stdout().strip());
            Processes.Result load = jhub(certs.trustStoreJvmOptions(), "load", "alice/sample:v1.0", "hello",
                    "--host", host);
            assertEquals("v1", load.stdout().strip(), load.stderr());
            Processes.Result offline = jhub(certs.trustStoreJvmOptions(), "load", "alice/sample", "hello",
                    "--host", host, "--offline");
            assertEquals("v2", offline.stdout().strip(), offline.stderr());
        }
    }

    @Test
    void aCachedCommitByShaWorksOffline() throws Exception {
        TestCertificates certs = TestCertificates.generate(tmp.resolve("certs"));
        HttpsFixtures.Sample sample = HttpsFixtures.sample(tmp.resolve("repo"));
        try (GitHttpsServer server = GitHttpsServer.start(certs, tmp.resolve("server"))) {
            server.addRepo("alice/sample", sample.bare());
            String host = "127.0.0.1:" + server.port();
            Processes.Result tag = jhub(certs.trustStoreJvmOptions(), "fetch", "alice/sample:v1.0", "--host", host);
            assertEquals(0, tag.exitCode(), tag.stderr());
            String tree = tag.stdout().strip().lines().reduce((a, b) -> b).orElseThrow();
            assertTrue(tree.endsWith(sample.tagged()), tree);
            long requests = server.requests().size();
            for (String rev : List.of(sample.tagged(), sample.tagged().substring(0, 8))) {
                Processes.Result offline = jhub(certs.trustStoreJvmOptions(), "fetch", "alice/sample:" + rev,
                        "--host", host, "--offline");
                assertEquals(0, offline.exitCode(), offline.stderr());
                assertTrue(offline.stdout().strip().endsWith(tree), offline.stdout());
            }
            assertEquals(requests, server.requests().size());
        }
    }

    @Test
    void aCommitNoRefReachesNeedsSkipValidation() throws Exception {
        TestCertificates certs = TestCertificates.generate(tmp.resolve("certs"));
        HttpsFixtures.Sample sample = HttpsFixtures.sample(tmp.resolve("repo"));
        sample.work().git("checkout", "-q", "-b", "fork");
        String fork = sample.work().write("fork.txt", "fork\n").commit("fork");
        sample.work().git("push", "-q", sample.bare().toString(), "fork:refs/heads/tmp");
        Processes.run(sample.bare(), "git", "update-ref", "-d", "refs/heads/tmp");
        try (GitHttpsServer server = GitHttpsServer.start(certs, tmp.resolve("server"))) {
            server.addRepo("alice/sample", sample.bare());
            String host = "127.0.0.1:" + server.port();
            Processes.Result refused = jhub(certs.trustStoreJvmOptions(), "fetch", "alice/sample", "--commit", fork,
                    "--host", host);
            assertEquals(1, refused.exitCode(), refused.stderr());
            assertTrue(refused.stderr().contains("not reachable from any branch or tag")
                    && refused.stderr().contains("--skip-validation"), refused.stderr());
            Processes.Result skipped = jhub(certs.trustStoreJvmOptions(), "fetch", "alice/sample", "--commit", fork,
                    "--host", host, "--skip-validation");
            assertEquals(0, skipped.exitCode(), skipped.stderr());
            assertTrue(skipped.stdout().strip().endsWith(fork), skipped.stdout());
        }
    }

    @Test
    void listsOverSsh() throws Exception {
        Path repos = Files.createDirectories(tmp.resolve("repos"));
        HttpsFixtures.Sample sample = HttpsFixtures.sample(tmp.resolve("repo"));
        Processes.run(tmp, "git", "clone", "-q", "--bare", sample.bare().toString(),
                repos.resolve("alice/sample.git").toString());
        Path key = tmp.resolve("id_ed25519");
        Processes.run(tmp, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "cli", "-f", key.toString());
        try (GitSshServer server = GitSshServer.builder(repos).authorizedKeys(Path.of(key + ".pub")).start()) {
            Path knownHosts = tmp.resolve("known_hosts");
            Files.writeString(knownHosts, server.knownHostsLine() + "\n");
            Processes.Result list = jhub(List.of(), "list", "alice/sample", "--protocol", "SSH", "--host",
                    "127.0.0.1:" + server.port(), "--trust", "--set", "ssh.identity=" + key,
                    "--set", "ssh.knownHosts=" + knownHosts, "--set", "ssh.config=none");
            assertEquals(0, list.exitCode(), list.stderr());
            assertEquals("hello", list.stdout().strip());
            Files.writeString(knownHosts, "");
            Processes.Result refused = jhub(List.of(), "list", "alice/sample:feature/x", "--protocol", "SSH",
                    "--host", "127.0.0.1:" + server.port(), "--trust", "--set", "ssh.identity=" + key,
                    "--set", "ssh.knownHosts=" + knownHosts, "--set", "ssh.config=none");
            assertEquals(1, refused.exitCode());
            assertEquals(1, refused.stderr().lines().filter(l -> l.startsWith("jhub: ")).count(), refused.stderr());
        }
    }
}
