package io.jhub.cli.internal;

import java.util.List;
import java.util.Objects;

/**
 * One {@code jhub} command: its usage and the options it accepts ({@link #spec()}), and what it does
 * ({@link #run(Invocation)}). Commands are listed in {@link Commands#ALL}; adding one is a new class and one line
 * there.
 */
interface Command {

    /**
     * What the command is called, what it takes and how it is described.
     *
     * @param name the words that select it, such as {@code list} or {@code trust ls}
     * @param args its positional arguments as the usage shows them, such as {@code <repo-or-dir> <entry>}
     * @param summary one line for {@code jhub --help}
     * @param options the names of the options it takes besides {@link Options#GLOBAL}
     * @param minWords the fewest positional words it takes
     * @param maxWords the most, or {@link Integer#MAX_VALUE}
     * @param details more lines for {@code jhub <command> --help}, or ""
     */
    record Spec(String name, String args, String summary, List<String> options, int minWords, int maxWords,
            String details) {
        public Spec {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(args, "args");
            Objects.requireNonNull(summary, "summary");
            options = List.copyOf(options);
            Objects.requireNonNull(details, "details");
        }

        /** Tells whether the command takes an option (its own or a global one). */
        boolean accepts(String option) {
            return options.contains(option) || Options.GLOBAL.contains(option);
        }
    }

    /**
     * Returns the command's usage and options.
     *
     * @return the spec
     */
    Spec spec();

    /**
     * Runs the command; results go to {@link Invocation#out()}.
     *
     * @param in the parsed command line, the streams and the hub
     * @throws UsageException if the command line is wrong (exit status 2)
     */
    void run(Invocation in);
}
