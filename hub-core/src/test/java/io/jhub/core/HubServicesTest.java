package io.jhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.OfflineException;
import io.jhub.http.HttpEngine;
import io.jhub.http.download.DownloadOptions;
import io.jhub.http.download.FileDownloads;
import java.net.URI;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a hub shares with its fetchers and weights: one engine and file downloads made from its settings. */
class HubServicesTest {
    @TempDir
    Path cache;

    @Test
    void theHubOffersOneEngineAndDownloadsIntoItsOwnCache() {
        Hub hub = Hub.builder().cacheDir(cache).environment(Map.of()).build();
        HttpEngine engine = hub.service(HttpEngine.class).orElseThrow();
        assertSame(engine, hub.service(HttpEngine.class).orElseThrow(), "one engine per hub");
        FileDownloads downloads = hub.service(FileDownloads.class).orElseThrow();
        assertSame(downloads, hub.service(FileDownloads.class).orElseThrow());
        Path p = downloads.cachePath(URI.create("https://example.org/w/model.bin"), DownloadOptions.defaults());
        assertTrue(p.startsWith(cache.resolve("weights")) && p.getFileName().toString().endsWith("_model.bin"),
                p.toString());
        assertEquals(Optional.empty(), hub.service(String.class));
    }

    @Test
    void anOfflineHubsDownloadsNeverTouchTheNetwork() {
        Hub hub = Hub.builder().cacheDir(cache).environment(Map.of()).offline(true).build();
        FileDownloads downloads = hub.service(FileDownloads.class).orElseThrow();
        // port 9 on loopback: a connection attempt would fail with a DownloadException, not an OfflineException
        assertThrows(OfflineException.class, () -> downloads.download(URI.create("https://127.0.0.1:9/x.bin"),
                DownloadOptions.defaults()));
    }

    @Test
    void aMalformedDownloadSettingIsNamedWhenTheServiceIsMade() {
        Hub hub = Hub.builder().cacheDir(cache).environment(Map.of()).setting("download.connections", "0").build();
        for (int i = 0; i < 2; i++) {
            IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                    () -> hub.service(FileDownloads.class));
            assertTrue(e.getMessage().contains("download.connections") && e.getMessage().contains("\"0\""),
                    e.getMessage());
        }
        assertTrue(hub.service(HttpEngine.class).isPresent(), "a download setting does not break the fetchers");
    }
}
