package io.jhub.tests.support;

import io.jhub.testkit.Processes;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** A child JVM of the same JDK as the tests (so a JDK 25 test run tests JDK 25). */
public final class Child {
    private Child() {
    }

    /**
     * Returns the {@code java} launcher of the running JDK.
     *
     * @return the launcher's path
     */
    public static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    /**
     * Runs {@code java} with the given arguments in a directory, with extra environment variables.
     *
     * @param dir working directory
     * @param env variables to add
     * @param args the JVM's arguments
     * @return what it did
     */
    public static Processes.Result java(Path dir, Map<String, String> env, List<String> args) {
        List<String> cmd = new ArrayList<>();
        cmd.add(java());
        cmd.add("-Xshare:auto");
        cmd.add("-XX:TieredStopAtLevel=1");
        cmd.addAll(args);
        return Processes.exec(dir, env, cmd);
    }

    /**
     * Formats a result for an assertion message.
     *
     * @param r the result
     * @return exit code, stdout and stderr
     */
    public static String describe(Processes.Result r) {
        return "exit " + r.exitCode() + "\n--- stdout\n" + r.stdout() + "\n--- stderr\n" + r.stderr();
    }
}
