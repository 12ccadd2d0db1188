package io.jhub.http.internal.download;

import io.jhub.api.CacheException;
import io.jhub.api.DownloadException;
import io.jhub.api.IntegrityException;
import io.jhub.api.OfflineException;
import io.jhub.http.HttpEngine;
import io.jhub.http.download.DownloadOptions;
import io.jhub.http.internal.Redaction;
import io.jhub.http.internal.cache.CacheFiles;
import io.jhub.http.internal.cache.CacheLock;
import io.jhub.http.internal.cache.UseStamps;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Downloads one URL into the hub's weights cache: a verified hit costs no network and no hashing; a miss is
 * fetched under a cross-process lock into a partial file, verified, and renamed into place.
 */
public final class Downloader {
    private static final System.Logger LOG = System.getLogger(Downloader.class.getName());

    private final DownloadSite site;
    private final DownloadOptions options;

    /**
     * Creates a downloader.
     *
     * @param site where the cache, engine, tuning and offline mode come from
     * @param options this download's options
     */
    public Downloader(DownloadSite site, DownloadOptions options) {
        this.site = Objects.requireNonNull(site, "site");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Returns where the verified file of {@code uri} is or will be.
     *
     * @param uri the URL
     * @return the cache path
     */
    public Path cachePath(URI uri) {
        checkUri(uri);
        return CacheLayout.of(site.cacheDir(), uri, options.fileName()).target();
    }

    /**
     * Returns the verified cached file of {@code uri}, downloading it first if needed. A file of the writable cache
     * is marked in use for this process's life, so a bounded cache (in any process) never evicts a file that a
     * running process may still open.
     *
     * @param uri a {@code https:}, {@code file:} or (when allowed) {@code http:} URL
     * @return the cached file
     */
    public Path download(URI uri) {
        Path file = findOrFetch(uri);
        Path stamp = CacheLayout.of(site.cacheDir(), uri, options.fileName()).lastUse();
        if (file.startsWith(site.cacheDir()) && UseStamps.hold(stamp) && !Files.isRegularFile(file)) {
            // a bounded cache in another process evicted it between our lookup and the hold; held now, it stays
            file = findOrFetch(uri);
        }
        return file;
    }

    /** Finds the verified file in a read-only layer or in this cache, or fetches and installs it. */
    private Path findOrFetch(URI uri) {
        String scheme = checkUri(uri);
        boolean local = scheme.equals("file");
        boolean offline = options.offline().orElse(site.offline());
        CacheLayout layout = CacheLayout.of(site.cacheDir(), uri, options.fileName());
        Optional<ExpectedHash> expected = expected(uri);
        for (Path root : site.readOnlyCaches()) {
            CacheLayout prepared = CacheLayout.of(root, uri, options.fileName());
            if (readOnlyLookup(prepared, expected)) {
                return prepared.target();
            }
        }
        Lookup found = lookup(layout, expected);
        if (found.hit()) {
            UseStamps.touch(layout.lastUse());
            return layout.target();
        }
        if (offline && !local && found.actual().isEmpty()) {
            throw offlineMiss(uri, layout);
        }
        List<String> swept = StalePartials.sweep(layout.metaDir(), StalePartials.MAX_AGE, Instant.now(), layout.name());
        if (!swept.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, () -> "Removed partial downloads untouched for "
                    + StalePartials.MAX_AGE.toDays() + " days: " + swept);
        }
        Path installed;
        try (CacheLock lock = CacheLock.acquire(layout.lock(), options.progress().orElse(site.progress()))) {
            found = lookup(layout, expected);
            if (found.hit()) {
                UseStamps.touch(layout.lastUse());
                return layout.target();
            }
            if (found.actual().isPresent()) {
                deleteInstalled(layout);
                if (offline && !local) {
                    throw new IntegrityException(layout.target().toString(), expected.orElseThrow().hex(),
                            found.actual().get());
                }
                LOG.log(System.Logger.Level.INFO, () -> "Cached " + layout.target() + " does not match the expected"
                        + " SHA-256; downloading it again");
            }
            if (offline && !local) {
                throw offlineMiss(uri, layout);
            }
            installed = fetchAndInstall(uri, local, layout, expected);
        }
        site.afterInstall().accept(installed); // outside the lock: eviction takes other entries' locks
        return installed;
    }

    /**
     * Looks in a read-only cache: a hit needs the file and, when a hash is expected, a record that still describes
     * it or a hash computed now (never written there).
     */
    private static boolean readOnlyLookup(CacheLayout layout, Optional<ExpectedHash> expected) {
        Path target = layout.target();
        if (!Files.isRegularFile(target)) {
            return false;
        }
        if (expected.isEmpty()) {
            return true;
        }
        Optional<String> sha = VerifiedRecord.read(layout.record()).filter(r -> r.describes(target))
                .flatMap(VerifiedRecord::sha256);
        try {
            return expected.get().matches(sha.isPresent() ? sha.get() : Hashing.sha256Hex(target));
        } catch (IOException e) {
            return false;
        }
    }

