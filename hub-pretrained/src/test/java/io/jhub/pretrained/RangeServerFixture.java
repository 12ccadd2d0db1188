package io.jhub.pretrained;

import io.jhub.core.Hub;
import io.jhub.core.HubBuilder;
import io.jhub.testkit.RangeHttpsServer;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/** One loopback range server with a test certificate per test class, a fresh cache directory per test, helpers. */
abstract class RangeServerFixture {
    @TempDir
    static Path shared;
    static TestCertificates certs;
    static RangeHttpsServer server;

    @TempDir
    Path cache;

    @BeforeAll
    static void start() throws IOException {
        certs = TestCertificates.generate(shared.resolve("certs"));
        server = RangeHttpsServer.start(certs.serverContext());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** A hub on this test's cache that trusts the server, retries quickly and goes parallel from 1 MiB. */
    HubBuilder hubBuilder() {
        return Hub.builder().cacheDir(cache).sslContext(certs.clientContext()).environment(Map.of())
                .setting("http.backoffBaseMillis", "5").setting("http.backoffMaxMillis", "50")
                .setting("download.parallelMinBytes", Long.toString(1 << 20));
    }

    /** Returns {@code n} random bytes, the same for the same seed. */
    static byte[] bytes(int n, long seed) {
        byte[] b = new byte[n];
        new Random(seed).nextBytes(b);
        return b;
    }
}
