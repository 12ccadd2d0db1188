package io.jhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.InvalidGitHostException;
import io.jhub.testkit.GitDirFetcher;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HubSettingsTest {

    @Test
    void cacheDirComesFromBuilderThenJhubHomeThenXdgThenHome() {
        Path home = Path.of(System.getProperty("user.home"));
        assertEquals(Path.of("/b").toAbsolutePath(), Hub.builder().cacheDir(Path.of("/b"))
                .environment(Map.of("JHUB_HOME", "/j")).build().cacheDir());
        assertEquals(Path.of("/j"), Hub.builder().environment(Map.of("JHUB_HOME", "/j", "XDG_CACHE_HOME", "/x"))
                .build().cacheDir());
        assertEquals(Path.of("/x/jhub"), Hub.builder().environment(Map.of("XDG_CACHE_HOME", "/x")).build()
                .cacheDir());
        assertEquals(home.resolve(".cache/jhub"), Hub.builder().environment(Map.of()).build().cacheDir());
    }

    @Test
    void offlineAndDefaultsComeFromTheEnvironment() {
        Hub hub = Hub.builder().environment(Map.of("JHUB_OFFLINE", "1", "JHUB_GIT_HOST", "git.example.org:8443",
                "JHUB_PROTOCOL", "ssh")).build();
        assertTrue(hub.offline());
        assertEquals("git.example.org:8443", hub.defaultHost().toString());
        assertEquals("SSH", hub.defaultProtocol());
        assertFalse(Hub.builder().environment(Map.of("JHUB_OFFLINE", "0")).build().offline());
    }

    @Test
    void buildersValidateEverySetter() {
        assertThrows(IllegalArgumentException.class, () -> Hub.builder().readTimeout(Duration.ZERO));
        assertThrows(IllegalArgumentException.class, () -> Hub.builder().protocol("no spaces"));
        assertThrows(InvalidGitHostException.class, () -> Hub.builder().gitHost("bad host"));
        assertThrows(NullPointerException.class, () -> Hub.builder().cacheDir(null));
        assertThrows(IllegalArgumentException.class, () -> Hub.builder().setting(" ", "x"));
    }

    @Test
    void aBrokenServiceProviderIsSkipped() {
        Hub hub = Hub.builder().environment(Map.of()).fetcher(new GitDirFetcher("GITDIR", Path.of("/none")))
                .build();
        assertEquals(java.util.List.of("GITDIR"), java.util.List.copyOf(hub.protocols().keySet()));
    }
}
