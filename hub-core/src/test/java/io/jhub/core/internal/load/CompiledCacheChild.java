package io.jhub.core.internal.load;

import io.jhub.core.HubModule;
import java.nio.file.Path;

/**
 * Run in a child JVM by {@link CompiledCacheTest}: loads a repository with a compiled cache and prints how many
 * COMPILE events it saw and what the entry returned.
 */
public final class CompiledCacheChild {
    private CompiledCacheChild() {
    }

    /**
     * Loads {@code args[1]} with the compiled cache {@code args[0]} and calls entry {@code args[2]}.
     *
     * @param args cache root, repository, entry
     */
    public static void main(String[] args) {
        TestRepos.Recorder progress = new TestRepos.Recorder();
        HubModule hub = new RepoLoader(Path.of(args[0]), progress).load(Path.of(args[1]), "hubconf.java", "child",
                TestRepos.OWNER);
        Object result = hub.invoke(args[2]);
        System.out.println("compiles=" + progress.compiles());
        System.out.println("result=" + result);
    }
}
