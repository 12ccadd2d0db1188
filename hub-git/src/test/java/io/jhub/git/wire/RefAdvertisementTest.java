package io.jhub.git.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.GitProtocolException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefAdvertisementTest {
    static final String A = "e715a4e9d2d39e6de2f6a6f5d1f3c2b1a09f89b4";
    static final String T = "728e0c0d1e2f3a4b5c6d7e8f9a0b1c2d3e4fa536";
    static final String B = "1111111111111111111111111111111111111111";

    static String pkt(String s) {
        return String.format("%04x", s.getBytes(StandardCharsets.UTF_8).length + 4) + s;
    }

    @Test
    void parsesV0AdvertisementWithCapabilitiesSymrefAndPeeledTags() throws IOException {
        String caps = "multi_ack thin-pack side-band side-band-64k ofs-delta shallow deepen-since deepen-not "
                + "deepen-relative no-progress include-tag multi_ack_detailed symref=HEAD:refs/heads/main "
                + "object-format=sha1 agent=git/2.39.5";
        String bytes = pkt(A + " HEAD\0" + caps + "\n") + pkt(A + " refs/heads/main\n")
                + pkt(B + " refs/heads/feature/x\n") + pkt(T + " refs/tags/v1\n") + pkt(A + " refs/tags/v1^{}\n")
                + "0000";
        RefAdvertisement adv = RefAdvertisement.read(PktLineReaderTest.reader(bytes));
        assertEquals(0, adv.version());
        assertEquals(Optional.of("refs/heads/main"), adv.headTarget());
        assertEquals(Optional.of("refs/heads/main"), adv.ref("HEAD").orElseThrow().symrefTarget());
        assertEquals(4, adv.refs().size());
        assertEquals(Optional.of(A), adv.ref("refs/tags/v1").orElseThrow().peeled());
        assertTrue(adv.hasCapability("side-band-64k"));
        assertTrue(adv.hasCapability("agent"));
        assertFalse(adv.hasCapability("side"));
        assertEquals(Optional.of("git/2.39.5"), adv.capabilityValue("agent"));
    }

    @Test
    void acceptsVersion1LineAndEmptyRepositories() throws IOException {
        RefAdvertisement v1 = RefAdvertisement.read(PktLineReaderTest.reader(
                pkt("version 1\n") + pkt(A + " refs/heads/main\0ofs-delta\n") + "0000"));
        assertEquals(List.of(AdvertisedRef.of("refs/heads/main", A)), v1.refs());
        RefAdvertisement bare = RefAdvertisement.read(PktLineReaderTest.reader("0000"));
        assertTrue(bare.refs().isEmpty());
        RefAdvertisement capsOnly = RefAdvertisement.read(PktLineReaderTest.reader(
                pkt("0".repeat(40) + " capabilities^{}\0ofs-delta agent=git/2.39.5\n") + "0000"));
        assertTrue(capsOnly.refs().isEmpty());
        assertTrue(capsOnly.hasCapability("ofs-delta"));
    }

    @Test
    void parsesV2CapabilitiesAndLsRefsReply() throws IOException {
        String bytes = pkt("version 2\n") + pkt("agent=git/2.39.5\n") + pkt("ls-refs=unborn\n")
                + pkt("fetch=shallow wait-for-done\n") + pkt("server-option\n") + pkt("object-format=sha1\n")
                + pkt("object-info\n") + "0000"
                + pkt(A + " HEAD symref-target:refs/heads/main\n") + pkt(A + " refs/heads/main\n")
                + pkt(T + " refs/tags/v1 peeled:" + A + "\n") + "0000";
        PktLineReader r = PktLineReaderTest.reader(bytes);
        RefAdvertisement caps = RefAdvertisement.read(r);
        assertEquals(2, caps.version());
        assertEquals(Optional.of("shallow wait-for-done"), caps.capabilityValue("fetch"));
        RefAdvertisement adv = caps.withLsRefs(r);
        assertEquals(Optional.of("refs/heads/main"), adv.headTarget());
        assertEquals(Optional.of(A), adv.ref("refs/tags/v1").orElseThrow().peeled());
        assertEquals(A, RefResolver.resolve(adv, Optional.of("v1"), "test"));
    }

    @Test
    void unbornHeadInLsRefs() throws IOException {
        RefAdvertisement caps = new RefAdvertisement(2, List.of(), List.of("ls-refs=unborn"), Optional.empty());
        RefAdvertisement adv = caps.withLsRefs(PktLineReaderTest.reader(
                pkt("unborn HEAD symref-target:refs/heads/main\n") + "0000"));
        assertTrue(adv.refs().isEmpty());
        assertEquals(Optional.of("refs/heads/main"), adv.headTarget());
    }

    @Test
    void writesLsRefsAsInTheNotes() throws IOException {
        RefAdvertisement caps = new RefAdvertisement(2, List.of(),
                List.of("agent=git/2.39.5", "ls-refs=unborn", "object-format=sha1"), Optional.empty());
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        caps.writeLsRefs(new PktLineWriter(out), "myclient/1.0", List.of("HEAD", "refs/heads/"));
        assertEquals("0014command=ls-refs\n0017agent=myclient/1.0\n0017object-format=sha1\n0001"
                + "000csymrefs\n0009peel\n000bunborn\n0014ref-prefix HEAD\n001bref-prefix refs/heads/\n0000",
                out.toString(StandardCharsets.US_ASCII));
        ByteArrayOutputStream bare = new ByteArrayOutputStream();
        new RefAdvertisement(2, List.of(), List.of("ls-refs"), Optional.empty())
                .writeLsRefs(new PktLineWriter(bare), "x", List.of());
        assertEquals("0014command=ls-refs\n0001000csymrefs\n0009peel\n0000", bare.toString(StandardCharsets.US_ASCII));
    }

    @Test
    void smartHttpWrapperIsOptional() throws IOException {
        String v0 = pkt(A + " HEAD\0symref=HEAD:refs/heads/main\n") + pkt(A + " refs/heads/main\n") + "0000";
        RefAdvertisement wrapped = RefAdvertisement.readSmartHttp(PktLineReaderTest.reader(
                "001e# service=git-upload-pack\n0000" + v0));
        assertEquals(2, wrapped.refs().size());
        RefAdvertisement v2 = RefAdvertisement.readSmartHttp(PktLineReaderTest.reader(
                pkt("version 2\n") + pkt("ls-refs\n") + "0000"));
        assertEquals(2, v2.version());
        RefAdvertisement gh = RefAdvertisement.readSmartHttp(PktLineReaderTest.reader(
                "001e# service=git-upload-pack\n0000" + pkt("version 2\n") + pkt("ls-refs\n") + "0000"));
        assertEquals(2, gh.version());
        var e = assertThrows(GitProtocolException.class, () -> RefAdvertisement.readSmartHttp(
                PktLineReaderTest.reader("001f# service=git-receive-pack\n0000")));
        assertTrue(e.getMessage().contains("git-receive-pack"), e.getMessage());
    }

    @Test
    void malformedLinesAreReported() {
        var e = assertThrows(GitProtocolException.class, () -> RefAdvertisement.read(
                PktLineReaderTest.reader(pkt("hello world\n") + "0000")));
        assertTrue(e.getMessage().contains("hello world"), e.getMessage());
        var p = assertThrows(GitProtocolException.class, () -> RefAdvertisement.read(
                PktLineReaderTest.reader(pkt(A + " refs/tags/x^{}\n") + "0000")));
        assertTrue(p.getMessage().contains("refs/tags/x"), p.getMessage());
    }
}
