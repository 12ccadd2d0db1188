package io.jhub.fetch.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.git.pack.ObjectType;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.GitSshServer;
import io.jhub.testkit.Processes;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A 200 MB repository fetched by a child JVM with -Xmx64m: the pack never sits in memory. */
@Tag("large")
class LargeRepoTest {
    static final int FILES = 40;
    static final int FILE_BYTES = 5 << 20;

    @TempDir
    Path tmp;

    @Test
    void fetches200MegabytesWithA64MegabyteHeap() throws Exception {
        SshFixture fx = new SshFixture(tmp.resolve("fx"));
        GitRepo repo = GitRepo.init(tmp.resolve("work"));
        repo.git("config", "core.compression", "0");
        Random rnd = new Random(3);
        byte[] buf = new byte[FILE_BYTES];
        for (int i = 0; i < FILES; i++) {
            rnd.nextBytes(buf);
            repo.write("data/part-" + i + ".bin", buf);
        }
        repo.write("README", "large\n");
        String commit = repo.commit("large");
        Path bare = repo.bareClone(fx.repos.resolve("big/repo.git"));
        Processes.run(bare, "git", "config", "pack.compression", "0");
        // without this the server's pack-objects spends most of a minute looking for deltas between random blobs
        Processes.run(bare, "git", "config", "core.bigFileThreshold", "1m");
        try (GitSshServer server = fx.trustedServer(fx.server())) {
            Path target = Files.createDirectories(tmp.resolve("out/tree"));
            String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            Processes.Result r = Processes.exec(tmp, Map.of(), List.of(java, "-Xmx64m", "-cp", cp,
                    LargeFetchMain.class.getName(), "127.0.0.1:" + server.port(), "big/repo", target.toString(),
                    fx.key.toString(), fx.knownHosts.toString()));
            assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
            assertTrue(r.stdout().contains("commit=" + commit), r.stdout());
            for (String line : repo.git("ls-tree", "-r", "HEAD").split("\n")) {
                String[] parts = line.split("\\s+", 4);
                assertEquals(parts[2], blobId(target.resolve(parts[3])), parts[3]);
            }
            System.getLogger(getClass().getName()).log(System.Logger.Level.INFO, r.stdout().strip());
        }
    }

    static String blobId(Path file) throws IOException {
        MessageDigest md = ObjectType.startId(ObjectType.BLOB, Files.size(file));
        try (InputStream in = Files.newInputStream(file)) {
            byte[] b = new byte[1 << 16];
            for (int n = in.read(b); n > 0; n = in.read(b)) {
                md.update(b, 0, n);
            }
        }
        byte[] d = md.digest();
        return ObjectType.hex(d, 0, d.length);
    }
}
