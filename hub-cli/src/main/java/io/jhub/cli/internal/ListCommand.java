package io.jhub.cli.internal;

import io.jhub.core.HubRepo;
import java.util.List;

/** {@code jhub list <repo-or-dir>}: the entries of a hub repository, one a line. */
final class ListCommand implements Command {
    private static final Spec SPEC = new Spec("list", "<repo-or-dir>", "list the entries of a hub repository",
            Options.concat(Options.RUN, List.of("json")), 1, 1, "");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        HubRepo r = RepoArgs.repo(in, 0);
        List<String> entries = r.list();
        if (in.json()) {
            in.printJson(JsonValues.object("repo", r.toString(), "entries", entries));
        } else {
            entries.forEach(in.out()::println);
        }
    }
}
