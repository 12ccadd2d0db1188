package io.jhub.fetch.https.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.git.wire.RefAdvertisement;
import java.net.URI;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The state file's text form of v2 capabilities, and its name: round trips, refusals, no user information. */
class CapabilityTextProperties {

    @Provide
    Arbitrary<List<String>> capabilities() {
        return Arbitraries.strings().withCharRange(' ', '~').ofMinLength(1).ofMaxLength(40).list().ofMaxSize(12);
    }

    @Property
    void whatIsWrittenReadsBackTheSame(@ForAll("capabilities") List<String> caps) {
        RefAdvertisement adv = new RefAdvertisement(2, List.of(), caps, Optional.empty());
        assertEquals(Optional.of(adv), CapabilityText.write(adv).flatMap(CapabilityText::read));
    }

    @Property
    void anyTextReadsAsCapabilitiesOfPrintableLinesOrNothing(@ForAll String text) {
        Optional<RefAdvertisement> read = CapabilityText.read(CapabilityText.HEADER + "\n" + text);
        read.ifPresent(adv -> assertTrue(adv.capabilities().stream().allMatch(c -> !c.isEmpty()
                && c.chars().allMatch(ch -> ch >= ' ' && ch <= '~')), adv.toString()));
        assertEquals(Optional.empty(), CapabilityText.read(text.startsWith(CapabilityText.HEADER) ? "" : text));
    }

    @Example
    void capabilitiesTheFormatCannotCarryAreNotWritten() {
        for (String bad : List.of("agent=a\nb", "agent=\u00e9", "", "x\r")) {
            RefAdvertisement adv = new RefAdvertisement(2, List.of(), List.of("ls-refs", bad), Optional.empty());
            assertEquals(Optional.empty(), CapabilityText.write(adv), bad);
        }
        assertEquals(Optional.empty(), CapabilityText.write(new RefAdvertisement(0, List.of(),
                List.of("ofs-delta"), Optional.empty())), "only v2 is remembered");
    }

    @Example
    void theFileNameIsTheUrlsHashWithoutUserInformation() {
        assertEquals(CapabilityFiles.name(URI.create("https://git.example.org:8443/o/r.git")),
                CapabilityFiles.name(URI.create("https://x-access-token:tok%40en@git.example.org:8443/o/r.git")));
        assertEquals(CapabilityFiles.name(URI.create("https://[::1]:8443/o/r.git?x=1")),
                CapabilityFiles.name(URI.create("https://user@[::1]:8443/o/r.git?x=1")));
        assertEquals(CapabilityFiles.name(URI.create("https://h/o/r.git")),
                CapabilityFiles.name(URI.create("https://u:p@h/o/r.git")));
        assertNotEquals(CapabilityFiles.name(URI.create("https://h/o/r.git")),
                CapabilityFiles.name(URI.create("https://h/o/s.git")));
        assertTrue(CapabilityFiles.name(URI.create("https://h/o/r.git")).matches("[0-9a-f]{64}"));
    }
}
