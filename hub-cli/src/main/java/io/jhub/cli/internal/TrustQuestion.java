package io.jhub.cli.internal;

import io.jhub.api.GitHost;
import io.jhub.core.TrustPrompt;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.PrintStream;
import java.util.Locale;

/**
 * The {@code jhub} command's {@link TrustPrompt}: asks {@code Trust owner/repo on host? [y/N]} on standard error
 * and reads one line from standard input; only {@code y} or {@code yes} trusts, end of input refuses. The CLI
 * installs it only when standard input and standard error are both terminals and neither {@code --trust} nor
 * {@code --no-trust} was given.
 */
final class TrustQuestion implements TrustPrompt {
    private final BufferedReader in;
    private final PrintStream err;
    private final Runnable beforeAsking;

    TrustQuestion(BufferedReader in, PrintStream err, Runnable beforeAsking) {
        this.in = in;
        this.err = err;
        this.beforeAsking = beforeAsking;
    }

    @Override
    public boolean trust(String repo, GitHost host) {
        beforeAsking.run();
        err.print("Trust " + repo + " on " + host + "? [y/N] ");
        err.flush();
        String answer;
        try {
            answer = in.readLine();
        } catch (IOException e) {
            answer = null;
        }
        if (answer == null) {
            err.println();
            return false;
        }
        String a = answer.strip().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes");
    }
}
