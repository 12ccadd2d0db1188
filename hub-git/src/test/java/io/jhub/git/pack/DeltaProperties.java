package io.jhub.git.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jhub.api.GitProtocolException;
import java.io.ByteArrayOutputStream;
import java.util.Random;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

class DeltaProperties {

    /** Encodes random copy/insert instructions the way git does and checks apply() rebuilds the target. */
    @Property(tries = 300, edgeCases = net.jqwik.api.EdgeCasesMode.FIRST)
    void applyRebuildsWhatTheInstructionsDescribe(@ForAll @Size(min = 1, max = 3000) byte[] base,
            @ForAll long seed, @ForAll @IntRange(min = 0, max = 30) int ops) throws GitProtocolException {
        Random rnd = new Random(seed);
        ByteArrayOutputStream expected = new ByteArrayOutputStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int k = 0; k < ops; k++) {
            if (rnd.nextBoolean()) {
                int off = rnd.nextInt(base.length);
                int len = 1 + rnd.nextInt(base.length - off);
                expected.write(base, off, len);
                int op = 0x80;
                ByteArrayOutputStream args = new ByteArrayOutputStream();
                for (int b = 0; b < 4; b++) {
                    int v = (off >> (8 * b)) & 0xff;
                    if (v != 0) {
                        op |= 1 << b;
                        args.write(v);
                    }
                }
                int encLen = len == 0x10000 ? 0 : len;
                for (int b = 0; b < 3; b++) {
                    int v = (encLen >> (8 * b)) & 0xff;
                    if (v != 0) {
                        op |= 0x10 << b;
                        args.write(v);
                    }
                }
                body.write(op);
                body.writeBytes(args.toByteArray());
            } else {
                int len = 1 + rnd.nextInt(127);
                byte[] lit = new byte[len];
                rnd.nextBytes(lit);
                body.write(len);
                body.writeBytes(lit);
                expected.writeBytes(lit);
            }
        }
        ByteArrayOutputStream delta = new ByteArrayOutputStream();
        varint(delta, base.length);
        varint(delta, expected.size());
        delta.writeBytes(body.toByteArray());
        assertArrayEquals(expected.toByteArray(), Delta.apply(base, delta.toByteArray()));
    }

    @Property(tries = 300)
    void randomDeltasNeverThrowAnythingButProtocolErrors(@ForAll @Size(max = 200) byte[] base,
            @ForAll @Size(max = 200) byte[] delta) {
        try {
            Delta.apply(base, delta);
        } catch (GitProtocolException expected) {
            // fine: a clear error
        }
    }

    @net.jqwik.api.Example
    void wrongBaseSizeIsRejected() {
        assertThrows(GitProtocolException.class, () -> Delta.apply(new byte[3], new byte[] {4, 0}));
    }

    private static void varint(ByteArrayOutputStream out, long v) {
        do {
            int b = (int) (v & 0x7f);
            v >>>= 7;
            out.write(v != 0 ? b | 0x80 : b);
        } while (v != 0);
    }
}
