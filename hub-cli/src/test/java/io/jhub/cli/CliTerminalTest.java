package io.jhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jhub.testkit.GitRepo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The trust prompt driven through a real pseudo-terminal ({@code script} from util-linux), with the launchers'
 * terminal test ({@code [ -t 0 ] && [ -t 2 ]} exporting JHUB_INTERACTIVE), and never without a terminal.
 */
class CliTerminalTest {
    @TempDir
    Path tmp;
    Path launcher;

    @BeforeEach
    void setUp() throws IOException {
        GitRepo.init(tmp.resolve("git/alice/tools")).write("hubconf.java", """
                package hub.tools;

                public final class hubconf {
                    private hubconf() {
                    }

                    /**
                     * Adds.
                     *
                     * @param a a
                     * @param b b
                     * @return the sum
                     */
                    public static long add(long a, long b) {
                        return a + b;
                    }
                }
                """).commit("tools");
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        // the same terminal test as ./jhub and the image's bin/jhub
        launcher = Files.writeString(tmp.resolve("jhub.sh"), String.join("\n",
                "#!/bin/sh",
                "if [ -t 0 ] && [ -t 2 ]; then export JHUB_INTERACTIVE=1; else export JHUB_INTERACTIVE=0; fi",
                "exec " + q(java) + " " + q("-Djhub.test.gitRoot=" + tmp.resolve("git")) + " -cp "
                        + q(System.getProperty("java.class.path")) + " io.jhub.cli.Main \"$@\" --cache-dir "
                        + q(tmp.resolve("cache").toString()),
                ""));
    }

    private static String q(String s) {
        return "'" + s.replace("'", "'\\''") + "'";
    }

    record Result(int status, String output) {
    }

    /** Runs the launcher under script(1), so stdin, stdout and stderr are a terminal, typing {@code input}. */
    Result inTerminal(String input, String args) throws Exception {
        assumeTrue(Files.isExecutable(Path.of("/usr/bin/script")), "script(1) from util-linux is not installed");
        return run(input, List.of("/usr/bin/script", "-q", "-e", "-c", "sh " + q(launcher.toString()) + " " + args,
                "/dev/null"));
    }

    Result run(String input, List<String> command) throws Exception {
        Path in = Files.writeString(tmp.resolve("stdin.txt"), input);
        Path out = tmp.resolve("out.txt");
        Process p = new ProcessBuilder(command).directory(tmp.toFile()).redirectInput(in.toFile())
                .redirectErrorStream(true).redirectOutput(out.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "the command did not end");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8));
    }

    @Test
    void yesTrustsRecordsAndRuns() throws Exception {
        Result r = inTerminal("y\n", "load alice/tools add 2 3 --protocol LOCALGIT");
        assertTrue(r.output().contains("Trust alice/tools on github.com? [y/N]"), r.output());
        assertEquals(0, r.status(), r.output());
        assertTrue(r.output().strip().endsWith("5"), r.output());
        assertTrue(Files.readString(tmp.resolve("cache/trusted_list")).contains("github.com/alice/tools"));
        Result again = inTerminal("", "load alice/tools add 4 5 --protocol LOCALGIT");
        assertFalse(again.output().contains("[y/N]"), "a trusted repository is not asked about: " + again.output());
        assertTrue(again.output().strip().endsWith("9"), again.output());
    }

    @Test
    void noRefusesWithTheHint() throws Exception {
        Result r = inTerminal("n\n", "load alice/tools add 2 3 --protocol LOCALGIT");
        assertTrue(r.output().contains("Trust alice/tools on github.com? [y/N]"), r.output());
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("jhub trust alice/tools"), r.output());
        assertFalse(Files.exists(tmp.resolve("cache/trusted_list")), "a no records nothing");
    }

    @Test
    void endOfInputRefuses() throws Exception {
        Result r = inTerminal("", "load alice/tools add 2 3 --protocol LOCALGIT");
        assertTrue(r.output().contains("[y/N]"), r.output());
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("not trusted"), r.output());
    }

    @Test
    void trustAndNoTrustDecideWithoutAsking() throws Exception {
        Result no = inTerminal("y\n", "load alice/tools add 2 3 --protocol LOCALGIT --no-trust");
        assertFalse(no.output().contains("[y/N]"), no.output());
        assertEquals(1, no.status(), no.output());
        Result yes = inTerminal("", "load alice/tools add 2 3 --protocol LOCALGIT --trust");
        assertFalse(yes.output().contains("[y/N]"), yes.output());
        assertEquals(0, yes.status(), yes.output());
    }

    @Test
    void neverAPromptWithoutATerminal() throws Exception {
        Result r = run("y\n", List.of("sh", launcher.toString(), "load", "alice/tools", "add", "2", "3",
                "--protocol", "LOCALGIT"));
        assertFalse(r.output().contains("[y/N]"), r.output());
        assertEquals(1, r.status(), r.output());
        assertTrue(r.output().contains("not trusted"), r.output());
    }
}
