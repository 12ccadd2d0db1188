package io.jhub.git.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.GitProtocolException;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.Processes;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Full packs made by the real git pack-objects, with OFS and REF delta chains, read back object by object. */
class PackObjectsTest {
    /** The setting a refusal must name so the user knows what to raise. */
    private static final String SETTING = "ssh.maxBytes";

    @TempDir
    static Path tmp;
    static GitRepo repo;
    static List<String> objects;

    @BeforeAll
    static void build() {
        repo = GitRepo.init(tmp.resolve("work"));
        Random rnd = new Random(7);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < 3000; i++) {
            text.append("line ").append(i).append('\n');
        }
        for (int c = 0; c < 40; c++) {
            int at = rnd.nextInt(text.length() - 10);
            text.insert(at, "edit " + c + "\n");
            repo.write("doc.txt", text.toString());
            repo.write("dir/c" + (c % 3) + ".txt", text.substring(0, 5000 + c * 10));
            repo.commit("c" + c);
        }
        objects = List.of(repo.git("rev-list", "--objects", "--all").split("\n")).stream()
                .map(l -> l.split(" ")[0]).toList();
    }

    static byte[] pack(boolean offsets) throws IOException {
        List<String> cmd = new java.util.ArrayList<>(List.of("git", "pack-objects", "--all", "--stdout",
                "--depth=50", "-q"));
        if (offsets) {
            cmd.add("--delta-base-offset");
        }
        Process p = new ProcessBuilder(cmd).directory(repo.dir().toFile())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        try (OutputStream o = p.getOutputStream()) {
            // no extra revisions: --all names every ref
        }
        return p.getInputStream().readAllBytes();
    }

    /** Heap limits: the default, none (every base read back from the spill file), and a mix of both. */
    @org.junit.jupiter.params.ParameterizedTest(name = "heapLimit={0}")
    @org.junit.jupiter.params.provider.ValueSource(longs = {PackObjects.HEAP_LIMIT, 0, 20_000})
    void readsEveryObjectOfOffsetAndRefDeltaPacks(long heapLimit) throws IOException {
        for (boolean offsets : new boolean[] {true, false}) {
            Path work = Files.createTempDirectory(tmp, "w");
            try (PackObjects po = PackObjects.receive(new ByteArrayInputStream(pack(offsets)), work, Long.MAX_VALUE,
                    SETTING, heapLimit, n -> { })) {
                assertEquals(objects.size(), po.count());
                assertTrue(po.deltaCount() > 40, "expected delta chains, got " + po.deltaCount());
                assertEquals(offsets ? 0 : po.deltaCount(), po.refDeltaCount());
                for (String id : objects) {
                    int i = po.find(id);
                    assertTrue(i >= 0, "missing " + id);
                    String type = repo.git("cat-file", "-t", id).trim();
                    assertEquals(type, ObjectType.name(po.type(i)));
                    if (type.equals("blob")) {
                        byte[] want = Processes.exec(repo.dir(), java.util.Map.of(),
                                List.of("git", "cat-file", "blob", id)).stdout()
                                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
                        assertArrayEquals(want, po.read(i), id);
                        try (var in = po.open(i)) {
                            assertArrayEquals(want, in.readAllBytes(), id);
                        }
                    }
                }
            }
        }
    }

    @Test
    void corruptedOrTruncatedPacksAreRejected() throws IOException {
        byte[] good = pack(true);
        byte[] flipped = good.clone();
        flipped[flipped.length / 2] ^= 0x40;
        var e = assertThrows(GitProtocolException.class, () -> PackObjects.receive(new ByteArrayInputStream(flipped),
                Files.createTempDirectory(tmp, "w"), Long.MAX_VALUE, SETTING, n -> { }));
        assertTrue(e.getMessage().contains("pack") || e.getMessage().contains("Pack"), e.getMessage());
        byte[] trailer = good.clone();
        trailer[trailer.length - 1] ^= 1;
        var t = assertThrows(GitProtocolException.class, () -> PackObjects.receive(new ByteArrayInputStream(trailer),
                Files.createTempDirectory(tmp, "w"), Long.MAX_VALUE, SETTING, n -> { }));
        assertTrue(t.getMessage().contains("checksum"), t.getMessage());
        byte[] cut = java.util.Arrays.copyOf(good, good.length - 100);
        var c = assertThrows(GitProtocolException.class, () -> PackObjects.receive(new ByteArrayInputStream(cut),
                Files.createTempDirectory(tmp, "w"), Long.MAX_VALUE, SETTING, n -> { }));
        assertTrue(c.getMessage().contains("ended early"), c.getMessage());
        byte[] extra = java.util.Arrays.copyOf(good, good.length + 1);
        var x = assertThrows(GitProtocolException.class, () -> PackObjects.receive(new ByteArrayInputStream(extra),
                Files.createTempDirectory(tmp, "w"), Long.MAX_VALUE, SETTING, n -> { }));
        assertTrue(x.getMessage().contains("after the end of the pack"), x.getMessage());
        var big = assertThrows(io.jhub.api.UnsafeArchiveException.class, () -> PackObjects.receive(
                new ByteArrayInputStream(good), Files.createTempDirectory(tmp, "w"), good.length / 2, SETTING,
                n -> { }));
        assertTrue(big.getMessage().contains("limit") && big.getMessage().contains(SETTING),
                big.getMessage());
    }

    @Test
    void objectsUnpackingBeyondTheLimitAreRefusedBeforeAnyIsRebuilt() throws IOException {
        GitRepo zeros = GitRepo.init(tmp.resolve("zeros"));
        zeros.write("a.bin", new byte[3 << 20]);
        byte[] b = new byte[3 << 20];
        b[12345] = 1;
        zeros.write("b.bin", b);
        zeros.commit("zeros");
        Process p = new ProcessBuilder("git", "pack-objects", "--all", "--stdout", "-q", "--delta-base-offset")
                .directory(zeros.dir().toFile()).redirectError(ProcessBuilder.Redirect.DISCARD).start();
        p.getOutputStream().close();
        byte[] pack = p.getInputStream().readAllBytes();
        assertTrue(pack.length < 100_000, "zeros compress well: " + pack.length);
        Path work = Files.createTempDirectory(tmp, "w");
        var e = assertThrows(io.jhub.api.UnsafeArchiveException.class, () -> PackObjects.receive(
                new ByteArrayInputStream(pack), work, 4 << 20, SETTING, n -> { }));
        assertTrue(e.getMessage().contains("unpack to more than the limit of " + (4 << 20) + " bytes")
                && e.getMessage().contains(SETTING), e.getMessage());
        assertTrue(Files.notExists(work.resolve("deltas.bin")), "no delta was rebuilt");
        try (PackObjects po = PackObjects.receive(new ByteArrayInputStream(pack), Files.createTempDirectory(tmp,
                "w"), 7 << 20, SETTING, n -> { })) {
            assertEquals(1, po.deltaCount(), "b.bin is a delta of a.bin");
        }
    }
}
