package io.jhub.cli.internal;

import io.jhub.core.HubRepo;
import io.jhub.core.RefreshPolicy;
import java.nio.file.Path;
import java.util.List;

/** {@code jhub fetch <repo>}: brings the tree into the cache without running anything; prints its path. */
final class FetchCommand implements Command {
    private static final Spec SPEC = new Spec("fetch", "<repo>", "fetch into the cache only; prints the tree's path",
            Options.concat(Options.REPO, List.of("json")), 1, 1, "Fetching runs no code and needs no trust.");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        HubRepo r = RepoArgs.repo(in, 0);
        if (in.args().flag("verbose")) {
            in.err().println("refresh policy: " + in.hub().refreshPolicy() + " (" + RefreshPolicy.SETTING
                    + ", --refresh)");
            in.hub().lockFile().ifPresent(f -> in.err().println("locked to: " + f));
        }
        Path tree = r.fetch();
        if (in.json()) {
            boolean remote = in.remoteRepo().isPresent();
            in.printJson(JsonValues.object("repo", r.toString(),
                    "host", remote ? in.remoteHost().orElseThrow().toString() : null,
                    "commit", remote ? tree.getFileName().toString() : null,
                    "path", tree.toString()));
        } else {
            in.out().println(tree);
        }
    }
}
