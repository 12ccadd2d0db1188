package io.jhub.git.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.GitProtocolException;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class PktLineReaderTest {

    static PktLineReader reader(String s) {
        return new PktLineReader(new ByteArrayInputStream(s.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void readsDataAndSpecialPackets() throws IOException {
        PktLineReader r = reader("0006a\n000" + "1" + "0002" + "0009done\n0000");
        assertEquals("a", r.read().text());
        assertEquals(PktLine.Kind.DELIM, r.read().kind());
        assertEquals(PktLine.Kind.RESPONSE_END, r.read().kind());
        assertEquals("done", r.read().text());
        assertEquals(PktLine.FLUSH, r.read());
        assertTrue(r.next().isEmpty());
    }

    @Test
    void acceptsMissingTrailingLf() throws IOException {
        String oid = "8f3c6e1b2a4d5f6071829304a5b6c7d8e9f0b506";
        List<String> lines = reader("0034shallow " + oid + "0000").readLinesUntilFlush();
        assertEquals(List.of("shallow " + oid), lines);
    }

    @Test
    void errPacketBecomesProtocolExceptionWithServerText() {
        var e = assertThrows(GitProtocolException.class,
                () -> reader(RefAdvertisementTest.pkt("ERR upload-pack: not our ref 1111111111111111\n")).read());
        assertTrue(e.getMessage().contains("upload-pack: not our ref 1111111111111111"), e.getMessage());
    }

    @Test
    void badLengthHexIsRejectedShowingTheBytes() {
        var e = assertThrows(GitProtocolException.class, () -> reader("Welcome to my server\n").read());
        assertTrue(e.getMessage().contains("\"Welc\""), e.getMessage());
        var e3 = assertThrows(GitProtocolException.class, () -> reader("0003").read());
        assertTrue(e3.getMessage().contains("0003"), e3.getMessage());
        var big = assertThrows(GitProtocolException.class, () -> reader("fff1xxxx").read());
        assertTrue(big.getMessage().contains("65521"), big.getMessage());
    }

    @Test
    void truncatedInputIsAClearError() {
        var e = assertThrows(GitProtocolException.class, () -> reader("000aab").read());
        assertTrue(e.getMessage().contains("2 of 6"), e.getMessage());
        var h = assertThrows(GitProtocolException.class, () -> reader("00").read());
        assertTrue(h.getMessage().contains("2 of 4"), h.getMessage());
        var eof = assertThrows(GitProtocolException.class, () -> reader("").read());
        assertTrue(eof.getMessage().contains("closed"), eof.getMessage());
    }

    @Test
    void writerProducesGitBytes() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        new PktLineWriter(out).writeText("command=ls-refs").writeDelim().writeText("peel").writeFlush();
        assertEquals("0014command=ls-refs\n00010009peel\n0000", out.toString(StandardCharsets.US_ASCII));
        assertThrows(IllegalArgumentException.class,
                () -> new PktLineWriter(out).writeData(new byte[PktLineWriter.MAX_PAYLOAD + 1]));
    }
}
