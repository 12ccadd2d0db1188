package io.jhub.pretrained;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.HubException;
import io.jhub.api.IntegrityException;
import io.jhub.core.Hub;
import io.jhub.http.download.DownloadOptions;
import io.jhub.testkit.RangeHttpsServer;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PretrainedTest {
    @TempDir
    static Path shared;
    static TestCertificates certs;
    static RangeHttpsServer server;
    static byte[] weights = new byte[200_000];
    static String sha;

    @TempDir
    Path cache;

    /** A model in the style of a hubconf's: built by the entry, filled by {@code loadWeights}. */
    static final class Classifier {
        final int classes;
        byte[] loaded;
        static final AtomicInteger LOADS = new AtomicInteger();

        Classifier(int classes) {
            this.classes = classes;
        }

        void loadWeights(Path file) throws IOException {
            LOADS.incrementAndGet();
            loaded = Files.readAllBytes(file);
        }
    }

    /** An immutable model. */
    record Frozen(int classes, int weightBytes) {
    }

    @BeforeAll
    static void start() throws Exception {
        certs = TestCertificates.generate(shared.resolve("certs"));
        server = RangeHttpsServer.start(certs.serverContext());
        new Random(5).nextBytes(weights);
        sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weights));
        server.serve("/w/tiny.bin", weights);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Hub hub() {
        return Hub.builder().cacheDir(cache).sslContext(certs.clientContext()).environment(Map.of())
                .setting("http.backoffBaseMillis", "5").setting("http.backoffMaxMillis", "50").build();
    }

    /** Runs {@code body} as if an entry of {@code hub} were running (what the core's facade does). */
    @SuppressWarnings("unchecked")
    private static <T> T insideEntry(Hub hub, Callable<T> body) throws Exception {
        Method runAs = Class.forName("io.jhub.core.internal.CurrentHub").getMethod("runAs", Hub.class,
                Callable.class);
        try {
            return (T) runAs.invoke(null, hub, body);
        } catch (InvocationTargetException e) {
            throw e.getCause() instanceof Exception ex ? ex : e;
        }
    }

    /** An entry as a hubconf would write it. */
    static Classifier tiny(Pretrained<Classifier> source, boolean pretrained, int classes) {
        return source.applyIf(pretrained, new Classifier(classes));
    }

    @Test
    void itsDescriptionHidesUserInformationAndASignedQuery() {
        Pretrained<Classifier> signed = Pretrained.from(
                "https://someone:pa55word@weights.example.org/w/tiny.bin?X-Signature=S1GNED", Classifier::loadWeights);
        String shown = signed.toString();
        assertTrue(shown.contains("weights.example.org/w/tiny.bin"), shown);
        assertTrue(!shown.contains("pa55word") && !shown.contains("S1GNED"), shown);
    }

    @Test
    void entryWithoutPretrainedDoesNoIo() throws Exception {
        Pretrained<Classifier> source = Pretrained.from(server.uri("/w/none.bin").toString(), Classifier::loadWeights);
        Classifier c = insideEntry(hub(), () -> tiny(source, false, 7));
        assertEquals(7, c.classes);
        assertNull(c.loaded);
        assertTrue(Files.notExists(cache.resolve("weights")));
    }

    @Test
    void entryWithPretrainedLoadsTheVerifiedFileOnce() throws Exception {
        int before = server.requests("/w/tiny.bin").size();
        Pretrained<Classifier> source = Pretrained.from(server.uri("/w/tiny.bin").toString(), Classifier::loadWeights)
                .sha256(sha);
        Hub hub = hub();
        Classifier c = insideEntry(hub, () -> tiny(source, true, 3));
        assertEquals(3, c.classes);
        assertArrayEquals(weights, c.loaded);
        Classifier again = insideEntry(hub, () -> tiny(source, true, 4));
        assertArrayEquals(weights, again.loaded);
        assertEquals(before + 1, server.requests("/w/tiny.bin").size());
        assertTrue(source.download(hub).startsWith(cache.resolve("weights")));
    }

    @Test
    void wrongHashNeverReachesTheLoader() throws Exception {
        int loads = Classifier.LOADS.get();
        Pretrained<Classifier> source = Pretrained.from(server.uri("/w/tiny.bin").toString(), Classifier::loadWeights)
                .sha256("0".repeat(64));
        IntegrityException e = assertThrows(IntegrityException.class,
                () -> insideEntry(hub(), () -> tiny(source, true, 3)));
        assertEquals(sha, e.actual());
        assertEquals(loads, Classifier.LOADS.get());
    }

    @Test
    void mappingForImmutableModelsAndLoaderFailures() throws Exception {
        Pretrained<Frozen> frozen = Pretrained.<Frozen>mapping(server.uri("/w/tiny.bin").toString(),
                (m, p) -> new Frozen(m.classes(), (int) Files.size(p))).fileName("frozen.bin");
        Frozen f = insideEntry(hub(), () -> frozen.applyIf(true, new Frozen(2, 0)));
        assertEquals(new Frozen(2, weights.length), f);
        Frozen untouched = new Frozen(2, 0);
        assertSame(untouched, frozen.applyIf(false, untouched));

        Pretrained<Classifier> broken = Pretrained.from(server.uri("/w/tiny.bin").toString(), (m, p) -> {
            throw new IOException("not a weights file");
        });
        HubException e = assertThrows(HubException.class, () -> insideEntry(hub(), () -> tiny(broken, true, 1)));
        assertInstanceOf(IOException.class, e.getCause());
        assertTrue(e.getMessage().contains("not a weights file"), e.getMessage());
    }

    @Test
    void weightsDownloadForTheCli() throws Exception {
        Path p = Weights.download(hub(), server.uri("/w/tiny.bin"), DownloadOptions.builder().sha256(sha).build());
        assertArrayEquals(weights, Files.readAllBytes(p));
        assertThrows(IllegalArgumentException.class, () -> Pretrained.from("not a url", Classifier::loadWeights));
        assertThrows(IllegalArgumentException.class, () -> Pretrained.from("relative/path.bin", Classifier::loadWeights));
        assertThrows(IllegalArgumentException.class,
                () -> Pretrained.from("https://x/y.bin", Classifier::loadWeights).sha256("beef"));
    }
}