    private Path fetchAndInstall(URI uri, boolean local, CacheLayout layout, Optional<ExpectedHash> expected) {
        ProgressMeter meter = new ProgressMeter(options.progress().orElse(site.progress()), Redaction.forDisplay(uri));
        Optional<String> hash;
        if (local) {
            hash = Optional.of(LocalCopy.copy(uri, layout, meter));
        } else {
            TransferSettings settings = new TransferSettings(options.connections().orElse(site.connections()),
                    site.parallelMinBytes(), site.retries());
            HttpEngine engine = site.engine().withPlainHttp(options.allowPlainHttp());
            engine = options.limits().map(engine::withLimits).orElse(engine);
            hash = new HttpTransfer(engine, uri, layout, settings, meter).run(expected.isPresent());
        }
        if (expected.isPresent() && !expected.get().matches(hash.orElseThrow())) {
            CacheFiles.deleteQuietly(layout.partial());
            CacheFiles.deleteQuietly(layout.partialMeta());
            throw new IntegrityException(Redaction.forDisplay(uri), expected.get().hex(), hash.get());
        }
        try {
            VerifiedRecord.of(layout.partial(), hash).write(layout.record());
            CacheFiles.writeAtomically(layout.urlRecord(), Redaction.forDisplay(uri) + "\n");
            UseStamps.touch(layout.lastUse());
            Files.move(layout.partial(), layout.target(), StandardCopyOption.ATOMIC_MOVE,
                    StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new CacheException("Cannot move the downloaded " + layout.partial() + " to " + layout.target()
                    + ": " + e.getMessage() + ". Put the cache on a local file system (set JHUB_HOME).", e);
        }
        CacheFiles.deleteQuietly(layout.partialMeta());
        meter.finish();
        LOG.log(System.Logger.Level.DEBUG, () -> "Downloaded " + Redaction.forDisplay(uri) + " to " + layout.target());
        return layout.target();
    }

    /** The outcome of looking in the cache: a hit, a miss, or a file whose hash does not match. */
    private record Lookup(boolean hit, Optional<String> actual) {
        static final Lookup MISS = new Lookup(false, Optional.empty());
        static final Lookup HIT = new Lookup(true, Optional.empty());
    }

    private Lookup lookup(CacheLayout layout, Optional<ExpectedHash> expected) {
        Path target = layout.target();
        if (!Files.isRegularFile(target)) {
            return Lookup.MISS;
        }
        Optional<VerifiedRecord> record = VerifiedRecord.read(layout.record()).filter(r -> r.describes(target));
        if (record.isPresent() && (expected.isEmpty() || record.get().sha256().isPresent())) {
            String sha = record.get().sha256().orElse(null);
            return expected.isEmpty() || expected.get().matches(sha) ? Lookup.HIT
                    : new Lookup(false, Optional.of(sha));
        }
        // no record, or the file changed since it was recorded, or its hash was never computed: hash it once
        try {
            VerifiedRecord before = VerifiedRecord.of(target, Optional.empty());
            String sha = Hashing.sha256Hex(target);
            VerifiedRecord now = new VerifiedRecord(before.size(), before.mtimeMillis(), Optional.of(sha));
            if (now.describes(target)) {
                now.write(layout.record());
            }
            return expected.isEmpty() || expected.get().matches(sha) ? Lookup.HIT
                    : new Lookup(false, Optional.of(sha));
        } catch (IOException e) {
            return Lookup.MISS;
        }
    }

    private static void deleteInstalled(CacheLayout layout) {
        try {
            Files.deleteIfExists(layout.target());
            Files.deleteIfExists(layout.record());
        } catch (IOException e) {
            throw new CacheException("Cannot delete the mismatching " + layout.target() + ": " + e.getMessage(), e);
        }
    }

    private Optional<ExpectedHash> expected(URI uri) {
        Optional<ExpectedHash> full = options.sha256().map(h -> new ExpectedHash(h, false));
        if (!options.hashPrefixFromName()) {
            return full;
        }
        String name = options.fileName().orElseGet(() -> CacheLayout.baseName(uri));
        Optional<ExpectedHash> prefix = ExpectedHash.fromName(name);
        if (prefix.isEmpty()) {
            throw new IllegalArgumentException("hashPrefixFromName is on but the file name \"" + name + "\" has no"
                    + " hash part such as name-1a2b3c4d.ext (at least 6 hex digits after the last '-'); pass the"
                    + " SHA-256 with sha256(...) instead.");
        }
        if (full.isPresent() && !full.get().hex().startsWith(prefix.get().hex())) {
            throw new IllegalArgumentException("The given SHA-256 " + full.get().hex() + " does not start with the"
                    + " hash part \"" + prefix.get().hex() + "\" of the file name \"" + name + "\"; one is wrong.");
        }
        return full.or(() -> prefix);
    }

    private String checkUri(URI uri) {
        Objects.requireNonNull(uri, "uri");
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        switch (scheme) {
            case "https", "file" -> { }
            case "http" -> {
                if (!options.allowPlainHttp()) {
                    throw new DownloadException(Redaction.withoutUserInfo(uri), "Plain http is not allowed for "
                            + Redaction.forDisplay(uri) + ": use https, or allow plain http explicitly"
                            + " (DownloadOptions.allowPlainHttp(true)) and give a SHA-256.", null);
                }
            }
            default -> throw new IllegalArgumentException("Cannot download \"" + uri + "\": use an absolute https:"
                    + " or file: URL (http: only when allowed explicitly).");
        }
        if (!scheme.equals("file") && uri.getHost() == null) {
            throw new IllegalArgumentException("Cannot download \"" + uri + "\": the URL has no host.");
        }
        return scheme;
    }

    private static OfflineException offlineMiss(URI uri, CacheLayout layout) {
        return new OfflineException("Offline: " + Redaction.forDisplay(uri) + " is not in the cache (it would be "
                + layout.target() + "). Download it once while online (jhub download URL), copy the file to that"
                + " path, or turn offline mode off (JHUB_OFFLINE).");
    }
}
