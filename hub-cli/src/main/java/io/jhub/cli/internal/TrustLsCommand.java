package io.jhub.cli.internal;

import java.util.ArrayList;
import java.util.List;

/** {@code jhub trust ls}: the trusted list, one {@code host/owner/name} a line. */
final class TrustLsCommand implements Command {
    private static final Spec SPEC = new Spec("trust ls", "", "list the trusted repositories", List.of("json"), 0, 0,
            "");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        List<String> trusted = in.hub().trustedRepos();
        if (!in.json()) {
            trusted.forEach(in.out()::println);
            return;
        }
        List<Object> rows = new ArrayList<>();
        for (String key : trusted) {
            int slash = key.indexOf('/');
            rows.add(JsonValues.object("host", key.substring(0, slash), "repo", key.substring(slash + 1)));
        }
        in.printJson(JsonValues.object("file", in.hub().trustedListFile().toString(), "trusted", rows));
    }
}
