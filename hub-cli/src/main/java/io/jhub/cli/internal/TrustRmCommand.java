package io.jhub.cli.internal;

import io.jhub.api.HubException;
import java.util.List;

/** {@code jhub trust rm <repo>}: removes a repository on a host from the trusted list. */
final class TrustRmCommand implements Command {
    private static final Spec SPEC = new Spec("trust rm", "<repo>", "remove a repository from the trusted list",
            List.of("host"), 1, 1, "");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        TrustCommand.Target t = TrustCommand.Target.of(in);
        String key = t.host() + "/" + t.repo();
        if (!in.hub().untrust(t.repo(), t.host().toString())) {
            throw new HubException(key + " is not in the trusted list (" + in.hub().trustedListFile()
                    + "); jhub trust ls shows what is.");
        }
        in.out().println("removed " + key + " from the trusted list");
    }
}
