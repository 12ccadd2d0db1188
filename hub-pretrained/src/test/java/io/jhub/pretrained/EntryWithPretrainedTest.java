package io.jhub.pretrained;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.IntegrityException;
import io.jhub.core.Hub;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A hub repository whose entry applies pretrained weights, loaded through a real Hub. */
class EntryWithPretrainedTest {
    @TempDir
    Path tmp;

    Path repo(String weightsUrl, String sha256) throws Exception {
        Path dir = tmp.resolve("repo");
        Files.createDirectories(dir.resolve("hub/weighted"));
        Files.writeString(dir.resolve("hubconf.java"), """
                package hub.weighted;

                import io.jhub.pretrained.Pretrained;
                import java.nio.file.Files;

                public final class hubconf {
                    private static final Pretrained<StringBuilder> WEIGHTS = Pretrained.<StringBuilder>from("%s",
                            (model, file) -> model.append(" weights=").append(Files.readString(file).strip()))
                            .sha256("%s");

                    private hubconf() {
                    }

                    /**
                     * A model.
                     *
                     * @param pretrained load the weights
                     * @param classes number of classes
                     * @return the model's description
                     */
                    public static String model(boolean pretrained, int classes) {
                        return WEIGHTS.applyIf(pretrained, new StringBuilder("classes=" + classes)).toString();
                    }
                }
                """.formatted(weightsUrl, sha256));
        return dir;
    }

    static String sha256(byte[] data) throws Exception {
        return java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(data));
    }

    @Test
    void weightsAreDownloadedIntoTheCallingHubsCacheOnlyWhenPretrained() throws Exception {
        Path weights = tmp.resolve("mirror/tiny.bin");
        Files.createDirectories(weights.getParent());
        Files.writeString(weights, "0.5 0.25\n");
        Path cache = tmp.resolve("cache");
        Hub hub = Hub.builder().cacheDir(cache).serviceLoading(false).build();
        Path repo = repo(weights.toUri().toString(), sha256(Files.readAllBytes(weights)));

        assertEquals("classes=3", hub.repo(repo).load("model", false, 3));
        assertFalse(Files.exists(cache.resolve("weights")), "pretrained=false must download nothing");

        assertEquals("classes=3 weights=0.5 0.25",
                hub.repo(repo).load("model", Map.of("pretrained", true, "classes", 3)));
        try (Stream<Path> files = Files.list(cache.resolve("weights"))) {
            List<String> names = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith("tiny.bin"))
                    .toList();
            assertEquals(1, names.size(), "one verified file named <hash>_tiny.bin: " + names);
        }
        assertEquals("classes=5 weights=0.5 0.25", hub.repo(repo).load("model", List.of(true), Map.of("classes", 5)));
    }

    @Test
    void aWrongHashIsRefusedAndNothingIsCached() throws Exception {
        Path weights = tmp.resolve("mirror/bad.bin");
        Files.createDirectories(weights.getParent());
        Files.writeString(weights, "tampered\n");
        Path cache = tmp.resolve("cache");
        Hub hub = Hub.builder().cacheDir(cache).serviceLoading(false).build();
        Path repo = repo(weights.toUri().toString(), "0".repeat(64));
        IntegrityException e = assertThrows(IntegrityException.class, () -> hub.repo(repo).load("model", true, 2));
        assertEquals("0".repeat(64), e.expected());
        try (Stream<Path> files = Files.list(cache.resolve("weights"))) {
            assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith("bad.bin")));
        }
    }
}
