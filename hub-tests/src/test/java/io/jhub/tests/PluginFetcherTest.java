package io.jhub.tests;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.GitRepo;
import io.jhub.testkit.Processes;
import io.jhub.tests.support.Artifacts;
import io.jhub.tests.support.Child;
import io.jhub.tests.support.Tools;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Fetchers are plugins: a third-party fetcher (protocol {@code DIR}, sources in
 * {@code src/test/fixtures/dir-fetcher}) is compiled here against {@code hub-api} alone into a jar with a module
 * descriptor and {@code META-INF/services}; dropping that jar on the module path or the class path of the
 * {@code jhub} command adds the protocol, and leaving {@code hub-fetch-ssh} off takes {@code SSH} away with an
 * error that names what is available and what to add. The plugin's own tests ({@code test/} of the fixture),
 * written with the named module {@code io.jhub.testkit}, run on the module path.
 */
class PluginFetcherTest {
    private static final String CLI = "io.jhub.cli.Main";
    private static final List<String> ENTRY = List.of("classify", "5.1", "3.5", "1.4", "0.2");

    @TempDir
    static Path work;

    static Path pluginJar;
    static Path dirRoot;

    @BeforeAll
    static void buildPluginAndRepository() throws IOException {
        Path src = Artifacts.projectRoot().resolve("hub-tests/src/test/fixtures/dir-fetcher");
        Path classes = work.resolve("plugin-classes");
        Tools.javac(src.resolve("src"), classes,
                List.of("--module-path", Artifacts.location("io.jhub.api").toString()));
        AppsTest.copyTree(src.resolve("META-INF"), classes.resolve("META-INF"));
        pluginJar = work.resolve("dir-fetcher.jar");
        Tools.run("jar", "--create", "--file", pluginJar.toString(), "-C", classes.toString(), ".");

        dirRoot = work.resolve("dir-root");
        Path repo = AppsTest.copyTree(Artifacts.projectRoot().resolve("examples/classifier"),
                dirRoot.resolve("acme/classifier"));
        GitRepo.init(repo).commit("classifier");
    }

    @Test
    void pluginOnTheModulePathAddsItsProtocol() {
        String mp = Artifacts.join(withPlugin(Set.of()));

        Processes.Result list = cli("mp", List.of("--module-path", mp, "-m", "io.jhub.cli/" + CLI), "protocols");
        assertEquals(0, list.exitCode(), Child.describe(list));
        assertTrue(list.stdout().contains("DIR") && list.stdout().contains("HTTPS")
                && list.stdout().contains("SSH"), Child.describe(list));

        Processes.Result load = cli("mp", List.of("--module-path", mp, "-m", "io.jhub.cli/" + CLI),
                loadArgs("DIR"));
        assertEquals(0, load.exitCode(), Child.describe(load));
        assertEquals("setosa", lastLine(load), Child.describe(load));
    }

    @Test
    void pluginOnTheClassPathAddsItsProtocol() {
        String cp = Artifacts.join(withPlugin(Set.of()));

        Processes.Result list = cli("cp", List.of("--class-path", cp, CLI), "protocols");
        assertEquals(0, list.exitCode(), Child.describe(list));
        assertTrue(list.stdout().contains("DIR") && list.stdout().contains("HTTPS"), Child.describe(list));

        Processes.Result load = cli("cp", List.of("--class-path", cp, CLI), loadArgs("DIR"));
        assertEquals(0, load.exitCode(), Child.describe(load));
        assertEquals("setosa", lastLine(load), Child.describe(load));
    }

    @Test
    void withoutTheSshJarAskingForSshNamesTheAvailableProtocolsAndTheArtifact() {
        String mp = Artifacts.join(withPlugin(Set.of("io.jhub.fetch.ssh", "com.jcraft.jsch")));

        Processes.Result list = cli("nossh", List.of("--module-path", mp, "-m", "io.jhub.cli/" + CLI), "protocols");
        assertEquals(0, list.exitCode(), Child.describe(list));
        assertTrue(list.stdout().contains("DIR") && !list.stdout().contains("SSH"), Child.describe(list));

        Processes.Result load = cli("nossh", List.of("--module-path", mp, "-m", "io.jhub.cli/" + CLI),
                loadArgs("SSH"));
        assertNotEquals(0, load.exitCode(), Child.describe(load));
        String err = load.stderr();
        assertTrue(err.contains("SSH") && err.contains("DIR") && err.contains("HTTPS")
                && err.contains("hub-fetch-ssh"), Child.describe(load));
    }

    @Test
    void thePluginsOwnTestsRunOnTheModulePathWithTheTestKit() {
        Path src = Artifacts.projectRoot().resolve("hub-tests/src/test/fixtures/dir-fetcher/test");
        Path classes = work.resolve("plugin-test-classes");
        List<Path> kit = Artifacts.locations(List.of("io.jhub.api", "io.jhub.testkit", "org.apache.sshd.osgi",
                "org.slf4j"));
        Tools.javac(src, classes, List.of("--module-path", Artifacts.join(kit)));
        List<Path> mp = new ArrayList<>(List.of(classes, pluginJar));
        mp.addAll(kit);

        Processes.Result r = Child.java(work, Map.of(), List.of("--module-path", Artifacts.join(mp), "-m",
                "org.example.jhub.dir.tests/org.example.jhub.dir.tests.DirFetcherTests",
                work.resolve("plugin-tests").toString()));

        assertEquals(0, r.exitCode(), Child.describe(r));
        assertEquals(List.of("ok resolves the default branch to its commit", "ok fetches the tree of a pinned commit",
                "ok refuses a repository that is not there, naming it"), r.stdout().lines().toList(),
                Child.describe(r));
    }

    private static List<Path> withPlugin(Set<String> excluded) {
        List<Path> path = new ArrayList<>(Artifacts.runtimeExcept(excluded));
        path.add(pluginJar);
        return path;
    }

    private static String[] loadArgs(String protocol) {
        List<String> args = new ArrayList<>(List.of("load", "acme/classifier"));
        args.addAll(ENTRY);
        args.addAll(List.of("--protocol", protocol, "--trust"));
        return args.toArray(String[]::new);
    }

    private static Processes.Result cli(String cacheName, List<String> launch, String... cliArgs) {
        List<String> args = new ArrayList<>(List.of("--add-modules", "ALL-DEFAULT", "-Djhub.dir.root=" + dirRoot));
        args.addAll(launch);
        args.addAll(List.of(cliArgs));
        return Child.java(work, Map.of("JHUB_HOME", work.resolve("cache-" + cacheName).toString()), args);
    }

    private static String lastLine(Processes.Result r) {
        List<String> lines = r.stdout().strip().lines().toList();
        return lines.isEmpty() ? "" : lines.get(lines.size() - 1).strip();
    }
}
