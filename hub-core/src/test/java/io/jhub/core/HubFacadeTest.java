package io.jhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.FetchException;
import io.jhub.api.InvalidProtocolException;
import io.jhub.api.OfflineException;
import io.jhub.api.UntrustedRepoException;
import io.jhub.testkit.GitDirFetcher;
import io.jhub.testkit.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HubFacadeTest {
    @TempDir
    Path tmp;
    GitRepo origin;
    GitDirFetcher fetcher;
    Path cache;

    static String hubconf(String greeting) {
        return """
                package hub.demo;

                /** Demo entries. */
                public final class hubconf {
                    private hubconf() {
                    }

                    /**
                     * Greets someone.
                     *
                     * @param name who to greet
                     * @return the greeting
                     */
                    public static String hello(String name) {
                        return "%s " + name;
                    }
                }
                """.formatted(greeting);
    }

    @BeforeEach
    void setUp() {
        origin = GitRepo.init(tmp.resolve("origin/alice/demo"));
        origin.write("hubconf.java", hubconf("hello")).commit("v1");
        fetcher = new GitDirFetcher("GITDIR", tmp.resolve("origin"));
        cache = tmp.resolve("cache");
    }

    Hub hub(boolean offline) {
        return Hub.builder().cacheDir(cache).fetcher(fetcher).serviceLoading(false).protocol("GITDIR")
                .gitHost("git.example.org").offline(offline).environment(Map.of()).build();
    }

    @Test
    void untrustedRemoteIsRefusedBeforeCompilingButMayBeFetched() {
        Hub hub = hub(false);
        Path tree = hub.repo("alice/demo").fetch();
        assertTrue(Files.isRegularFile(tree.resolve("hubconf.java")));
        UntrustedRepoException e = assertThrows(UntrustedRepoException.class, () -> hub.repo("alice/demo").list());
        assertTrue(e.getMessage().contains("alice/demo"), e.getMessage());
        assertTrue(e.getMessage().contains("trust(true)"), e.getMessage());
        assertTrue(e.getMessage().contains("hub.trust(\"alice/demo\", \"git.example.org\")"), e.getMessage());
        assertEquals(java.util.Optional.of("alice/demo"), e.repo());
        assertEquals(java.util.Optional.of("git.example.org"), e.host());
        assertFalse(Files.exists(cache.resolve("compiled")), "nothing may be compiled before trust");
    }

    @Test
    void doneIsReportedOnlyOnceTheTreeIsInstalled() {
        List<io.jhub.api.ProgressEvent> events = new java.util.concurrent.CopyOnWriteArrayList<>();
        Hub hub = Hub.builder().cacheDir(cache).fetcher(fetcher).serviceLoading(false).protocol("GITDIR")
                .gitHost("git.example.org").environment(Map.of()).progress(events::add).build();
        fetcher.failNextFetch(new io.jhub.api.UnsafeArchiveException("refused on purpose"));
        assertThrows(io.jhub.api.UnsafeArchiveException.class, () -> hub.repo("alice/demo").fetch());
        assertTrue(events.stream().noneMatch(e -> e.phase() == io.jhub.api.ProgressEvent.Phase.DONE
                && e.subject().startsWith("alice/demo")), "done before the refused tree: " + events);
        hub.repo("alice/demo").fetch();
        assertTrue(events.stream().anyMatch(e -> e.phase() == io.jhub.api.ProgressEvent.Phase.DONE
                && e.subject().startsWith("alice/demo -> ")), events.toString());
    }

    @Test
    void trustingInTheCallRecordsTheRepo() {
        Hub hub = hub(false);
        assertEquals("hello bob", hub.repo("alice/demo").trust(true).load("hello", "bob"));
        assertEquals(List.of("git.example.org/alice/demo"), hub.trustedRepos());
        assertEquals(List.of("hello"), hub(false).repo("alice/demo").list());
    }

    @Test
    void trustCommandAddsOnce() {
        Hub hub = hub(false);
        assertTrue(hub.trust("alice/demo"));
        assertFalse(hub.trust("alice/demo:main"));
        assertEquals("hello x", hub.repo("alice/demo").load("hello", "x"));
    }

    @Test
    void unchangedBranchFetchesNothingAndMovedBranchFetchesTheNewCommit() {
        Hub hub = hub(false);
        hub.trust("alice/demo");
        assertEquals("hello a", hub.repo("alice/demo:main").load("hello", "a"));
        assertEquals("hello a", hub(false).repo("alice/demo:main").load("hello", "a"));
        assertEquals(1, fetcher.fetches());
        origin.write("hubconf.java", hubconf("hi")).commit("v2");
        assertEquals("hi a", hub(false).repo("alice/demo:main").load("hello", "a"));
        assertEquals(2, fetcher.fetches());
        assertEquals(2, hub.cachedRepos().get(0).commits().size());
    }

    @Test
    void offlineUsesTheLastResolutionAndSaysWhatIsMissing() {
        Hub online = hub(false);
        online.trust("alice/demo");
        online.repo("alice/demo").fetch();
        int resolves = fetcher.resolves();
        assertEquals("hello o", hub(true).repo("alice/demo").load("hello", "o"));
        assertEquals(resolves, fetcher.resolves(), "offline must not call the fetcher");
        OfflineException e = assertThrows(OfflineException.class, () -> hub(true).repo("alice/demo:other").fetch());
        assertTrue(e.getMessage().contains("alice/demo:other"), e.getMessage());
        String head = origin.head();
        assertEquals(head, hub(true).repo("alice/demo").commit(head).fetch().getFileName().toString());
    }

    @Test
    void pinnedAndAbbreviatedCommits() {
        String v1 = origin.head();
        origin.write("hubconf.java", hubconf("hi")).commit("v2");
        Hub hub = hub(false);
        hub.trust("alice/demo");
        assertEquals("hello p", hub.repo("alice/demo").commit(v1).load("hello", "p"));
        assertEquals("hello p", hub.repo("alice/demo").commit(v1.substring(0, 7)).load("hello", "p"));
        assertEquals("hi p", hub.repo("alice/demo").load("hello", "p"));
    }

    @Test
    void failedFetchLeavesTheCacheAsItWas() throws Exception {
        Hub hub = hub(false);
        fetcher.failNextFetch(new FetchException("connection dropped"));
        assertThrows(FetchException.class, () -> hub.repo("alice/demo").fetch());
        Path repoDir = cache.resolve("repos/git.example.org/alice/demo");
        try (Stream<Path> s = Files.list(repoDir)) {
            List<String> names = s.map(p -> p.getFileName().toString()).sorted().toList();
            assertEquals(List.of(".lock"), names, "no tree, no ref record and no staging directory may remain");
        }
        assertTrue(Files.isDirectory(hub.repo("alice/demo").fetch()));
    }

    @Test
    void concurrentCallsFetchOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Path>> results = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                Callable<Path> task = () -> hub(false).repo("alice/demo").fetch();
                results.add(pool.submit(task));
            }
            Path first = results.get(0).get();
            for (Future<Path> f : results) {
                assertEquals(first, f.get());
            }
            assertEquals(1, fetcher.fetches());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void noCacheFetchesAgain() {
        Hub hub = hub(false);
        Path a = hub.repo("alice/demo").fetch();
        Path b = hub.repo("alice/demo").useCache(false).fetch();
        assertEquals(a, b);
        assertEquals(2, fetcher.fetches());
    }

    @Test
    void unknownProtocolNamesTheAvailableOnesAndTheArtifact() {
        Hub hub = hub(false);
        InvalidProtocolException e = assertThrows(InvalidProtocolException.class,
                () -> hub.repo("alice/demo").protocol("SSH").fetch());
        assertTrue(e.getMessage().contains("GITDIR"), e.getMessage());
        assertTrue(e.getMessage().contains("io.jhub:hub-fetch-ssh"), e.getMessage());
    }

    @Test
    void duplicateProtocolNamesFailLoudly() {
        Hub hub = Hub.builder().cacheDir(cache).serviceLoading(false).fetcher(fetcher)
                .fetcher(new GitDirFetcher("gitdir", tmp)).build();
        InvalidProtocolException e = assertThrows(InvalidProtocolException.class, hub::protocols);
        assertTrue(e.getMessage().contains("GITDIR"), e.getMessage());
    }

    @Test
    void anEmptyCacheDirIsRefusedRatherThanTakenAsTheWorkingDirectory() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> Hub.builder().cacheDir(Path.of("")));
        assertTrue(e.getMessage().contains("empty path"), e.getMessage());
    }

    @Test
    void localDirectoriesAreTrustedAndNeedNoFetcher() {
        Hub hub = Hub.builder().cacheDir(cache).serviceLoading(false).build();
        assertEquals("hello l", hub.repo(origin.dir()).load("hello", "l"));
        assertTrue(hub.repo(origin.dir()).help("hello").contains("Greets someone"));
    }

    @Test
    void remoteModulesAreMemoisedAndLocalDirectoriesReloadEdits() throws Exception {
        Hub hub = hub(false);
        hub.trust("alice/demo");
        assertTrue(hub.repo("alice/demo").importModule() == hub.repo("alice/demo").importModule(),
                "one layer per repo and commit in a hub");
        Path local = tmp.resolve("local");
        Files.createDirectories(local);
        Files.writeString(local.resolve("hubconf.java"), hubconf("hello"));
        assertEquals("hello z", hub.repo(local).load("hello", "z"));
        Files.writeString(local.resolve("hubconf.java"), hubconf("howdy") + "\n// edited\n");
        assertEquals("howdy z", hub.repo(local).load("hello", "z"));
    }

    @Test
    void scratchLeftByAKilledProcessIsRemovedByTheNextInstall() throws Exception {
        Hub hub = hub(false);
        hub.repo("alice/demo").fetch();
        Path repoDir = cache.resolve("repos/git.example.org/alice/demo");
        Files.createDirectories(repoDir.resolve(".staging-0123-dead/hub"));
        Files.createDirectories(repoDir.resolve(".jhub-ssh-42"));
        origin.write("hubconf.java", hubconf("hi")).commit("v2");
        hub.repo("alice/demo").fetch();
        try (Stream<Path> s = Files.list(repoDir)) {
            assertTrue(s.noneMatch(p -> p.getFileName().toString().startsWith(".s")
                    || p.getFileName().toString().startsWith(".jhub")), "orphans must be gone");
        }
    }

    @Test
    void anAbbreviatedIdResolvedOnlyByFetchingIsFetchedOnce() {
        fetcher.resolvesBeforeFetch(false);
        String head = origin.head();
        Hub hub = hub(false);
        Path first = hub.repo("alice/demo").commit(head.substring(0, 8)).fetch();
        Path again = hub(false).repo("alice/demo").commit(head.substring(0, 8)).fetch();
        assertEquals(head, first.getFileName().toString());
        assertEquals(first, again);
        assertEquals(1, fetcher.fetches());
    }
}
