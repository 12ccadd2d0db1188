package io.jhub.testkit;

import io.jhub.api.FetchException;
import io.jhub.api.spi.FetchContext;
import io.jhub.api.spi.FetchRequest;
import io.jhub.api.spi.RepoFetcher;
import io.jhub.api.spi.Resolution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fetcher for tests that serves git repositories from a local directory ({@code <root>/<owner>/<name>}) with
 * the real {@code git}: refs resolved with {@code git rev-parse}, trees written by {@code git archive} piped
 * into {@code tar}. Counts its calls so tests can assert that the cache avoided work.
 */
public final class GitDirFetcher implements RepoFetcher {
    private final String protocol;
    private final Path root;
    private final AtomicInteger resolves = new AtomicInteger();
    private final AtomicInteger fetches = new AtomicInteger();
    private volatile RuntimeException failNextFetch;
    private volatile boolean resolvesBeforeFetch = true;

    /**
     * Creates the fetcher.
     *
     * @param protocol the protocol name to register under
     * @param root the directory holding {@code <owner>/<name>} repositories
     */
    public GitDirFetcher(String protocol, Path root) {
        this.protocol = protocol;
        this.root = root;
    }

    @Override
    public String protocol() {
        return protocol;
    }

    @Override
    public String description() {
        return "git repositories under " + root + " (tests)";
    }

    /**
     * Makes the next fetch write part of the tree and then throw {@code failure}.
     *
     * @param failure what to throw
     */
    public void failNextFetch(RuntimeException failure) {
        this.failNextFetch = failure;
    }

    /**
     * Makes {@link #resolve} answer {@link Resolution#unknown()}, like a transport that learns the commit only
     * by fetching.
     *
     * @param value false to resolve only while fetching
     */
    public void resolvesBeforeFetch(boolean value) {
        this.resolvesBeforeFetch = value;
    }

    /**
     * Returns how many times {@link #resolve} was called.
     *
     * @return the count
     */
    public int resolves() {
        return resolves.get();
    }

    /**
     * Returns how many times {@link #fetch} was called.
     *
     * @return the count
     */
    public int fetches() {
        return fetches.get();
    }

    @Override
    public Resolution resolve(FetchRequest request, FetchContext context) {
        resolves.incrementAndGet();
        return resolvesBeforeFetch ? revParse(request) : Resolution.unknown();
    }

    private Resolution revParse(FetchRequest request) {
        String rev = request.revision().orElse("HEAD");
        Processes.Result r = Processes.exec(dir(request), Map.of(), List.of("git", "rev-parse", "--verify", "-q",
                rev + "^{commit}"));
        if (r.exitCode() != 0) {
            throw new FetchException("no revision " + rev + " in " + request.repo());
        }
        return Resolution.of(r.stdout().trim());
    }

    @Override
    public Resolution fetch(FetchRequest request, Path target, FetchContext context) {
        fetches.incrementAndGet();
        Resolution resolved = request.commit().map(Resolution::of).orElseGet(() -> revParse(request));
        String commit = resolved.commit().orElseThrow();
        Processes.Result r = Processes.exec(dir(request), Map.of(), List.of("sh", "-c",
                "git archive --format=tar " + commit + " | tar -x -C '" + target + "'"));
        if (r.exitCode() != 0) {
            throw new FetchException("git archive failed: " + r.stderr());
        }
        RuntimeException failure = failNextFetch;
        if (failure != null) {
            failNextFetch = null;
            throw failure;
        }
        return resolved;
    }

    private Path dir(FetchRequest request) {
        Path dir = root.resolve(request.repo().owner()).resolve(request.repo().name());
        if (!Files.isDirectory(dir)) {
            throw new FetchException("no repository " + request.repo().path() + " under " + root);
        }
        return dir;
    }
}
