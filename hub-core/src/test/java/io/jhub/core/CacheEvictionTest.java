package io.jhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.GitDirFetcher;
import io.jhub.testkit.GitRepo;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bounded cache evicts least recently used entries after an install, never one in use by any process. */
class CacheEvictionTest {
    @TempDir
    Path tmp;
    GitDirFetcher fetcher;
    Path cache;
    String c1;
    String c2;
    String c3;

    @BeforeEach
    void setUp() {
        GitRepo origin = GitRepo.init(tmp.resolve("origin/alice/demo"));
        c1 = origin.write("hubconf.java", HubFacadeTest.hubconf("hello")).write("pad.txt", "1".repeat(20_000))
                .commit("one");
        c2 = origin.write("pad.txt", "2".repeat(20_000)).commit("two");
        c3 = origin.write("pad.txt", "3".repeat(20_000)).commit("three");
        fetcher = new GitDirFetcher("GITDIR", tmp.resolve("origin"));
        cache = tmp.resolve("cache");
    }

    HubBuilder builder() {
        return Hub.builder().cacheDir(cache).fetcher(fetcher).serviceLoading(false).protocol("GITDIR")
                .gitHost("git.example.org").environment(Map.of());
    }

    Path fetch(Hub hub, String commit) {
        return hub.repo("alice/demo").commit(commit).fetch();
    }

    static Path stamp(Path tree) {
        return tree.resolveSibling(tree.getFileName() + ".used");
    }

    List<String> commits(Hub hub) {
        return hub.cacheInfo().commits().stream().map(CachedCommit::commit).sorted().toList();
    }

    @Test
    void everyHitRecordsItsUseAndTheLeastRecentlyUsedCommitGoesFirst() throws Exception {
        Hub hub = builder().build();
        Path t1 = fetch(hub, c1);
        Path t2 = fetch(hub, c2);
        Instant now = Instant.now();
        Files.setLastModifiedTime(stamp(t1), FileTime.from(now.minus(3, ChronoUnit.HOURS)));
        Files.setLastModifiedTime(stamp(t2), FileTime.from(now.minus(2, ChronoUnit.HOURS)));
        assertEquals(t1, fetch(hub, c1));
        assertEquals(2, fetcher.fetches(), "the second fetch of c1 is a cache hit");
        assertTrue(Files.getLastModifiedTime(stamp(t1)).toInstant().isAfter(now.minusSeconds(60)),
                "a hit must record its use");
        long size = hub.cacheInfo().commits().get(0).bytes();
        assertTrue(size > 20_000, "tree size " + size);

        Hub bounded = builder().cacheMaxSize(size * 5 / 2).build();
        Path t3 = fetch(bounded, c3);
        assertEquals(List.of(c1, c3).stream().sorted().toList(), commits(bounded),
                "c2 was used least recently, c3 was just installed");
        assertFalse(Files.exists(t2));
        assertFalse(Files.exists(stamp(t2)));
        assertTrue(Files.isDirectory(t3));
    }

    @Test
    void aTreeIsMeasuredOnceAndItsSizeRecordGoesWithIt() throws Exception {
        Hub hub = builder().build();
        Path t1 = fetch(hub, c1);
        Path record = t1.resolveSibling(c1 + ".size");
        long walked = hub.cacheInfo().commits().get(0).bytes();
        assertEquals(walked + "\n", Files.readString(record), "the first scan records what it measured");
        Files.writeString(record, "12345\n");
        assertEquals(12345, hub.cacheInfo().commits().get(0).bytes(), "later scans read the record, not the tree");
        Files.writeString(record, "not a size");
        assertEquals(walked, hub.cacheInfo().commits().get(0).bytes(), "a damaged record is measured again");
        assertEquals(walked + "\n", Files.readString(record));

        hub.pruneCache(0, ChronoUnit.FOREVER.getDuration(), false);
        assertFalse(Files.exists(t1));
        assertFalse(Files.exists(record), "the record goes with its tree");
    }

    @Test
    void replacingAnUncheckedTreeDropsItsSizeRecord() throws Exception {
        Hub hub = builder().build();
        Path unchecked = hub.repo("alice/demo").commit(c1).skipValidation(true).fetch();
        Path record = unchecked.resolveSibling(c1 + ".size");
        Files.writeString(record, "12345\n"); // what a scan of the unchecked tree might have recorded
        Path checked = fetch(hub, c1);
        assertEquals(unchecked, checked, "the checked tree replaces the unchecked one in place");
        assertFalse(Files.exists(record), "the record described the replaced tree");
        assertTrue(hub.cacheInfo().commits().get(0).bytes() > 20_000);
    }

    @Test
    void theEntryJustInstalledStaysEvenAboveTheLimit() {
        Hub bounded = builder().cacheMaxSize(1).build();
        fetch(bounded, c1);
        fetch(bounded, c2);
        assertEquals(List.of(c2), commits(bounded));
    }

