package io.jhub.core.internal.registry;

import io.jhub.api.spi.SettingKey;
import io.jhub.http.HttpLimits;
import java.util.List;

/** The settings the hub itself reads (its HTTP engine and downloads); fetchers declare theirs. */
public final class CoreSettingKeys {
    /** Every key the hub reads, in the README's order. */
    public static final List<SettingKey> KEYS = List.of(
            SettingKey.of("download.connections", "parallel ranges of a large download (1 to 32)"),
            SettingKey.of("download.parallelMinBytes", "size from which a download uses parallel ranges"),
            SettingKey.of("http.retries", "retries of connection failures, 429 and 5xx (4)"),
            SettingKey.of("http.backoffBaseMillis", "first retry delay in milliseconds (500)"),
            SettingKey.of("http.backoffMaxMillis", "longest retry delay in milliseconds (30000)"),
            SettingKey.of(HttpLimits.LOW_SPEED_LIMIT, "slowest accepted body rate in bytes/s (1024; 0 off)"),
            SettingKey.of(HttpLimits.LOW_SPEED_TIME, "over how long the rate is measured (30s)"),
            SettingKey.of(HttpLimits.HEADERS_TIMEOUT, "time for the status line and headers (30s)"),
            SettingKey.of(HttpLimits.DEADLINE, "deadline of one request with its retries (24h; 0 none)"),
            SettingKey.of("mirrors", "ids of the mirrors, comma-separated (see mirror.<id>.*)"),
            new SettingKey("mirror", SettingKey.HostSuffix.REQUIRED,
                    "mirror.<id>.of, .url, .token, .tokenHeader: what a mirror serves and how to reach it"),
            SettingKey.of("cache.maxSize", "largest cache size such as 20G; least recently used entries go"),
            SettingKey.of("cache.readOnly", "read-only cache directories searched first (path separator list)"),
            SettingKey.of("refs.refresh", "when a cached ref is asked again: always, never or minutes (always)"));

    private CoreSettingKeys() {
    }
}
