package io.jhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.ProgressEvent;
import io.jhub.http.download.DownloadOptions;
import io.jhub.http.download.FileDownloads;
import io.jhub.testkit.GitDirFetcher;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.Processes;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A prepared cache used as a read-only layer: made with the normal calls, then made unwritable; a hub that names it
 * loads, lists and downloads from it with nothing written, locked or touched there.
 */
class ReadOnlyLayerTest {
    @TempDir
    Path tmp;
    GitDirFetcher fetcher;
    Path prepared;
    URI weights;
    byte[] weightBytes = "weights".repeat(1000).getBytes(java.nio.charset.StandardCharsets.UTF_8);

    @BeforeEach
    void setUp() throws IOException {
        GitRepo.init(tmp.resolve("origin/alice/demo")).write("hubconf.java", HubFacadeTest.hubconf("hello"))
                .commit("v1");
        fetcher = new GitDirFetcher("GITDIR", tmp.resolve("origin"));
        prepared = tmp.resolve("prepared");
        weights = Files.write(tmp.resolve("model.bin"), weightBytes).toUri();
    }

    HubBuilder builder(Path cacheDir) {
        return Hub.builder().cacheDir(cacheDir).fetcher(fetcher).serviceLoading(false).protocol("GITDIR")
                .gitHost("git.example.org").environment(Map.of());
    }

    /** Every file and directory under {@code dir} with its size and modification time. */
    static String listing(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.sorted().map(p -> {
                try {
                    return dir.relativize(p) + " " + (Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS) ? "d"
                            : Files.size(p)) + " " + Files.getLastModifiedTime(p, LinkOption.NOFOLLOW_LINKS)
                            .toMillis();
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            }).collect(Collectors.joining("\n"));
        }
    }

    @Test
    void aPreparedCacheIsUsedWithoutAnyWrite() throws Exception {
        Hub prep = builder(prepared).trustPolicy(TrustPolicy.TRUST_ALL).build();
        assertEquals("hello a", prep.repo("alice/demo").load("hello", "a"));
        Path cachedWeights = prep.service(FileDownloads.class).orElseThrow().download(weights,
                DownloadOptions.defaults());
        String sha = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(weightBytes));

        Processes.run(tmp, "chmod", "-R", "a-w", prepared.toString());
        try {
            String before = listing(prepared);
            List<ProgressEvent> events = new CopyOnWriteArrayList<>();
            Path writable = tmp.resolve("writable");
            Hub fleet = builder(writable).readOnlyCaches(List.of(prepared)).offline(true).progress(events::add)
                    .build();
            int fetches = fetcher.fetches();
            assertEquals("hello b", fleet.repo("alice/demo").trust(true).load("hello", "b"));
            assertEquals(List.of("hello"), fleet.repo("alice/demo").trust(true).list());
            assertEquals(fetches, fetcher.fetches(), "nothing may be fetched");
            assertTrue(events.stream().noneMatch(e -> e.phase() == ProgressEvent.Phase.COMPILE),
                    "the prepared compiled classes must be used: " + events);
            FileDownloads downloads = fleet.service(FileDownloads.class).orElseThrow();
            assertEquals(cachedWeights, downloads.download(weights, DownloadOptions.defaults()));
            assertEquals(cachedWeights, downloads.download(weights, DownloadOptions.builder().sha256(sha).build()));

            assertEquals(before, listing(prepared), "the read-only layer changed");
            CacheInfo own = fleet.cacheInfo();
            assertEquals(List.of(), own.commits());
            assertEquals(List.of(), own.compiled());
            assertEquals(List.of(), own.weights());
            assertEquals(List.of(prepared.toAbsolutePath().normalize()), own.readOnlyCaches());
        } finally {
            Processes.run(tmp, "chmod", "-R", "u+w", prepared.toString());
        }
    }

    @Test
    void theLayersComeFromTheEnvironmentOrASettingAndMustBeDirectories() throws IOException {
        Path a = Files.createDirectories(tmp.resolve("a"));
        Path b = Files.createDirectories(tmp.resolve("b"));
        String list = a + java.io.File.pathSeparator + b;
        Hub fromEnv = Hub.builder().cacheDir(tmp.resolve("c")).environment(Map.of("JHUB_CACHE_READONLY", list))
                .build();
        assertEquals(List.of(a, b), fromEnv.readOnlyCaches());
        Hub fromSetting = Hub.builder().cacheDir(tmp.resolve("c")).setting("cache.readOnly", b.toString())
                .environment(Map.of("JHUB_CACHE_READONLY", list)).build();
        assertEquals(List.of(b), fromSetting.readOnlyCaches());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hub.builder()
                .environment(Map.of("JHUB_CACHE_READONLY", tmp.resolve("missing").toString())).build());
        assertTrue(e.getMessage().contains("JHUB_CACHE_READONLY") && e.getMessage().contains("missing"),
                e.getMessage());
    }

    @Test
    void theMaximumSizeIsParsedWithUnitsAndABadOneNamesItsSourceAndValue() {
        Path c = tmp.resolve("c");
        assertEquals(20L << 30, Hub.builder().cacheDir(c).environment(Map.of("JHUB_CACHE_MAX_SIZE", "20G")).build()
                .cacheMaxSize().getAsLong());
        assertEquals(512L << 20, Hub.builder().cacheDir(c).environment(Map.of("JHUB_CACHE_MAX_SIZE", "20G"))
                .setting("cache.maxSize", "512MiB").build().cacheMaxSize().getAsLong());
        assertEquals(1536L << 30, ByteSize.parse("1.5T", "x"));
        assertEquals(4096, ByteSize.parse("4096", "x"));
        assertEquals(7, Hub.builder().cacheDir(c).environment(Map.of("JHUB_CACHE_MAX_SIZE", "1G")).cacheMaxSize(7)
                .build().cacheMaxSize().getAsLong());
        assertTrue(Hub.builder().cacheDir(c).environment(Map.of()).build().cacheMaxSize().isEmpty());
        for (String bad : List.of("20X", "-1G", "G", "", "1e9", "99999999P")) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Hub.builder()
                    .cacheDir(c).environment(Map.of("JHUB_CACHE_MAX_SIZE", bad.isEmpty() ? " " : bad)).build(), bad);
            assertTrue(e.getMessage().contains("JHUB_CACHE_MAX_SIZE") && e.getMessage().contains("20G"),
                    e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> Hub.builder().cacheMaxSize(-1));
    }
}
