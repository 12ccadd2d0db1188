package io.jhub.http.internal;

import static java.nio.charset.StandardCharsets.ISO_8859_1;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ProtocolException;
import java.util.Arrays;
import java.util.List;
import java.util.OptionalLong;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/**
 * The reply head parser, the chunked body and the Content-Length rule on arbitrary and truncated input: each
 * either succeeds or fails with the {@link IOException} its contract names (a {@link ProtocolException} for
 * malformed input, an {@code EOFException} for a cut one), never with anything else.
 */
class ResponseHeadProperties {
    private static final String GOOD = "HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 206 Partial Content\r\n"
            + "Content-Length: 12\r\nContent-Range: bytes 0-11/100\r\nETag: \"v1\"\r\n\r\n";
    private static final String CHUNKED = "5\r\nhello\r\n7;ext=1\r\n, world\r\n0\r\nTrailer: x\r\n\r\n";

    @Provide
    Arbitrary<byte[]> headish() {
        Arbitrary<String> pieces = Arbitraries.of("HTTP/1.1 ", "HTTP/1.0 ", "200", "206 OK", "1", "99", " ", ":",
                "Content-Length: ", "5", "-1", "99999999999999999999", "\r\n", "\n", "\r", "\0", "\u00ff", "a",
                "Transfer-Encoding: chunked", "X: y");
        return pieces.list().ofMaxSize(40).map(l -> String.join("", l).getBytes(ISO_8859_1));
    }

    @Property(tries = 500)
    void arbitraryHeadsParseOrFailWithAnIoException(@ForAll("headish") byte[] input) {
        assertOnlyIoExceptions(() -> ResponseHead.read(new ByteArrayInputStream(input)));
    }

    @Property(tries = 300)
    void arbitraryBytesParseOrFailWithAnIoException(@ForAll byte[] input) {
        assertOnlyIoExceptions(() -> ResponseHead.read(new ByteArrayInputStream(input)));
        assertOnlyIoExceptions(() -> new ChunkedBody(new ByteArrayInputStream(input)).readAllBytes());
    }

    @Property(tries = 200)
    void everyTruncatedHeadFailsWithAnIoException(@ForAll @IntRange(min = 0, max = 200) int cut) {
        byte[] full = GOOD.getBytes(ISO_8859_1);
        byte[] part = Arrays.copyOf(full, Math.min(cut, full.length - 1));
        assertThrows(IOException.class, () -> ResponseHead.read(new ByteArrayInputStream(part)));
    }

    @Property(tries = 200)
    void everyTruncatedChunkedBodyFailsWithAnIoException(@ForAll @IntRange(min = 0, max = 60) int cut) {
        byte[] full = CHUNKED.getBytes(ISO_8859_1);
        byte[] part = Arrays.copyOf(full, Math.min(cut, full.length - 1));
        assertThrows(IOException.class, () -> new ChunkedBody(new ByteArrayInputStream(part)).readAllBytes());
    }

    @Property(tries = 500)
    void contentLengthIsANumberOrAProtocolException(@ForAll("headish") byte[] a, @ForAll("headish") byte[] b) {
        List<String> values = List.of(new String(a, ISO_8859_1), new String(b, ISO_8859_1));
        try {
            OptionalLong n = ContentLength.of(values);
            assertTrue(n.isEmpty() || n.getAsLong() >= 0);
        } catch (ProtocolException expected) {
            // the documented failure
        }
    }

    @Example
    void theWholeHeadAndChunkedBodyParse() throws IOException {
        ResponseHead h = ResponseHead.read(new ByteArrayInputStream(GOOD.getBytes(ISO_8859_1)));
        assertEquals(206, h.status());
        assertEquals(OptionalLong.of(12), ContentLength.of(h.all("content-length")));
        InputStream body = new ChunkedBody(new ByteArrayInputStream(CHUNKED.getBytes(ISO_8859_1)));
        assertEquals("hello, world", new String(body.readAllBytes(), ISO_8859_1));
    }

    @Example
    void contentLengthFoldsEqualValuesAndRefusesDifferentOnes() throws ProtocolException {
        assertEquals(OptionalLong.of(5), ContentLength.of(List.of("5", "5, 5")));
        assertEquals(OptionalLong.empty(), ContentLength.of(List.of()));
        ProtocolException e = assertThrows(ProtocolException.class, () -> ContentLength.of(List.of("5", "6")));
        assertTrue(e.getMessage().contains("5 and 6"), e.getMessage());
        assertThrows(ProtocolException.class, () -> ContentLength.of(List.of("+5")));
    }

    private interface Io {
        void run() throws IOException;
    }

    private static void assertOnlyIoExceptions(Io parse) {
        try {
            parse.run();
        } catch (IOException expected) {
            // the documented failure
        } catch (RuntimeException e) {
            throw new AssertionError("not an IOException: " + e, e);
        }
    }
}
