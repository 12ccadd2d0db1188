package io.jhub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.Processes;
import io.jhub.tests.support.Artifacts;
import io.jhub.tests.support.Child;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The release check of {@code mvn verify} ({@code packaging/release/CheckDeployed.java}, run by the
 * {@code deploy-check} profile) refuses what Maven Central would refuse, and it runs for every module hub-bom
 * publishes. That it accepts the real artifacts is shown by every build, which runs it on each module.
 */
class DeployCheckTest {
    @TempDir
    Path tmp;

    @Test
    void anAutomaticModuleMissingJavadocBadChecksumAndMissingMetadataAreAllReported() throws Exception {
        Path basedir = Files.createDirectories(tmp.resolve("project/demo"));
        // a parent with licenses but without scm, so the child inherits everything but <scm>
        Files.writeString(tmp.resolve("project/pom.xml"), """
                <project><groupId>org.example</groupId><artifactId>demo-parent</artifactId><version>1.0</version>
                  <url>https://example.org</url>
                  <licenses><license><name>Apache-2.0</name><url>https://www.apache.org/licenses/LICENSE-2.0</url>
                  </license></licenses>
                  <developers><developer><name>someone</name></developer></developers>
                  <issueManagement><url>https://example.org/issues</url></issueManagement>
                </project>
                """);
        Path dir = Files.createDirectories(tmp.resolve("repo/org/example/demo/1.0"));
        withSums(dir.resolve("demo-1.0.pom"), """
                <project><parent><groupId>org.example</groupId><artifactId>demo-parent</artifactId>
                  <version>1.0</version></parent><artifactId>demo</artifactId><name>demo</name></project>
                """.getBytes());
        withSums(dir.resolve("demo-1.0.jar"), zip("demo/Demo.class"));
        withSums(dir.resolve("demo-1.0-sources.jar"), zip("demo/Demo.java"));
        Files.writeString(dir.resolve("demo-1.0-sources.jar.sha1"), "0000000000000000000000000000000000000000");

        Processes.Result r = Processes.exec(tmp, Map.of(), List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                Artifacts.projectRoot().resolve("packaging/release/CheckDeployed.java").toString(),
                tmp.resolve("repo").toString(), "org.example", "demo", "1.0", "jar", basedir.toString()));

        assertEquals(1, r.exitCode(), Child.describe(r));
        String err = r.stderr();
        assertTrue(err.contains("demo-1.0.pom has no <description> of its own"), err);
        assertTrue(err.contains("neither has nor inherits <scm><url>"), err);
        assertFalse(err.contains("<licenses><license><name>"), "licenses are inherited from the parent: " + err);
        assertTrue(err.contains("demo-1.0.jar is an automatic module (demo)"), err);
        assertTrue(err.contains("missing or empty: demo-1.0-javadoc.jar"), err);
        assertTrue(err.contains("demo-1.0-sources.jar.sha1 does not match demo-1.0-sources.jar"), err);
        assertTrue(err.contains("has no module-info.java"), err);
    }

    @Test
    void everyModuleTheBomPublishesRunsTheDeployCheckAndTheOthersDoNot() throws IOException {
        Path root = Artifacts.projectRoot();
        String bom = Files.readString(root.resolve("hub-bom/pom.xml")).replaceAll("(?s)<!--.*?-->", "");
        Matcher m = Pattern.compile("<artifactId>(hub-[^<]+)</artifactId>").matcher(bom);
        int published = 0;
        while (m.find()) {
            if (!m.group(1).equals("hub-bom")) {
                assertFalse(skipsDeploy(root.resolve(m.group(1))), m.group(1) + " sets maven.deploy.skip");
                published++;
            }
        }
        assertTrue(published >= 8, "hub-bom names " + published + " modules");
        assertTrue(skipsDeploy(root.resolve("hub-tests")), "hub-tests is test-only and must not be deployed");
        String parent = Files.readString(root.resolve("pom.xml"));
        assertTrue(parent.contains("<id>deploy-check</id>") && bom.contains("<id>deploy-check</id>"),
                "the parent and hub-bom both need the deploy-check profile");
    }

    private static boolean skipsDeploy(Path module) throws IOException {
        return Files.readString(module.resolve("pom.xml")).replaceAll("(?s)<!--.*?-->", "")
                .contains("<maven.deploy.skip>true</maven.deploy.skip>");
    }

    private static byte[] zip(String entry) throws IOException {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        try (ZipOutputStream out = new ZipOutputStream(bytes)) {
            out.putNextEntry(new ZipEntry(entry));
            out.write(new byte[] {1, 2, 3});
            out.closeEntry();
        }
        return bytes.toByteArray();
    }

    private static void withSums(Path file, byte[] content) throws IOException, NoSuchAlgorithmException {
        Files.write(file, content);
        for (String[] sum : new String[][] {{"md5", "MD5"}, {"sha1", "SHA-1"}}) {
            try (OutputStream out = Files.newOutputStream(file.resolveSibling(file.getFileName() + "." + sum[0]))) {
                out.write(HexFormat.of().formatHex(MessageDigest.getInstance(sum[1]).digest(content)).getBytes());
            }
        }
    }
}
