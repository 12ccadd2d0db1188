package io.jhub.cli;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs a shell command line inside a real pseudo-terminal ({@code script} from util-linux) and collects what the
 * terminal shows, so a test can wait for a text to appear while the command still runs.
 */
final class PtyRun implements AutoCloseable {
    private static final long TIMEOUT_MILLIS = 120_000;

    private final Process process;
    private final StringBuilder seen = new StringBuilder();
    private final Thread pump;

    private PtyRun(Process process) {
        this.process = process;
        this.pump = new Thread(this::pump, "pty-pump");
        pump.setDaemon(true);
        pump.start();
    }

    /** @return whether {@code script} is there to make a pseudo-terminal */
    static boolean available() {
        return Files.isExecutable(Path.of("/usr/bin/script")) || Files.isExecutable(Path.of("/bin/script"));
    }

    /**
     * Starts {@code sh -c shellLine} on a pseudo-terminal.
     *
     * @param dir working directory
     * @param env variables added to the environment
     * @param shellLine the command line
     * @return the running command
     */
    static PtyRun start(Path dir, Map<String, String> env, String shellLine) throws IOException {
        List<String> cmd = new ArrayList<>(List.of("script", "-q", "-e", "-c", shellLine, "/dev/null"));
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true);
        pb.environment().remove("COLUMNS");
        pb.environment().remove("NO_COLOR");
        pb.environment().put("TERM", "xterm");
        pb.environment().putAll(env);
        return new PtyRun(pb.start());
    }

    private void pump() {
        byte[] buf = new byte[8192];
        try (InputStream in = process.getInputStream()) {
            for (int n; (n = in.read(buf)) > 0; ) {
                synchronized (seen) {
                    seen.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                    seen.notifyAll();
                }
            }
        } catch (IOException ignored) {
            // the terminal closed
        } finally {
            synchronized (seen) {
                seen.append('\u0000'); // end marker: no more output
                seen.notifyAll();
            }
        }
    }

    /**
     * Waits until the terminal has shown {@code text}.
     *
     * @param text what to wait for
     * @throws AssertionError if the command ends or two minutes pass without it
     */
    void await(String text) throws InterruptedException {
        long deadline = System.currentTimeMillis() + TIMEOUT_MILLIS;
        synchronized (seen) {
            while (seen.indexOf(text) < 0) {
                long left = deadline - System.currentTimeMillis();
                if (seen.indexOf("\u0000") >= 0 || left <= 0) {
                    throw new AssertionError("the terminal never showed \"" + text + "\"; it showed:\n" + seen);
                }
                seen.wait(left);
            }
        }
    }

    /**
     * Waits for the command to end and returns everything the terminal showed.
     *
     * @return the output (the terminal turns each {@code \n} into {@code \r\n})
     * @throws AssertionError if it fails or takes more than two minutes
     */
    String finish() throws InterruptedException {
        if (!process.waitFor(TIMEOUT_MILLIS, TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError("timed out; the terminal showed:\n" + output());
        }
        pump.join(TIMEOUT_MILLIS);
        String out = output();
        if (process.exitValue() != 0) {
            throw new AssertionError("exit status " + process.exitValue() + "; the terminal showed:\n" + out);
        }
        return out;
    }

    private String output() {
        synchronized (seen) {
            return seen.toString().replace("\u0000", "");
        }
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }

    /**
     * Quotes a word for {@code sh}.
     *
     * @param word any text
     * @return the word in single quotes
     */
    static String quote(String word) {
        return "'" + word.replace("'", "'\\''") + "'";
    }
}
