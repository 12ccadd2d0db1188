package io.jhub.cli.internal;

import io.jhub.api.LockMismatchException;
import io.jhub.core.Hub;
import io.jhub.core.Lockfile;
import java.nio.file.Path;
import java.util.List;

/**
 * {@code jhub verify [--lockfile F]}: re-hashes every tree and weights file the lockfile records and prints each
 * file that differs; exits 1 when any does.
 */
final class VerifyCommand implements Command {
    private static final Spec SPEC = new Spec("verify", "", "re-hash what the lockfile records in the cache",
            List.of("lockfile"), 0, 0, """
            Ignores the stamps that make locked loads cheap: every recorded tree and weights file in the cache is
            hashed again. Prints each file that differs and each record not in the cache; exit status 1 if any.""");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        Hub hub = in.hub();
        Path file = LockCommand.lockfilePath(in.args());
        Lockfile lock = Lockfile.read(file);
        List<String> problems = hub.verify(lock);
        problems.forEach(in.out()::println);
        if (!problems.isEmpty()) {
            throw new LockMismatchException("jhub verify: " + problems.size() + " difference(s) between the cache "
                    + hub.cacheDir() + " and " + file + " (listed above). Remove the repositories or files named"
                    + " (jhub cache rm <repo>) and fetch them again with --locked.");
        }
        in.out().println("verified " + lock.repos().size() + " repositories and " + lock.weights().size()
                + " weights files in " + hub.cacheDir() + " against " + file);
    }
}
