package io.jhub.git.wire;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.RefNotFoundException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class RefResolverTest {
    static final String MAIN = "aaaa1111" + "0".repeat(32);
    static final String DEV = "aaaa2222" + "0".repeat(32);
    static final String TAGOBJ = "bbbb" + "1".repeat(36);
    static final String BOTH_B = "cccc" + "2".repeat(36);
    static final String BOTH_T = "dddd" + "3".repeat(36);
    static final RefAdvertisement ADV = new RefAdvertisement(0, List.of(
            AdvertisedRef.of("HEAD", MAIN).withSymrefTarget("refs/heads/main"),
            AdvertisedRef.of("refs/heads/main", MAIN),
            AdvertisedRef.of("refs/heads/team/dev", DEV),
            AdvertisedRef.of("refs/heads/both", BOTH_B),
            AdvertisedRef.of("refs/tags/both", BOTH_T),
            AdvertisedRef.of("refs/tags/v1", TAGOBJ).withPeeled(DEV)), List.of(), Optional.of("refs/heads/main"));

    static String resolve(String rev) {
        return RefResolver.resolve(ADV, Optional.ofNullable(rev), "git@host:o/r.git");
    }

    @Test
    void resolvesEveryKindOfRevision() {
        assertEquals(MAIN, resolve(null));
        assertEquals(MAIN, resolve("HEAD"));
        assertEquals(DEV, resolve("team/dev"));
        assertEquals(DEV, resolve("refs/heads/team/dev"));
        assertEquals(DEV, resolve("v1"));
        assertEquals(DEV, resolve("refs/tags/v1"));
        assertEquals(BOTH_B, resolve("both"));
        assertEquals(BOTH_T, resolve("refs/tags/both"));
        String unadvertised = "0123456789abcdef0123456789abcdef01234567";
        assertEquals(unadvertised, resolve(unadvertised));
        assertEquals(unadvertised, resolve(unadvertised.toUpperCase(java.util.Locale.ROOT)));
        assertEquals(MAIN, resolve("aaaa1"));
        assertEquals(DEV, resolve("AAAA2"));
    }

    @Test
    void headFromSymrefTargetWhenHeadLineMissing() {
        RefAdvertisement noHead = new RefAdvertisement(2, List.of(AdvertisedRef.of("refs/heads/trunk", DEV)),
                List.of(), Optional.of("refs/heads/trunk"));
        assertEquals(DEV, RefResolver.resolve(noHead, Optional.empty(), "x"));
    }

    @Test
    void ambiguousAbbreviationListsCandidates() {
        var e = assertThrows(RefNotFoundException.class, () -> resolve("aaaa"));
        assertTrue(e.getMessage().contains(MAIN) && e.getMessage().contains(DEV), e.getMessage());
        assertTrue(e.getMessage().contains("team/dev"), e.getMessage());
    }

    @Test
    void unknownNamesListAvailableRefs() {
        var e = assertThrows(RefNotFoundException.class, () -> resolve("nope"));
        assertTrue(e.getMessage().contains("\"nope\"") && e.getMessage().contains("git@host:o/r.git"));
        assertTrue(e.getMessage().contains("team/dev") && e.getMessage().contains("v1"), e.getMessage());
        var abbrev = assertThrows(RefNotFoundException.class, () -> resolve("fedcba98"));
        assertTrue(abbrev.getMessage().contains("full 40-digit"), abbrev.getMessage());
        var shortHex = assertThrows(RefNotFoundException.class, () -> resolve("abc"));
        assertTrue(shortHex.getMessage().contains("\"abc\""), shortHex.getMessage());
    }

    @Test
    void emptyRepositoryIsExplained() {
        RefAdvertisement empty = new RefAdvertisement(2, List.of(), List.of(), Optional.of("refs/heads/main"));
        var e = assertThrows(RefNotFoundException.class, () -> RefResolver.resolve(empty, Optional.empty(), "r"));
        assertTrue(e.getMessage().contains("empty") && e.getMessage().contains("refs/heads/main"), e.getMessage());
    }
}
