package io.jhub.cli.internal;

import io.jhub.api.GitHost;
import io.jhub.core.RepoSpec;
import java.util.List;

/** {@code jhub trust <repo>}: adds a repository on a host to the trusted list. */
final class TrustCommand implements Command {
    private static final Spec SPEC = new Spec("trust", "<repo>", "add a repository to the trusted list",
            List.of("host"), 1, 1, """
            The trusted list holds host/owner/name: a repository is trusted on the host it was added for (--host,
            or the host of an https:// or git@ address, else the default host). jhub trust ls lists it, jhub trust
            rm removes from it.""");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        Target t = Target.of(in);
        boolean added = in.hub().trust(t.repo(), t.host().toString());
        in.out().println((added ? "trusted " : "already trusted ") + t.host() + "/" + t.repo());
    }

    /** The repository and host a trust command names. */
    record Target(String repo, GitHost host) {
        static Target of(Invocation in) {
            RepoSpec spec = RepoArgs.spec(in, in.args().word(0, "a repository (owner/name)"));
            GitHost host = in.args().option("host").map(h -> RepoArgs.usage(() -> GitHost.parse(h)))
                    .or(spec::host).orElseGet(() -> in.hub().defaultHost());
            return new Target(spec.repo().path(), host);
        }
    }
}
