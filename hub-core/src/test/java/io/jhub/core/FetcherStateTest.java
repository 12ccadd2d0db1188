package io.jhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.api.spi.Resolution;
import io.jhub.testkit.GitDirFetcher;
import io.jhub.testkit.GitRepo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The state directory a hub offers its fetchers ({@link FetchContext#stateDirectory(String)}): per protocol under
 * the writable cache, invisible to the cache's listing, pruning and removals, and gone with {@code clean}.
 */
class FetcherStateTest {
    @TempDir
    Path tmp;
    Path cache;
    String commit;
    StateWritingFetcher fetcher;

    /** A fetcher that records a small file in its state directory on every lookup, as the HTTPS fetcher does. */
    static final class StateWritingFetcher implements RepoFetcher {
        final GitDirFetcher git;
        volatile Optional<Path> seen = Optional.empty();

        StateWritingFetcher(Path root) {
            this.git = new GitDirFetcher("GITDIR", root);
        }

        @Override
        public String protocol() {
            return "GitDir";
        }

        @Override
        public String description() {
            return "writes state (test)";
        }

        @Override
        public Resolution resolve(FetchRequest request, FetchContext context) {
            seen = context.stateDirectory(protocol());
            seen.ifPresent(dir -> {
                try {
                    Files.writeString(Files.createDirectories(dir).resolve("memo"), "hint\n");
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
            return git.resolve(request, context);
        }

        @Override
        public Resolution fetch(FetchRequest request, Path target, FetchContext context) {
            return git.fetch(request, target, context);
        }
    }

    @BeforeEach
    void setUp() {
        commit = GitRepo.init(tmp.resolve("origin/alice/demo")).write("hubconf.java", HubFacadeTest.hubconf("hi"))
                .commit("one");
        fetcher = new StateWritingFetcher(tmp.resolve("origin"));
        cache = tmp.resolve("cache");
    }

    Hub hub() {
        return Hub.builder().cacheDir(cache).fetcher(fetcher).serviceLoading(false).protocol("GITDIR")
                .gitHost("git.example.org").environment(Map.of()).build();
    }

    @Test
    void eachProtocolGetsADirectoryUnderTheCacheThatTheHubDoesNotCreate() {
        Hub hub = hub();
        hub.repo("alice/demo").fetch();
        assertEquals(Optional.of(cache.resolve("state/gitdir")), fetcher.seen);
        assertTrue(Files.isRegularFile(cache.resolve("state/gitdir/memo")));
        FetchContext other = new HubSettings(Hub.builder().cacheDir(tmp.resolve("other")), Map.of());
        assertEquals(Optional.of(tmp.resolve("other/state/https")), other.stateDirectory("HTTPS"));
        assertFalse(Files.exists(tmp.resolve("other/state")), "asking creates nothing");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> other.stateDirectory("../repos"));
        assertTrue(e.getMessage().contains("../repos"), e.getMessage());
    }

    @Test
    void theCachesListingPruningAndRemovalsIgnoreItAndCleanRemovesIt() {
        Hub hub = hub();
        hub.repo("alice/demo").fetch();
        Path memo = cache.resolve("state/gitdir/memo");
        assertTrue(Files.isRegularFile(memo));

        CacheInfo info = hub.cacheInfo();
        assertEquals(List.of(commit), info.commits().stream().map(CachedCommit::commit).toList());
        assertEquals(info.commits().stream().mapToLong(CachedCommit::bytes).sum()
                + info.compiled().stream().mapToLong(CachedClasses::bytes).sum(), info.totalBytes(),
                "the state is no entry and counts for nothing");
        assertEquals(List.of(), hub.pruneCache(Long.MAX_VALUE, Duration.ofDays(3650), false).removed());
        assertTrue(Files.isRegularFile(memo), "pruning leaves the state alone");

        CacheRemoval dry = hub.cleanCache(true);
        assertEquals(List.of("git.example.org/alice/demo@" + commit), dry.removed());
        assertTrue(Files.isRegularFile(memo), "a dry run removes nothing");

        hub.cleanCache(false);
        assertFalse(Files.exists(cache.resolve("state")), "clean empties the cache, the state with it");
        assertTrue(hub.cacheInfo().commits().isEmpty());
        hub.repo("alice/demo").fetch();
        assertTrue(Files.isRegularFile(memo), "a fetcher writes it again");
    }
}
