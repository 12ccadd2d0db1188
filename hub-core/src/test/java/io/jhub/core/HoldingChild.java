package io.jhub.core;

import io.jhub.testkit.GitDirFetcher;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * Run in a child JVM by {@link CacheEvictionTest}: loads a pinned commit (so this process uses its tree and compiled
 * classes), prints {@code holding <tree>}, and keeps the layer until its standard input ends.
 */
public final class HoldingChild {
    private HoldingChild() {
    }

    /**
     * Loads and holds.
     *
     * @param args cache directory, directory of the origin repositories, commit, and optionally a weights URL to
     *     download and hold too
     * @throws IOException if standard input fails
     */
    public static void main(String[] args) throws IOException {
        Hub hub = Hub.builder().cacheDir(Path.of(args[0])).fetcher(new GitDirFetcher("GITDIR", Path.of(args[1])))
                .serviceLoading(false).protocol("GITDIR").gitHost("git.example.org").environment(Map.of())
                .trustPolicy(TrustPolicy.TRUST_ALL).build();
        HubModule module = hub.repo("alice/demo").commit(args[2]).importModule();
        if (args.length > 3) {
            hub.download(java.net.URI.create(args[3]), io.jhub.http.download.DownloadOptions.defaults());
        }
        System.out.println("holding " + module.invoke("hello", "child"));
        System.out.flush();
        while (System.in.read() >= 0) {
            // keep the layer until the parent closes our input
        }
    }
}
