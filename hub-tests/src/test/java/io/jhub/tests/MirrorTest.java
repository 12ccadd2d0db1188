package io.jhub.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.core.Hub;
import io.jhub.core.HubBuilder;
import io.jhub.http.download.DownloadOptions;
import io.jhub.pretrained.Weights;
import io.jhub.testkit.Fault;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.HttpsFixtures;
import io.jhub.testkit.Processes;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Mirrors ({@code mirrors}, {@code mirror.<id>.of/url/token}): archive, smart-HTTP and weights requests go to the
 * mirror with the mirror's token, with the origin stopped; the origin's token never reaches the mirror, and the
 * mirror's token never reaches the origin, not even through a redirect.
 */
class MirrorTest {
    private static final String ORIGIN_TOKEN = "origin-secret-1";
    private static final String MIRROR_TOKEN = "mirror-secret-2";

    @TempDir
    Path tmp;
    TestCertificates certs;
    HttpsFixtures.Sample sample;
    GitHttpsServer origin;
    GitHttpsServer mirror;
    byte[] weights;

    @BeforeEach
    void start() throws IOException {
        certs = TestCertificates.generate(tmp.resolve("certs"));
        sample = HttpsFixtures.sample(tmp.resolve("repo"));
        weights = new byte[50_000];
        new Random(7).nextBytes(weights);
        Path file = Files.write(tmp.resolve("tiny.bin"), weights);
        origin = GitHttpsServer.start(certs, tmp);
        origin.addPrivateRepo("owner/sample", sample.bare(), ORIGIN_TOKEN).addRawArchive("models/tiny", file);
        mirror = GitHttpsServer.start(certs, tmp);
        // a pull-through mirror: the git host's paths at its root, the weights under /w/...
        mirror.addPrivateRepo("owner/sample", sample.bare(), MIRROR_TOKEN).addRawArchive("w/models/tiny", file);
    }

    @AfterEach
    void stop() {
        origin.close();
        mirror.close();
    }

    private Hub hub(String originHost) {
        HubBuilder b = Hub.builder().cacheDir(tmp.resolve("cache")).gitHost(originHost)
                .sslContext(certs.clientContext()).environment(Map.of())
                .setting("https.token." + originHost, ORIGIN_TOKEN)
                .setting("mirrors", "git, weights")
                .setting("mirror.git.of", originHost)
                .setting("mirror.git.url", mirror.baseUri() + "/")
                .setting("mirror.git.token", MIRROR_TOKEN)
                .setting("mirror.weights.of", "https://" + originHost + "/models/")
                .setting("mirror.weights.url", mirror.baseUri() + "/w/models")
                .setting("mirror.weights.token", MIRROR_TOKEN);
        return b.build();
    }

    private Map<String, String> expectedTree() throws IOException {
        Path dir = Files.createDirectories(tmp.resolve("expected"));
        Path tar = sample.work().archive(sample.main(), "tar", "x/", tmp.resolve("expected.tar"));
        Processes.run(dir, "tar", "xf", tar.toString(), "--strip-components=1");
        return describe(dir);
    }

    @Test
    void theMirrorServesArchiveRefsAndWeightsWithTheOriginStopped() throws IOException {
        String originHost = origin.hostAndPort();
        origin.close(); // nothing may go there any more
        Hub hub = hub(originHost);

        Path tree = hub.repo("owner/sample").fetch();
        assertEquals(expectedTree(), describe(tree));
        URI original = URI.create("https://" + originHost + "/models/tiny/archive/tiny.bin");
        Path file = Weights.download(hub, original, DownloadOptions.defaults());
        assertArrayEquals(weights, Files.readAllBytes(file));

        List<GitHttpsServer.Request> seen = mirror.requests();
        assertTrue(seen.stream().anyMatch(r -> r.pathAndQuery().startsWith("/owner/sample.git/info/refs")), seen::toString);
        assertTrue(seen.stream().anyMatch(r -> r.method().equals("POST")
                && r.pathAndQuery().equals("/owner/sample.git/git-upload-pack")), seen::toString);
        // with a token, the archive comes from the GitHub API form of the URL
        assertTrue(seen.stream().anyMatch(r -> r.pathAndQuery().startsWith("/api/v3/repos/owner/sample/tarball/")),
                seen::toString);
        assertTrue(seen.stream().anyMatch(r -> r.pathAndQuery().equals("/w/models/tiny/archive/tiny.bin")),
                seen::toString);
        for (GitHttpsServer.Request r : seen) {
            assertEquals("Bearer " + MIRROR_TOKEN, r.header("Authorization").orElse(""), r.toString());
            assertFalse(r.headers().toString().contains(ORIGIN_TOKEN), r.toString());
        }
        // the cache keeps the original names: host of the origin, the weights under the original URL
        assertTrue(tree.toString().contains(originHost.replace(':', '@')), tree.toString());
        assertEquals(Weights.cachePath(hub, original, DownloadOptions.defaults()), file);
    }

    @Test
    void theMirrorsTokenNeverFollowsARedirectToTheOrigin() throws IOException {
        origin.addRepo("owner/sample", sample.bare()); // public now, so the redirected archive needs no token
        mirror.inject(Fault.redirect("/tarball/", origin.baseUri(), 1));
        Hub hub = hub(origin.hostAndPort());

        Path tree = hub.repo("owner/sample").fetch();
        assertEquals(expectedTree(), describe(tree));
        List<GitHttpsServer.Request> atOrigin = origin.requests();
        assertEquals(1, atOrigin.size(), atOrigin::toString); // only the redirected archive
        assertTrue(atOrigin.get(0).pathAndQuery().startsWith("/api/v3/repos/owner/sample/tarball/"),
                atOrigin::toString);
        for (GitHttpsServer.Request r : atOrigin) {
            assertFalse(r.headers().toString().contains(MIRROR_TOKEN), r.toString());
            assertFalse(r.headers().toString().contains(ORIGIN_TOKEN), r.toString()); // it was for the first hop
        }
    }

    private static Map<String, String> describe(Path root) throws IOException {
        Map<String, String> out = new java.util.TreeMap<>();
        try (Stream<Path> s = Files.walk(root)) {
            for (Path p : (Iterable<Path>) s::iterator) {
                String rel = root.relativize(p).toString();
                if (Files.isSymbolicLink(p)) {
                    out.put(rel, "link:" + Files.readSymbolicLink(p));
                } else if (Files.isRegularFile(p)) {
                    out.put(rel, java.util.HexFormat.of().formatHex(Files.readAllBytes(p)).hashCode() + ":"
                            + Files.isExecutable(p));
                } else {
                    out.put(rel, "dir");
                }
            }
        }
        return out;
    }
}
