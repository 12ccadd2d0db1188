package io.jhub.core.internal.compile;

import io.jhub.api.CacheException;
import io.jhub.http.internal.cache.CacheFiles;
import io.jhub.http.internal.cache.CacheLock;
import io.jhub.http.internal.cache.UseStamps;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;

/**
 * Compiled hub repositories on disk, one directory per content key: {@code <root>/<key>/hub.properties} and
 * {@code <root>/<key>/classes/}. An entry is built in a private staging directory and renamed into place under
 * a cross-process lock, so a reader sees a complete entry or none; an entry that fails verification (partial,
 * damaged, foreign) is moved aside and rebuilt.
 */
public final class CompiledCache {
    private final Path root;
    private final List<Path> readOnly;

    /**
     * An entry ready to use.
     *
     * @param dir the installed entry directory
     * @param repo its metadata
     * @param compiledNow whether this call compiled it
     */
    public record Entry(Path dir, CompiledRepo repo, boolean compiledNow) {
        /**
         * Returns the class files directory.
         *
         * @return {@code dir/classes}
         */
        public Path classes() {
            return CompiledRepo.classesOf(dir);
        }
    }

    /**
     * Uses {@code root} for compiled entries (created when first needed).
     *
     * @param root the compiled-cache directory
     */
    public CompiledCache(Path root) {
        this(root, List.of());
    }

    /**
     * Uses {@code root} for compiled entries, and looks in prepared read-only compiled caches first.
     *
     * @param root the compiled-cache directory
     * @param readOnly compiled-cache directories of read-only layers, searched in order before {@code root};
     *     nothing there is ever written, locked or touched
     */
    public CompiledCache(Path root, List<Path> readOnly) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath().normalize();
        this.readOnly = List.copyOf(readOnly);
    }

    /**
     * Marks an entry of the writable cache as used now and in use by this process for its lifetime, so no
     * eviction takes it away (an entry of a read-only layer is left untouched).
     *
     * @param entry the entry about to be loaded
     * @return false if the entry vanished before it could be marked (evicted meanwhile): obtain it again
     */
    public boolean hold(Entry entry) {
        if (!entry.dir().startsWith(root)) {
            return true;
        }
        Path stamp = root.resolve(entry.dir().getFileName() + ".used");
        UseStamps.touch(stamp);
        UseStamps.hold(stamp);
        return Files.isRegularFile(entry.dir().resolve(CompiledRepo.METADATA));
    }

    /**
     * Returns the entry for {@code key} if it is installed and intact, without locking.
     *
     * @param key the content key
     * @return the entry, or empty
     */
    public Optional<Entry> lookup(String key) {
        for (Path layer : readOnly) {
            Optional<CompiledRepo> prepared = CompiledRepo.readVerified(layer.resolve(key), key);
            if (prepared.isPresent()) {
                return Optional.of(new Entry(layer.resolve(key), prepared.get(), false));
            }
        }
        Path dir = root.resolve(key);
        Optional<CompiledRepo> repo = CompiledRepo.readVerified(dir, key);
        return repo.isPresent() ? Optional.of(new Entry(dir, repo.get(), false)) : Optional.empty();
    }

    /**
     * Returns the entry for {@code key}, compiling it when missing or damaged. Concurrent callers (threads or
     * processes) wait for one compilation.
     *
     * @param key the content key
     * @param compiler compiles into the given empty classes directory and returns the metadata
     * @return the installed entry
     * @throws CacheException if the cache cannot be written
     */
    public Entry obtain(String key, Function<Path, CompiledRepo> compiler) {
        Optional<Entry> hit = lookup(key);
        if (hit.isPresent()) {
            return hit.get();
        }
        Path dir = root.resolve(key);
        try (CacheLock lock = CacheLock.acquire(root.resolve(key + ".lock"))) {
            hit = lookup(key);
            if (hit.isPresent()) {
                return hit.get();
            }
            removeOrphans(key);
            if (Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                Log.LOG.log(Level.WARNING, "Ignoring damaged compiled-cache entry {0}; rebuilding it", dir);
                Path aside = CacheFiles.stagingFor(dir);
                Files.move(dir, aside);
                CacheFiles.deleteQuietly(aside);
            }
            Path staging = CacheFiles.stagingFor(dir);
            try {
                Path classes = Files.createDirectories(CompiledRepo.classesOf(staging));
                CompiledRepo repo = compiler.apply(classes);
                repo.write(staging, key);
                CacheFiles.moveIntoPlace(staging, dir);
                return new Entry(dir, repo, true);
            } finally {
                CacheFiles.deleteQuietly(staging);
            }
        } catch (IOException e) {
            throw new CacheException("Cannot write the compiled cache entry " + dir + ": " + e.getMessage()
                    + ". Check that the cache directory is writable (set JHUB_HOME to move it).", e);
        }
    }

    /**
     * Deletes staging directories of {@code key} left by killed processes. Safe only under the key's lock: a
     * live staging directory exists only while its builder holds that lock.
     */
    private void removeOrphans(String key) throws IOException {
        String prefix = CacheFiles.STAGING_PREFIX + key + "-";
        try (DirectoryStream<Path> ds = Files.newDirectoryStream(root, prefix + "*")) {
            for (Path orphan : ds) {
                Log.LOG.log(Level.DEBUG, "Removing orphan staging directory {0}", orphan);
                CacheFiles.deleteQuietly(orphan);
            }
        }
    }

    /** Holds the logger, so that a load which logs nothing never pays for finding the logging backend. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("io.jhub.core.compile");
    }
}
