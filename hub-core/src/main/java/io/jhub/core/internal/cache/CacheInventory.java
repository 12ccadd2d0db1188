package io.jhub.core.internal.cache;

import io.jhub.api.CacheException;
import io.jhub.http.internal.cache.CacheFiles;
import io.jhub.http.internal.download.CacheLayout;
import io.jhub.http.internal.download.VerifiedRecord;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Lists the removable entries of a writable cache: trees under {@code repos/}, compiled classes under
 * {@code compiled/}, weights under {@code weights/}, each with its size and last use. Staging and trash
 * entries are never listed.
 */
public final class CacheInventory {
    private final Path root;

    /**
     * Creates the inventory of a cache.
     *
     * @param cacheRoot the cache's root directory
     */
    public CacheInventory(Path cacheRoot) {
        this.root = cacheRoot;
    }

    /**
     * Scans the cache.
     *
     * @return every entry: trees sorted by repository and commit, then compiled classes, then weights
     * @throws CacheException if the cache cannot be read
     */
    public List<CacheEntry> scan() {
        try {
            List<CacheEntry> out = new ArrayList<>();
            trees(out);
            compiled(out);
            weights(out);
            return out;
        } catch (IOException | UncheckedIOException e) {
            throw new CacheException("Cannot list the cache at " + root + ": " + e.getMessage()
                    + ". Check that it is readable.", e);
        }
    }

    private void trees(List<CacheEntry> out) throws IOException {
        RepoCache repos = new RepoCache(root);
        for (RepoCache.Entry repo : repos.list()) {
            for (String commit : repo.commits()) {
                Path tree = repo.dir().resolve(commit);
                Path marker = RepoCache.markerOf(tree);
                out.add(new CacheEntry(CacheEntry.Kind.TREE, repo.key(), commit, tree, RepoCache.stampOf(tree),
                        repo.dir().resolve(RepoCache.LOCK), List.of(marker, StampFiles.fileOf(tree),
                        TreeSizes.fileOf(tree)), TreeSizes.of(tree),
                        lastUsed(RepoCache.stampOf(tree), tree), Optional.empty(), Optional.empty(),
                        !Files.exists(marker)));
            }
        }
    }

    private void compiled(List<CacheEntry> out) throws IOException {
        Path dir = root.resolve("compiled");
        for (Path p : children(dir)) {
            String key = p.getFileName().toString();
            if (key.matches("[0-9a-f]{32}") && Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                Path stamp = dir.resolve(key + ".used");
                out.add(new CacheEntry(CacheEntry.Kind.COMPILED, "", key, p, stamp, dir.resolve(key + ".lock"),
                        List.of(), size(p), lastUsed(stamp, p), Optional.empty(), Optional.empty(), true));
            }
        }
    }

    private void weights(List<CacheEntry> out) throws IOException {
        Path dir = root.resolve(CacheLayout.WEIGHTS);
        for (Path p : children(dir)) {
            String name = p.getFileName().toString();
            if (name.startsWith(".") || !Files.isRegularFile(p, LinkOption.NOFOLLOW_LINKS)) {
                continue;
            }
            CacheLayout layout = new CacheLayout(dir, name);
            Optional<String> sha = VerifiedRecord.read(layout.record()).filter(r -> r.describes(p))
                    .flatMap(VerifiedRecord::sha256);
            out.add(new CacheEntry(CacheEntry.Kind.WEIGHTS, "", name, p, layout.lastUse(), layout.lock(),
                    List.of(layout.record(), layout.urlRecord()), Files.size(p), lastUsed(layout.lastUse(), p),
                    CacheFiles.readIfExists(layout.urlRecord()).filter(s -> !s.isEmpty()), sha, true));
        }
    }

    private static List<Path> children(Path dir) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> s = Files.list(dir)) {
            return s.sorted(Comparator.comparing(Path::toString)).toList();
        }
    }

    /** The bytes of the regular files under {@code path}, links not followed. */
    static long size(Path path) throws IOException {
        long[] total = {0};
        Files.walkFileTree(path, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                total[0] += attrs.isRegularFile() ? attrs.size() : 0;
                return FileVisitResult.CONTINUE;
            }
        });
        return total[0];
    }

    private static Instant lastUsed(Path stamp, Path entry) throws IOException {
        try {
            return Files.getLastModifiedTime(stamp).toInstant();
        } catch (IOException e) {
            return Files.getLastModifiedTime(entry, LinkOption.NOFOLLOW_LINKS).toInstant();
        }
    }
}
