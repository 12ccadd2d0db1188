package io.jhub.cli;

import io.jhub.cli.internal.Cli;
import java.io.PrintStream;

/**
 * The {@code jhub} command. Run {@code jhub --help} for the commands and options.
 *
 * @since 0.1
 */
public final class Main {
    private Main() {
    }

    /**
     * Runs the command and exits with its status: 0 on success, 1 on an error, 2 on a usage error.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        PrintStream out = System.out;
        int status = new Cli(out, System.err, System.console() != null).run(args);
        out.flush();
        System.exit(status);
    }
}