    @Test
    void aCommitAnotherProcessUsesIsNeverEvicted() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldingChild.class.getName(), cache.toString(), tmp.resolve("origin").toString(), c1)
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("holding hello child", lines.readLine(), "the child did not load c1");
            Hub bounded = builder().cacheMaxSize(1).build();
            Path t2 = fetch(bounded, c2);
            CacheInfo info = bounded.cacheInfo();
            assertEquals(List.of(c1, c2).stream().sorted().toList(), commits(bounded),
                    "c1 is in use by the child, c2 was just installed");
            assertEquals(1, info.compiled().size(), "the child's compiled classes are in use too");

            CacheRemoval pruned = bounded.pruneCache(0, ChronoUnit.FOREVER.getDuration(), false);
            assertEquals(List.of("git.example.org/alice/demo@" + c2), pruned.removed());
            assertEquals(2, pruned.inUse().size(), pruned.toString());
            assertFalse(Files.exists(t2));
            assertEquals(List.of(c1), commits(bounded));
        } finally {
            child.getOutputStream().close();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        assertEquals(0, child.exitValue());
        Hub hub = builder().build();
        CacheRemoval after = hub.pruneCache(0, ChronoUnit.FOREVER.getDuration(), false);
        assertEquals(2, after.removed().size(), "once the child is gone its entries may go: " + after);
        assertEquals(0, hub.cacheInfo().totalBytes());
    }

    @Test
    void weightsAnotherProcessDownloadedAreNeverEvicted() throws Exception {
        Path source = Files.write(tmp.resolve("model.bin"), new byte[30_000]);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                HoldingChild.class.getName(), cache.toString(), tmp.resolve("origin").toString(), c1,
                source.toUri().toString()).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        try {
            BufferedReader lines = new BufferedReader(new InputStreamReader(child.getInputStream(),
                    StandardCharsets.UTF_8));
            assertEquals("holding hello child", lines.readLine(), "the child did not load c1 and download");
            Hub bounded = builder().cacheMaxSize(1).build();
            fetch(bounded, c2);
            assertEquals(1, bounded.cacheInfo().weights().size(), "the child's weights are in use");
            CacheRemoval pruned = bounded.pruneCache(0, ChronoUnit.FOREVER.getDuration(), false);
            assertEquals(3, pruned.inUse().size(), "tree, classes and weights of the child: " + pruned);
            assertEquals(1, bounded.cacheInfo().weights().size());
        } finally {
            child.getOutputStream().close();
            assertTrue(child.waitFor(60, TimeUnit.SECONDS));
        }
        Hub hub = builder().build();
        hub.pruneCache(0, ChronoUnit.FOREVER.getDuration(), false);
        assertEquals(List.of(), hub.cacheInfo().weights(), "once the child is gone its weights may go");
    }

    @Test
    void weightsThisProcessHoldsSurvivePruningButGoWhenItRemovesThemItself() throws Exception {
        Path source = Files.write(tmp.resolve("model.bin"), new byte[10_000]);
        Hub hub = builder().build();
        Path file = hub.download(source.toUri(), io.jhub.http.download.DownloadOptions.defaults());
        CacheRemoval pruned = hub.pruneCache(0, ChronoUnit.FOREVER.getDuration(), false);
        assertEquals(1, pruned.inUse().size(), "pruning keeps a file this process was handed: " + pruned);
        assertTrue(Files.exists(file));
        CacheRemoval removed = hub.removeWeights(file.getFileName().toString());
        assertEquals(1, removed.removed().size(), "removing it on purpose is this process's own decision: " + removed);
        assertFalse(Files.exists(file));
        assertEquals(file, hub.download(source.toUri(), io.jhub.http.download.DownloadOptions.defaults()));
    }

    @Test
    void pruneByAgeRemovesOnlyOldEntriesAndADryRunRemovesNothing() throws Exception {
        Hub hub = builder().build();
        Path t1 = fetch(hub, c1);
        Path t2 = fetch(hub, c2);
        Files.setLastModifiedTime(stamp(t1), FileTime.from(Instant.now().minus(Duration.ofDays(40))));
        CacheRemoval dry = hub.pruneCache(Long.MAX_VALUE, Duration.ofDays(30), true);
        assertEquals(List.of("git.example.org/alice/demo@" + c1), dry.removed());
        assertTrue(dry.dryRun());
        assertTrue(Files.isDirectory(t1));
        CacheRemoval real = hub.pruneCache(Long.MAX_VALUE, Duration.ofDays(30), false);
        assertEquals(dry.removed(), real.removed());
        assertEquals(dry.bytesFreed(), real.bytesFreed());
        assertFalse(Files.exists(t1));
        assertTrue(Files.isDirectory(t2));
    }

    @Test
    void aRemovalKilledHalfWayLeavesNothingListedAndTheNextRemovalEmptiesTheTrash() throws Exception {
        Hub hub = builder().build();
        Path t1 = fetch(hub, c1);
        // what a removal killed after its rename leaves: the tree gone from its place, its copy in the trash
        Path trash = Files.createDirectories(cache.resolve(".trash"));
        Files.move(t1, trash.resolve("killed"));
        assertEquals(List.of(), commits(hub));
        assertEquals(0, hub.cacheInfo().totalBytes());
        fetch(hub, c2);
        hub.pruneCache(Long.MAX_VALUE, Duration.ofDays(1), false);
        try (var s = Files.list(trash)) {
            assertEquals(0, s.count());
        }
        assertEquals(List.of(c2), commits(hub));
    }
}
