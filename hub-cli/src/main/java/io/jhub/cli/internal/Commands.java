package io.jhub.cli.internal;

import java.util.List;
import java.util.Optional;

/**
 * The registry of {@code jhub} commands, in the order {@code jhub --help} lists them. Adding a command is one new
 * {@link Command} class and one line here.
 */
final class Commands {
    static final List<Command> ALL = List.of(
            new ListCommand(),
            new HelpCommand(),
            new LoadCommand(),
            new FetchCommand(),
            new TrustCommand(),
            new TrustLsCommand(),
            new TrustRmCommand(),
            new ProtocolsCommand(),
            new CacheCommands.Ls(),
            new CacheCommands.Rm(),
            new CacheCommands.Clean(),
            new CacheCommands.Prune(),
            new DownloadCommand(),
            new LockCommand(),
            new VerifyCommand(),
            new InitCommand(),
            new CheckCommand(),
            new VersionCommand(),
            new CompletionCommand());

    private Commands() {
    }

    /**
     * Finds the command the leading words name: a two-word name ({@code trust ls}) before a one-word one.
     *
     * @param words the positional words of the command line
     * @return the command, or empty when the words name none
     */
    static Optional<Command> match(List<String> words) {
        if (words.size() >= 2) {
            Optional<Command> two = byName(words.get(0) + " " + words.get(1));
            if (two.isPresent()) {
                return two;
            }
        }
        return words.isEmpty() ? Optional.empty() : byName(words.get(0));
    }

    static Optional<Command> byName(String name) {
        // a loop, not a stream: this runs on every start, where each lambda's first use costs time
        for (Command c : ALL) {
            if (c.spec().name().equals(name)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    /** The names a user may type first: every one-word name and the first word of two-word ones. */
    static List<String> firstWords() {
        return ALL.stream().map(c -> c.spec().name().split(" ")[0]).distinct().toList();
    }

    /** The commands whose name starts with {@code group + " "}, such as the {@code cache} ones. */
    static List<Command> group(String group) {
        return ALL.stream().filter(c -> c.spec().name().startsWith(group + " ")).toList();
    }
}
