package io.jhub.cli.internal;

import io.jhub.api.LockMismatchException;
import io.jhub.core.Hub;
import io.jhub.core.Lockfile;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code jhub verify [--lockfile F]}: re-hashes every tree and weights file the lockfile records and prints each
 * file that differs; exits 1 when any does.
 */
final class VerifyCommand {
    private VerifyCommand() {
    }

    static void run(Hub hub, CliArgs cli, PrintStream out) {
        Path file = LockCommand.lockfilePath(cli);
        Lockfile lock = Lockfile.read(file);
        List<String> problems = hub.verify(lock);
        problems.forEach(out::println);
        if (!problems.isEmpty()) {
            throw new LockMismatchException("jhub verify: " + problems.size() + " difference(s) between the cache "
                    + hub.cacheDir() + " and " + file + " (listed above). Remove the repositories or files named"
                    + " (jhub cache rm <repo>) and fetch them again with --locked.");
        }
        out.println("verified " + lock.repos().size() + " repositories and " + lock.weights().size()
                + " weights files in " + hub.cacheDir() + " against " + file);
    }
}
