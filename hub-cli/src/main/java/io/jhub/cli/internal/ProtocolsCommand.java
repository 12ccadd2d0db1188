package io.jhub.cli.internal;

import java.util.List;

/** {@code jhub protocols}: the installed fetchers, one {@code NAME<tab>description} a line. */
final class ProtocolsCommand implements Command {
    private static final Spec SPEC = new Spec("protocols", "", "list the installed fetchers", List.of(), 0, 0, "");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        in.hub().protocols().forEach((name, description) -> in.out().println(name + "\t" + description));
    }
}
