package io.jhub.git.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.testkit.GitRepo;
import io.jhub.testkit.Processes;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Parses what the real git-upload-pack sends, in v0 and v2, and compares with git ls-remote. */
class RealGitAdvertisementTest {
    @TempDir
    static Path tmp;
    static Path bare;
    static Map<String, String> lsRemote = new HashMap<>();

    @BeforeAll
    static void buildRepo() {
        GitRepo repo = GitRepo.init(tmp.resolve("work"));
        repo.write("a.txt", "one\n");
        repo.commit("first");
        repo.git("tag", "-a", "v1", "-m", "annotated");
        repo.git("tag", "light");
        repo.git("checkout", "-q", "-b", "feature/deep/x");
        repo.write("b.txt", "two\n");
        repo.commit("second");
        repo.git("checkout", "-q", "main");
        bare = repo.bareClone(tmp.resolve("repo.git"));
        for (String line : Processes.run(tmp, "git", "ls-remote", bare.toString()).split("\n")) {
            String[] p = line.split("\t");
            lsRemote.put(p[1], p[0]);
        }
    }

    @Test
    void v0AdvertisementMatchesLsRemote() throws IOException {
        byte[] out = upload(Map.of(), List.of("--advertise-refs"), new byte[0]);
        RefAdvertisement adv = RefAdvertisement.read(new PktLineReader(new ByteArrayInputStream(out)));
        assertEquals(0, adv.version());
        assertEquals(Optional.of("refs/heads/main"), adv.headTarget());
        checkAgainstLsRemote(adv);
    }

    @Test
    void v2LsRefsMatchesLsRemote() throws IOException {
        ByteArrayOutputStream req = new ByteArrayOutputStream();
        RefAdvertisement caps = new RefAdvertisement(2, List.of(),
                List.of("agent=git/2", "ls-refs=unborn", "object-format=sha1"), Optional.empty());
        caps.writeLsRefs(new PktLineWriter(req), "jhub-test/0.1", List.of());
        byte[] out = upload(Map.of("GIT_PROTOCOL", "version=2"), List.of(), req.toByteArray());
        PktLineReader r = new PktLineReader(new ByteArrayInputStream(out));
        RefAdvertisement server = RefAdvertisement.read(r);
        assertEquals(2, server.version());
        assertTrue(server.capabilityValue("fetch").orElseThrow().contains("shallow"));
        RefAdvertisement adv = server.withLsRefs(r);
        assertEquals(Optional.of("refs/heads/main"), adv.headTarget());
        checkAgainstLsRemote(adv);
    }

    private static void checkAgainstLsRemote(RefAdvertisement adv) {
        for (AdvertisedRef ref : adv.refs()) {
            assertEquals(lsRemote.get(ref.name()), ref.objectId(), ref.name());
            ref.peeled().ifPresent(p -> assertEquals(lsRemote.get(ref.name() + "^{}"), p));
        }
        assertEquals(lsRemote.get("refs/tags/v1^{}"), RefResolver.resolve(adv, Optional.of("v1"), "t"));
        assertEquals(lsRemote.get("refs/tags/light"), RefResolver.resolve(adv, Optional.of("light"), "t"));
        assertEquals(lsRemote.get("refs/heads/feature/deep/x"),
                RefResolver.resolve(adv, Optional.of("feature/deep/x"), "t"));
        assertEquals(lsRemote.get("HEAD"), RefResolver.resolve(adv, Optional.empty(), "t"));
        String main = lsRemote.get("refs/heads/main");
        assertEquals(main, RefResolver.resolve(adv, Optional.of(main.substring(0, 8)), "t"));
    }

    private static byte[] upload(Map<String, String> env, List<String> flags, byte[] stdin) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "upload-pack"));
        cmd.addAll(flags);
        cmd.add(bare.toString());
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().putAll(env);
        Process p = pb.start();
        try (OutputStream o = p.getOutputStream()) {
            o.write(stdin);
        }
        return p.getInputStream().readAllBytes();
    }
}
