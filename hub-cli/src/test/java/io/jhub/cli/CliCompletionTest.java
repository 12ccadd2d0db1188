package io.jhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.Processes;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code jhub completion bash} run by the real bash: commands, options, settings, cached repos, entries. */
class CliCompletionTest {
    @TempDir
    static Path tmp;
    static Path script;
    static Path bin;

    @BeforeAll
    static void setUp() throws Exception {
        bin = Files.createDirectories(tmp.resolve("bin"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Path jhub = Files.writeString(bin.resolve("jhub"), "#!/bin/sh\nexec '" + java + "' -cp '"
                + System.getProperty("java.class.path") + "' io.jhub.cli.Main \"$@\"\n");
        jhub.toFile().setExecutable(true);
        Files.createDirectories(tmp.resolve("home/repos/github.com/alice/tools/0123abcd"));
        Files.writeString(tmp.resolve("home/repos/github.com/alice/tools/.lock"), "");
        Files.createDirectories(tmp.resolve("home/repos/git.example.org@8443/team/sub/models/4567"));
        Files.writeString(tmp.resolve("home/repos/git.example.org@8443/team/sub/models/.lock"), "");
        Files.createDirectories(tmp.resolve("empty"));
        script = Files.writeString(tmp.resolve("jhub.bash"), complete(List.of("completion", "bash")));
    }

    private static String complete(List<String> args) {
        List<String> cmd = new java.util.ArrayList<>(List.of(bin.resolve("jhub").toString()));
        cmd.addAll(args);
        Processes.Result r = Processes.exec(tmp, Map.of("JHUB_HOME", tmp.resolve("home").toString()), cmd);
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout();
    }

    /** The completions bash offers for the words, the last one being completed. */
    static List<String> offers(String... words) {
        StringBuilder arr = new StringBuilder("COMP_WORDS=(jhub");
        for (String w : words) {
            arr.append(" '").append(w).append("'");
        }
        arr.append("); COMP_CWORD=").append(words.length).append("; _jhub; printf '%s\\n' \"${COMPREPLY[@]}\"");
        // from an empty directory, so that the directories bash also offers are none
        Processes.Result r = Processes.exec(tmp.resolve("empty"), Map.of("PATH", bin + ":/usr/bin:/bin", "JHUB_HOME",
                tmp.resolve("home").toString()), List.of("bash", "-c", "source '" + script + "'; " + arr));
        assertEquals(0, r.exitCode(), r.stderr());
        return r.stdout().lines().filter(l -> !l.isEmpty()).sorted().toList();
    }

    @Test
    void commandsSubcommandsAndOptions() {
        assertEquals(List.of("list", "load", "lock"), offers("l"));
        assertEquals(List.of("ls", "rm"), offers("trust", "").stream().filter(s -> !s.contains("/")).toList());
        assertEquals(List.of("clean", "ls", "prune", "rm"), offers("cache", ""));
        assertEquals(List.of("--set", "--sha256"), offers("download", "x", "--s"));
        assertTrue(offers("load", "x", "--").containsAll(List.of("--arg", "--trust", "--no-trust", "--help")));
        assertTrue(offers("list", "x", "--set", "ssh.u").contains("ssh.user="), offers("list", "x", "--set", "ssh.").toString());
        assertEquals(List.of("bash", "zsh"), offers("completion", ""));
    }

    @Test
    void cachedReposAndTheEntriesOfALocalDirectory() {
        List<String> repos = offers("list", "");
        assertTrue(repos.containsAll(List.of("alice/tools", "team/sub/models")), repos.toString());
        assertEquals(List.of("alice/tools"), offers("fetch", "ali"));
        assertEquals(List.of("classify", "model"), offers("load", CliTest.EXAMPLE.toString(), ""));
    }

    @Test
    void zshGetsTheSameFunctionThroughBashcompinit() {
        String zsh = complete(List.of("completion", "zsh"));
        assertTrue(zsh.startsWith("#compdef jhub\n"), zsh);
        assertTrue(zsh.contains("bashcompinit") && zsh.contains("_jhub()") && zsh.contains("complete -o default -F"
                + " _jhub jhub"), zsh);
    }
}
