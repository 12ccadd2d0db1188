package io.jhub.cli;

import io.jhub.cli.internal.Cli;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the {@code jhub} command in this JVM (not at a terminal) and captures its status and both streams. */
final class InProcessJhub {
    /** The hubconf of the test repository alice/tools that several CLI tests serve from a local git root. */
    static final String TOOLS_HUBCONF = """
            package hub.tools;

            /** Tools. */
            public final class hubconf {
                private hubconf() {
                }

                /**
                 * Adds two numbers.
                 *
                 * @param a the first
                 * @param b the second
                 * @return the sum
                 */
                public static long add(long a, long b) {
                    return a + b;
                }
            }
            """;

    /** What one run gave: the exit status, standard output and standard error. */
    record Run(int status, String out, String err) {
    }

    private InProcessJhub() {
    }

    /**
     * Runs one command line with {@code --cache-dir cache} and {@code extra} appended.
     *
     * @param cache the cache directory
     * @param extra options every run of the calling test adds
     * @param args the command line
     * @return the result
     */
    static Run run(Path cache, List<String> extra, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        List<String> all = new ArrayList<>(List.of(args));
        all.addAll(List.of("--cache-dir", cache.toString()));
        all.addAll(extra);
        int status = new Cli(new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), false).run(all.toArray(String[]::new));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }
}
