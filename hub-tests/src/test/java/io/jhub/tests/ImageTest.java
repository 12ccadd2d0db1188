package io.jhub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.GitSshServer;
import io.jhub.testkit.Processes;
import io.jhub.testkit.TestCertificates;
import io.jhub.tests.support.Artifacts;
import io.jhub.tests.support.Child;
import io.jhub.tests.support.JlinkJdk;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Builds the jlink image with {@code packaging/link.sh} (the same script the documented command
 * {@code packaging/jlink-image.sh} runs) from the artifacts of this build, and runs its {@code bin/jhub}: it lists
 * and loads {@code examples/classifier}, and fetches over HTTPS and over SSH (ed25519 key, known_hosts checked)
 * from loopback servers.
 */
class ImageTest {
    @TempDir
    static Path work;

    static Path image;
    static Path classifier;

    @BeforeAll
    static void linkImage() throws IOException {
        Optional<Path> jdk = JlinkJdk.find();
        String missing = "no JDK 24+ with jlink found (set -Djhub.jlink.jdk=DIR or JLINK_JDK)";
        if (Boolean.getBoolean("jhub.image.required")) {
            assertTrue(jdk.isPresent(), missing + " and -Djhub.image.required=true");
        }
        Assumptions.assumeTrue(jdk.isPresent(), missing + ": the image test is skipped");
        Path root = Artifacts.projectRoot();
        image = work.resolve("image");
        Processes.Result r = Processes.exec(work, Map.of("JLINK_JDK", jdk.get().toString()),
                List.of(root.resolve("packaging/link.sh").toString(),
                        Artifacts.join(Artifacts.runtimeExcept(Set.of())), image.toString()));
        assertEquals(0, r.exitCode(), Child.describe(r));
        classifier = AppsTest.copyTree(root.resolve("examples/classifier"), work.resolve("classifier"));
    }

    @Test
    void imageHoldsBothFetchersAndTheCompiler() {
        Processes.Result r = jhub(Map.of(), "protocols");
        assertEquals(0, r.exitCode(), Child.describe(r));
        assertTrue(r.stdout().contains("HTTPS") && r.stdout().contains("SSH"), Child.describe(r));

        Processes.Result modules = Processes.exec(work, Map.of(),
                List.of(image.resolve("bin/java").toString(), "--list-modules"));
        for (String m : List.of("io.jhub.cli", "io.jhub.check", "io.jhub.http", "io.jhub.fetch.ssh", "com.jcraft.jsch",
                "jdk.compiler", "jdk.crypto.ec", "java.net.http", "java.se", "java.sql", "java.scripting")) {
            assertTrue(modules.stdout().contains(m + "@"), m + " missing from the image:\n" + modules.stdout());
        }
    }

    @Test
    void imageListsAndLoadsTheExampleRepository() {
        Processes.Result list = jhub(Map.of(), "list", classifier.toString());
        assertEquals(0, list.exitCode(), Child.describe(list));
        assertTrue(list.stdout().contains("classify") && list.stdout().contains("model"), Child.describe(list));

        Processes.Result load = jhub(Map.of(), "load", classifier.toString(), "classify", "5.1", "3.5", "1.4", "0.2");
        assertEquals(0, load.exitCode(), Child.describe(load));
        assertEquals("setosa", lastLine(load), Child.describe(load));
    }

    @Test
    void imageChecksTheExampleRepositoryWithoutRunningIt() {
        Processes.Result check = jhub(Map.of(), "check", classifier.toString());
        assertEquals(0, check.exitCode(), Child.describe(check));
        assertTrue(check.stdout().contains("String classify(double sepalLength"), Child.describe(check));
        assertEquals("ok: 0 errors, 0 warnings", lastLine(check), Child.describe(check));
    }

    @Test
    void theStandardImageLoadsAHubThatNeedsJavaSql() throws IOException {
        Processes.Result load = jhub(Map.of(), "load", sqlHub().toString(), "type");
        assertEquals(0, load.exitCode(), Child.describe(load));
        assertEquals("BIGINT", lastLine(load), Child.describe(load));
    }

    @Test
    void aSlimImageWithoutJavaSqlSaysWhichJlinkImageLineLinksItIn() throws IOException {
        Path slim = work.resolve("slim-image");
        Processes.Result link = Processes.exec(work, Map.of("JLINK_JDK", JlinkJdk.find().orElseThrow().toString()),
                List.of(Artifacts.projectRoot().resolve("packaging/link.sh").toString(), "--slim", "--no-aot-cache",
                        Artifacts.join(Artifacts.runtimeExcept(Set.of())), slim.toString()));
        assertEquals(0, link.exitCode(), Child.describe(link));
        Processes.Result modules = Processes.exec(work, Map.of(),
                List.of(slim.resolve("bin/java").toString(), "--list-modules"));
        assertTrue(modules.stdout().contains("io.jhub.cli@") && !modules.stdout().contains("java.sql@"),
                modules.stdout());

        Processes.Result load = Processes.exec(work, Map.of("JHUB_HOME", work.resolve("slim-cache").toString()),
                List.of(slim.resolve("bin/jhub").toString(), "load", sqlHub().toString(), "type"));
        assertEquals(1, load.exitCode(), Child.describe(load));
        assertTrue(load.stderr().contains("java.sql is a JDK module that this Java runtime does not contain"),
                Child.describe(load));
        assertTrue(load.stderr().contains("packaging/jlink-image.sh --slim --add-modules java.sql"),
                Child.describe(load));
    }

