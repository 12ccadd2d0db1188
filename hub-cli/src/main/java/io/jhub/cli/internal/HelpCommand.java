package io.jhub.cli.internal;

import io.jhub.core.HubRepo;
import java.util.List;
import java.util.Optional;

/**
 * {@code jhub help}: the usage alone, a command's usage ({@code jhub help list}), or an entry's documentation
 * ({@code jhub help <repo-or-dir> <entry>}).
 */
final class HelpCommand implements Command {
    private static final Spec SPEC = new Spec("help", "[<command> | <repo-or-dir> <entry>]",
            "show the usage, a command's usage, or an entry's documentation",
            Options.concat(Options.RUN, List.of("json")), 0, 2, """
            Without arguments: the usage of jhub. With a command name (such as help trust ls): that command's
            usage. With a repository and an entry: the entry's documentation (its Javadoc).""");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        List<String> words = in.args().words();
        if (words.isEmpty()) {
            if (in.json()) {
                in.printJson(Usage.json());
            } else {
                in.out().print(Usage.global());
            }
            return;
        }
        Optional<Command> command = Commands.match(words).filter(c -> c.spec().name().split(" ").length
                == words.size());
        if (command.isPresent()) {
            in.out().print(Usage.of(command.get().spec()));
            return;
        }
        if (words.size() == 1 && !Commands.group(words.get(0)).isEmpty()) {
            in.out().print(Usage.group(words.get(0), Commands.group(words.get(0))));
            return;
        }
        if (words.size() == 1) {
            throw new UsageException("help takes a command name, or a repository and an entry; \""
                    + words.get(0) + "\" is no command" + io.jhub.core.Suggestions.nearest(words.get(0),
                    Commands.firstWords()).map(s -> " (did you mean " + s + "?)").orElse("")
                    + ": give an entry too for its documentation");
        }
        HubRepo r = RepoArgs.repo(in, 0);
        String entry = words.get(1);
        String doc = r.help(entry);
        if (in.json()) {
            in.printJson(JsonValues.object("repo", r.toString(), "entry", entry, "doc", doc));
        } else {
            in.out().println(doc);
        }
    }
}
