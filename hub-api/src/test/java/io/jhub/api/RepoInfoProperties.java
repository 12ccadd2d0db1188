package io.jhub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class RepoInfoProperties {

    @Property(tries = 2000)
    void parseThrowsNothingButInvalidRepo(@ForAll String text) {
        try {
            RepoInfo.parse(text);
        } catch (InvalidRepoException expected) {
            // the only failure parse may report
        }
    }

    @Property(tries = 2000)
    void parseThrowsNothingButInvalidRepoOnRepoLikeText(@ForAll("repoLike") String text) {
        try {
            RepoInfo.parse(text);
        } catch (InvalidRepoException expected) {
            // the only failure parse may report
        }
    }

    @Property(tries = 2000)
    void formatThenParseRoundTrips(@ForAll("repoLike") String text) {
        RepoInfo first;
        try {
            first = RepoInfo.parse(text);
        } catch (InvalidRepoException e) {
            return;
        }
        assertEquals(first, RepoInfo.parse(first.toString()));
        assertEquals(first.toString(), RepoInfo.parse(first.toString()).toString());
    }

    @Provide
    Arbitrary<String> repoLike() {
        Arbitrary<String> segment = Arbitraries.strings().withChars("abcXYZ019._-/:~ ^@{").ofMinLength(0)
                .ofMaxLength(12);
        return Combinators.combine(segment, segment, segment).as((a, b, c) -> a + "/" + b + c);
    }
}
