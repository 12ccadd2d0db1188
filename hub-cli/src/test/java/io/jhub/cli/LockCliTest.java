package io.jhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.GitHttpsServer;
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

/** jhub lock, jhub verify, --locked and --refresh in a child JVM against the loopback git HTTPS server. */
class LockCliTest {
    @TempDir
    Path tmp;

    TestCertificates certs;

    Processes.Result jhub(String... args) {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        cmd.addAll(certs.trustStoreJvmOptions());
        cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), "io.jhub.cli.Main"));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("--cache-dir", tmp.resolve("cache").toString()));
        return Processes.exec(tmp, Map.of("HOME", tmp.resolve("home").toString()), cmd);
    }

    @Test
    void lockLoadLockedVerifyAndFindATamperedFile() throws Exception {
        certs = TestCertificates.generate(tmp.resolve("certs"));
        HttpsFixtures.Sample sample = HttpsFixtures.sample(tmp.resolve("repo"));
        try (GitHttpsServer server = GitHttpsServer.start(certs, tmp.resolve("server"))) {
            server.addRepo("alice/sample", sample.bare());
            String host = server.hostAndPort();
            Processes.Result lock = jhub("lock", "alice/sample:main", "--host", host);
            assertEquals(0, lock.exitCode(), lock.stderr());
            String text = Files.readString(tmp.resolve("jhub.lock"));
            assertTrue(text.contains("repo " + host + "/alice/sample main HTTPS commit=" + sample.main()), text);
            assertTrue(lock.stdout().contains("wrote " + tmp.resolve("jhub.lock")), lock.stdout());

            long before = server.requests().size();
            Processes.Result load = jhub("load", "alice/sample:main", "hello", "--host", host, "--locked", "--trust");
            assertEquals("v2", load.stdout().strip(), load.stderr());
            assertEquals(before, server.requests().size(), "a locked load of a cached commit makes no request");
            Processes.Result notLocked = jhub("list", "alice/sample:v1.0", "--host", host, "--locked");
            assertEquals(1, notLocked.exitCode());
            assertTrue(notLocked.stderr().contains("no record for " + host + "/alice/sample v1.0 HTTPS"),
                    notLocked.stderr());

            Processes.Result verbose = jhub("fetch", "alice/sample:main", "--host", host, "--verbose", "--refresh",
                    "30");
            assertEquals(0, verbose.exitCode(), verbose.stderr());
            assertTrue(verbose.stderr().contains("refresh policy: 30 (refs.refresh, --refresh)"), verbose.stderr());
            assertEquals(2, jhub("fetch", "alice/sample", "--host", host, "--refresh", "sometimes").exitCode());

            Processes.Result ok = jhub("verify");
            assertEquals(0, ok.exitCode(), ok.stderr());
            assertTrue(ok.stdout().startsWith("verified 1 repositories and 0 weights files"), ok.stdout());
            String tree = verbose.stdout().strip().lines().reduce((a, b) -> b).orElseThrow();
            Path helper = Path.of(tree, "src/demo/util/Helper.java");
            Files.writeString(helper, "package demo.util;\npublic class Helper { /* changed */ }\n");
            Processes.Result bad = jhub("verify");
            assertEquals(1, bad.exitCode(), bad.stdout());
            assertTrue(bad.stdout().startsWith(helper + ": content or mode changed"), bad.stdout());
            assertTrue(bad.stderr().contains("1 difference(s)"), bad.stderr());
            Processes.Result refused = jhub("load", "alice/sample:main", "hello", "--host", host, "--locked");
            assertEquals(1, refused.exitCode());
            assertTrue(refused.stderr().contains("src/demo/util/Helper.java: content or mode changed"),
                    refused.stderr());

            Files.writeString(tmp.resolve("broken.lock"), "jhub-lock 1\nrepo x\n");
            Processes.Result broken = jhub("fetch", "alice/sample", "--host", host, "--locked", "--lockfile",
                    "broken.lock");
            assertEquals(1, broken.exitCode());
            assertTrue(broken.stderr().contains("broken.lock:2: a repo record has 6 fields"), broken.stderr());
        }
    }
}
