package io.jhub.fetch.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchRequest;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.GitSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;

/**
 * Random repositories (text files edited over many commits so packs carry delta chains, binaries, executables,
 * symlinks, deletions, branches with '/', annotated and lightweight tags) fetched over loopback SSH with v2 or
 * v0 and compared with `git archive` of the same commit.
 */
class SshDifferentialProperties {
    static Path tmp;
    static SshFixture fx;
    static GitSshServer v2;
    static GitSshServer v0;
    static final AtomicInteger RUN = new AtomicInteger();
    static final String[] PATHS = {"a.txt", "dir/b.txt", "dir/sub/c.txt", "dir/sub/d.bin", "e f.txt",
        "ünï/çödé.txt", "bin/tool", "deep/er/and/deeper/z.txt"};

    @BeforeContainer
    static void start() throws IOException {
        tmp = Files.createTempDirectory("jhub-ssh-prop");
        fx = new SshFixture(tmp.resolve("fx"));
        v2 = fx.trustedServer(fx.server());
        v0 = fx.trustedServer(fx.server().acceptProtocolEnv(false));
    }

    @AfterContainer
    static void stop() throws IOException {
        v2.close();
        v0.close();
        try (var s = Files.walk(tmp)) {
            s.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Property(tries = 15)
    void fetchedTreeEqualsGitArchive(@ForAll long seed) throws IOException {
        Random rnd = new Random(seed);
        int n = RUN.incrementAndGet();
        GitRepo repo = GitRepo.init(tmp.resolve("work" + n));
        List<String> revs = new ArrayList<>();
        revs.add(null);
        int commits = 5 + rnd.nextInt(25);
        for (int c = 0; c < commits; c++) {
            int edits = 1 + rnd.nextInt(4);
            for (int k = 0; k < edits; k++) {
                edit(repo, rnd);
            }
            repo.commit("c" + c);
            if (rnd.nextInt(6) == 0) {
                String b = "feature/" + c + "/x" + rnd.nextInt(100);
                repo.git("branch", b);
                revs.add(b);
            }
            if (rnd.nextInt(6) == 0) {
                String t = "v" + c;
                if (rnd.nextBoolean()) {
                    repo.git("tag", "-a", t, "-m", "tag " + c);
                } else {
                    repo.git("tag", t);
                }
                revs.add(t);
            }
        }
        String rev = revs.get(rnd.nextInt(revs.size()));
        String name = "prop/r" + n;
        repo.bareClone(fx.repos.resolve(name + ".git"));
        boolean useV2 = rnd.nextBoolean();
        GitSshServer server = useV2 ? v2 : v0;
        FetchRequest req = new FetchRequest(GitHost.parse("127.0.0.1:" + server.port()),
                RepoInfo.parse(name + (rev == null ? "" : ":" + rev)), Optional.empty());
        Path target = Files.createDirectories(tmp.resolve("out" + n).resolve("tree"));
        var res = new SshFetcher().fetch(req, target, fx.context());
        String expectedCommit = repo.git("rev-parse", (rev == null ? "HEAD" : rev) + "^{commit}").trim();
        assertEquals(Optional.of(expectedCommit), res.commit());
        TreeCompare.assertSameAsArchive(repo, expectedCommit, target,
                Files.createDirectories(tmp.resolve("out" + n).resolve("expected")));
    }

    private static void edit(GitRepo repo, Random rnd) throws IOException {
        String path = PATHS[rnd.nextInt(PATHS.length)];
        Path file = repo.dir().resolve(path);
        int what = rnd.nextInt(10);
        if (Files.isSymbolicLink(file) || (what == 0 && Files.exists(file))) {
            Files.delete(file);
            return;
        }
        if (what == 1) {
            String target = PATHS[rnd.nextInt(PATHS.length)];
            int depth = path.split("/").length - 1;
            String rel = "../".repeat(depth) + target;
            if (!Files.exists(file) && !target.equals(path) && !target.startsWith(path + "/")) {
                if (Files.isDirectory(file.getParent()) || file.getParent().toFile().mkdirs()) {
                    Files.createSymbolicLink(file, Path.of(rel));
                }
            }
            return;
        }
        if (path.endsWith(".bin")) {
            byte[] b = new byte[rnd.nextInt(40_000)];
            rnd.nextBytes(b);
            repo.write(path, b);
        } else {
            List<String> lines = Files.isRegularFile(file) ? new ArrayList<>(Files.readAllLines(file))
                    : new ArrayList<>();
            if (lines.isEmpty()) {
                for (int i = 0; i < 200 + rnd.nextInt(800); i++) {
                    lines.add("line " + i + " of " + path + " " + rnd.nextInt(1000));
                }
            }
            for (int k = 0; k < 1 + rnd.nextInt(5); k++) {
                lines.set(rnd.nextInt(lines.size()), "edited " + rnd.nextLong());
                lines.add(rnd.nextInt(lines.size()), "inserted " + rnd.nextInt());
            }
            repo.write(path, String.join("\n", lines) + (rnd.nextBoolean() ? "\n" : ""));
        }
        if (path.startsWith("bin/") || rnd.nextInt(8) == 0) {
            repo.executable(path);
        }
    }
}
