package io.jhub.git.wire;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.GitProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.Size;

class PktLineProperties {

    @Provide
    Arbitrary<List<PktLine>> packets() {
        Arbitrary<PktLine> data = Arbitraries.bytes().array(byte[].class)
                .ofMinSize(0).ofMaxSize(PktLineWriter.MAX_PAYLOAD)
                .edgeCases(c -> c.add(new byte[0], new byte[PktLineWriter.MAX_PAYLOAD]))
                .filter(b -> !(b.length >= 4 && b[0] == 'E' && b[1] == 'R' && b[2] == 'R' && b[3] == ' '))
                .map(PktLine::data);
        Arbitrary<PktLine> special = Arbitraries.of(PktLine.FLUSH, PktLine.DELIM, PktLine.RESPONSE_END);
        return Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(4, data), net.jqwik.api.Tuple.of(1, special)).list().ofMaxSize(8);
    }

    @Property(tries = 200)
    void writeThenReadGivesThePacketsBack(@ForAll("packets") List<PktLine> packets) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PktLineWriter w = new PktLineWriter(out);
        for (PktLine p : packets) {
            switch (p.kind()) {
                case DATA -> w.writeData(p.payload());
                case FLUSH -> w.writeFlush();
                case DELIM -> w.writeDelim();
                case RESPONSE_END -> out.write("0002".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                default -> throw new AssertionError(p);
            }
        }
        PktLineReader r = new PktLineReader(new ByteArrayInputStream(out.toByteArray()));
        List<PktLine> back = new ArrayList<>();
        for (Optional<PktLine> p = r.next(); p.isPresent(); p = r.next()) {
            back.add(p.get());
        }
        assertEquals(packets.size(), back.size());
        for (int i = 0; i < packets.size(); i++) {
            assertEquals(packets.get(i).kind(), back.get(i).kind());
            assertArrayEquals(packets.get(i).payload(), back.get(i).payload());
        }
    }

    @Property(tries = 500)
    void randomBytesGiveOnlyProtocolOrIoErrors(@ForAll @Size(max = 300) byte[] bytes) throws IOException {
        PktLineReader r = new PktLineReader(new ByteArrayInputStream(bytes));
        int packets = 0;
        try {
            while (r.next().isPresent()) {
                packets++;
            }
        } catch (GitProtocolException expected) {
            assertTrue(expected.getMessage().length() > 10, expected.getMessage());
        }
        assertTrue(packets <= bytes.length / 4);
    }

    @Property(tries = 300)
    void hexLooking4ByteHeadersAreParsedOrRejected(@ForAll("hexish") String prefix,
            @ForAll @Size(max = 40) byte[] rest) throws IOException {
        byte[] all = new byte[prefix.length() + rest.length];
        System.arraycopy(prefix.getBytes(java.nio.charset.StandardCharsets.US_ASCII), 0, all, 0, prefix.length());
        System.arraycopy(rest, 0, all, prefix.length(), rest.length);
        try {
            new PktLineReader(new ByteArrayInputStream(all)).next();
        } catch (GitProtocolException expected) {
            assertTrue(expected.getMessage().contains("pkt-line") || expected.getMessage().contains("error"));
        }
    }

    @Provide
    Arbitrary<String> hexish() {
        return Arbitraries.strings().withChars("0123456789abcdefABCDEFgx ").ofLength(4);
    }
}
