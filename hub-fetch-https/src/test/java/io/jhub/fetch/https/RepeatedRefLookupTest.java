package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.core.Hub;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.HttpsFixtures;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A repeated ref lookup in one process: the ls-refs POST alone, and the fall-back when the host changed. */
class RepeatedRefLookupTest {
    @TempDir
    Path dir;

    TestCertificates certs;
    GitHttpsServer server;
    HttpsFixtures.Sample sample;
    Hub hub;

    @BeforeEach
    void start() throws IOException {
        certs = TestCertificates.generate(dir.resolve("certs"));
        sample = HttpsFixtures.sample(dir.resolve("repo"));
        server = GitHttpsServer.start(certs, dir);
        server.addRepo("owner/sample", sample.bare());
        hub = Hub.builder().cacheDir(dir.resolve("cache")).gitHost(server.hostAndPort())
                .sslContext(certs.clientContext()).environment(Map.of()).serviceLoading(false)
                .fetcher(new HttpsFetcher()).build();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void aRepeatedLookupSendsTheLsRefsPostAlone() throws IOException {
        Path first = hub.repo("owner/sample").fetch();
        assertEquals(1, server.count("info/refs"));
        long posts = server.count("git-upload-pack") - server.count("info/refs");
        assertEquals(first, hub.repo("owner/sample").fetch());
        assertEquals(first, hub.repo("owner/sample").fetch());
        assertEquals(1, server.count("info/refs"), "the v2 capabilities are remembered");
        assertEquals(posts + 2, server.count("git-upload-pack") - server.count("info/refs"),
                "each lookup still asks for the refs");
        assertTrue(first.toString().contains(sample.main()), first.toString());
    }

    @Test
    void aHostThatNoLongerSpeaksV2IsAskedForInfoRefsAgain() throws IOException {
        Path first = hub.repo("owner/sample").fetch();
        server.protocolV2(false);
        // the branch moves meanwhile: the answer must come from the host, not from anything remembered
        sample.work().write("moved.txt", "moved\n");
        String moved = sample.work().commit("move main");
        sample.push();
        Path second = hub.repo("owner/sample").fetch();
        assertTrue(second.toString().contains(moved), second + " should be at " + moved + ", was " + first);
        assertEquals(2, server.count("info/refs"), "the refused POST sends the lookup back to info/refs");
    }
}
