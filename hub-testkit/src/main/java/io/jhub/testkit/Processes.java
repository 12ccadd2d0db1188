package io.jhub.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs external commands (git, keytool, java) for tests and fails loudly with their output. */
public final class Processes {
    private Processes() {
    }

    /**
     * The outcome of a finished command.
     *
     * @param exitCode the exit status
     * @param stdout standard output, UTF-8
     * @param stderr standard error, UTF-8
     */
    public record Result(int exitCode, String stdout, String stderr) {
    }

    /**
     * Runs a command and requires exit status 0.
     *
     * @param dir working directory
     * @param command the command and its arguments
     * @return standard output
     */
    public static String run(Path dir, String... command) {
        Result r = exec(dir, Map.of(), List.of(command));
        if (r.exitCode() != 0) {
            throw new IllegalStateException("command failed (" + r.exitCode() + "): " + String.join(" ", command)
                    + "\nstdout: " + r.stdout() + "\nstderr: " + r.stderr());
        }
        return r.stdout();
    }

    /**
     * Runs a command with extra environment variables and returns whatever it did; waits at most 5 minutes.
     *
     * @param dir working directory
     * @param env variables to add to the environment
     * @param command the command and its arguments
     * @return the result
     */
    public static Result exec(Path dir, Map<String, String> env, List<String> command) {
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().putAll(env);
        try {
            Process p = pb.start();
            p.getOutputStream().close();
            var err = new java.io.ByteArrayOutputStream();
            Thread errPump = new Thread(() -> {
                try {
                    p.getErrorStream().transferTo(err);
                } catch (IOException ignored) {
                    // the process ended
                }
            });
            errPump.start();
            byte[] out = p.getInputStream().readAllBytes();
            if (!p.waitFor(5, TimeUnit.MINUTES)) {
                p.destroyForcibly();
                throw new IllegalStateException("command timed out: " + command);
            }
            errPump.join();
            return new Result(p.exitValue(), new String(out, StandardCharsets.UTF_8),
                    err.toString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
