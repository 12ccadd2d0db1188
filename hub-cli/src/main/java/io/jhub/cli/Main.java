package io.jhub.cli;

import io.jhub.api.ConsoleProgress;
import io.jhub.cli.internal.Cli;
import io.jhub.cli.internal.CliLoggerFinder;
import java.io.PrintStream;

/**
 * The {@code jhub} command. Run {@code jhub --help} for the commands and options. The launchers set
 * {@code JHUB_INTERACTIVE=1} when standard input and standard error are terminals; only then may it ask a question
 * (whether to trust a repository).
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
        CliLoggerFinder.activate(); // before anything logs: only the jhub command gets its one-line records
        PrintStream out = System.out;
        // JHUB_INTERACTIVE=1: the launchers saw a terminal on stdin and stderr ([ -t 0 ] && [ -t 2 ]), so jhub may
        // ask whether to trust a repository
        int status = new Cli(out, System.err, ConsoleProgress.standardErrorDraws())
                .interactive(System.in, "1".equals(System.getenv("JHUB_INTERACTIVE"))).run(args);
        out.flush();
        // on success the JVM ends by itself (shutdown hooks run as usual) unless an entry left threads running:
        // System.exit costs JDK 21+ about 10 ms more, as it sets up System.Logger to log the exit
        if (status != 0 || otherUserThreads()) {
            System.exit(status);
        }
    }

    private static boolean otherUserThreads() {
        ThreadGroup root = Thread.currentThread().getThreadGroup();
        while (root.getParent() != null) {
            root = root.getParent();
        }
        Thread[] threads = new Thread[root.activeCount() + 16];
        int n = root.enumerate(threads, true);
        for (int i = 0; i < n; i++) {
            Thread t = threads[i];
            if (t != Thread.currentThread() && !t.isDaemon() && t.isAlive()) {
                return true;
            }
        }
        return n == threads.length; // the array filled up: more threads than counted, so play safe
    }
}