    /** A local hub repository whose entry needs java.sql, declared in its dependencies. */
    private static Path sqlHub() throws IOException {
        Path dir = work.resolve("sql-hub");
        if (!Files.exists(dir)) {
            Files.createDirectories(dir);
            Files.writeString(dir.resolve("hubconf.java"), """
                    package hub.sql;

                    /** Needs java.sql, which the slim image lacks. */
                    public final class hubconf {
                        public static final String[] dependencies = {"java.sql"};

                        /** @return a java.sql type name */
                        public static String type() {
                            return java.sql.JDBCType.BIGINT.getName();
                        }
                    }
                    """);
        }
        return dir;
    }

    @Test
    void imageFromJdk25OnStartsFromAnAotCacheItAccepts() throws IOException {
        String release = Files.readString(image.resolve("release"));
        Matcher feature = Pattern.compile("JAVA_VERSION=\"(\\d+)").matcher(release);
        assertTrue(feature.find(), release);
        Assumptions.assumeTrue(Integer.parseInt(feature.group(1)) >= 25, "an AOT cache needs JDK 25+");
        Path cache = image.resolve("lib/jhub.aot");
        assertTrue(Files.size(cache) > 0, "link.sh made no AOT cache");
        // the cache is usable by the launcher's exact options: with -XX:AOTMode=on the JVM refuses to start otherwise
        Processes.Result r = jhub(Map.of("JHUB_JAVA_OPTS", "-XX:AOTMode=on"), "load", classifier.toString(),
                "classify", "5.1", "3.5", "1.4", "0.2");
        assertEquals(0, r.exitCode(), Child.describe(r));
        assertEquals("setosa", lastLine(r), Child.describe(r));
    }

    @Test
    void imageFetchesOverHttpsFromALoopbackServer() throws IOException {
        TestCertificates certs = TestCertificates.generate(work.resolve("certs"));
        GitRepo repo = GitRepo.init(AppsTest.copyTree(classifier, work.resolve("https-work")));
        repo.commit("classifier");
        Path bare = repo.bareClone(work.resolve("https-bare.git"));
        try (GitHttpsServer server = GitHttpsServer.start(certs, work)) {
            server.addRepo("acme/classifier", bare);
            Map<String, String> env = new HashMap<>();
            env.put("JDK_JAVA_OPTIONS", String.join(" ", certs.trustStoreJvmOptions()));
            Processes.Result load = jhub(env, "load", "acme/classifier", "classify", "5.1", "3.5", "1.4", "0.2",
                    "--host", server.hostAndPort(), "--protocol", "HTTPS", "--trust");
            assertEquals(0, load.exitCode(), Child.describe(load));
            assertEquals("setosa", lastLine(load), Child.describe(load));
            assertTrue(server.requests().size() > 0, "the image did not reach the loopback server");
        }
    }

    @Test
    void imageFetchesOverSshFromALoopbackServer() throws IOException {
        Path ssh = Files.createDirectories(work.resolve("ssh"));
        Path key = ssh.resolve("client_ed25519");
        Processes.run(ssh, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", "image-test", "-f", key.toString());
        GitRepo repo = GitRepo.init(AppsTest.copyTree(classifier, ssh.resolve("work")));
        repo.commit("classifier");
        repo.bareClone(Files.createDirectories(ssh.resolve("repos/acme")).resolve("classifier.git"));
        Path knownHosts = ssh.resolve("known_hosts");
        try (GitSshServer server = GitSshServer.builder(ssh.resolve("repos"))
                .authorizedKeys(Path.of(key + ".pub")).start()) {
            Files.writeString(knownHosts, server.knownHostsLine() + "\n");
            Map<String, String> env = new HashMap<>();
            env.put("HOME", Files.createDirectories(ssh.resolve("home")).toString());
            env.put("JDK_JAVA_OPTIONS", String.join(" ", "-Djhub.ssh.identity=" + key,
                    "-Djhub.ssh.knownHosts=" + knownHosts, "-Djhub.ssh.config=none", "-Djhub.ssh.agent=false"));
            Processes.Result load = jhub(env, "load", "acme/classifier", "classify", "6.7", "3.0", "5.2", "2.3",
                    "--host", "127.0.0.1:" + server.port(), "--protocol", "SSH", "--trust");
            assertEquals(0, load.exitCode(), Child.describe(load));
            assertEquals("virginica", lastLine(load), Child.describe(load));
            assertTrue(server.commands().stream().anyMatch(c -> c.contains("git-upload-pack")),
                    "the image did not run git-upload-pack on the server: " + server.commands());
        }
    }

    private static Processes.Result jhub(Map<String, String> extraEnv, String... args) {
        Map<String, String> env = new HashMap<>(extraEnv);
        env.put("JHUB_HOME", work.resolve("cache").toString());
        List<String> cmd = new ArrayList<>(List.of(image.resolve("bin/jhub").toString()));
        cmd.addAll(List.of(args));
        return Processes.exec(work, env, cmd);
    }

    static String lastLine(Processes.Result r) {
        List<String> lines = r.stdout().strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }
}
