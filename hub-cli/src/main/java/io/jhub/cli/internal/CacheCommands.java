package io.jhub.cli.internal;

import io.jhub.core.CachedRepo;
import java.util.List;

/** {@code jhub cache ls|rm|clean}: show or empty the cache. */
final class CacheCommands {
    private CacheCommands() {
    }

    /** {@code jhub cache ls}. */
    static final class Ls implements Command {
        private static final Spec SPEC = new Spec("cache ls", "", "list the cached repositories", List.of(), 0, 0,
                "");

        @Override
        public Spec spec() {
            return SPEC;
        }

        @Override
        public void run(Invocation in) {
            for (CachedRepo r : in.hub().cachedRepos()) {
                in.out().println(r.key() + "\t" + String.join(",", r.commits()) + "\t" + r.dir());
            }
        }
    }

    /** {@code jhub cache rm <repo>}. */
    static final class Rm implements Command {
        private static final Spec SPEC = new Spec("cache rm", "<repo>", "remove a repository's trees from the cache",
                List.of("host"), 1, 1, "");

        @Override
        public Spec spec() {
            return SPEC;
        }

        @Override
        public void run(Invocation in) {
            String repo = in.args().word(0, "a repository (owner/name)");
            boolean removed = in.args().option("host").map(h -> in.hub().removeFromCache(repo, h))
                    .orElseGet(() -> in.hub().removeFromCache(repo));
            in.out().println(removed ? "removed " + repo : repo + " is not in the cache");
        }
    }

    /** {@code jhub cache clean}. */
    static final class Clean implements Command {
        private static final Spec SPEC = new Spec("cache clean", "", "empty the cache (the trusted list stays)",
                List.of(), 0, 0, "");

        @Override
        public Spec spec() {
            return SPEC;
        }

        @Override
        public void run(Invocation in) {
            in.hub().cleanCache();
            in.out().println("cleaned " + in.hub().cacheDir());
        }
    }
}
