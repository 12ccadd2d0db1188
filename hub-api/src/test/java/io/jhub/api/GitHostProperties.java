package io.jhub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class GitHostProperties {

    @Property(tries = 3000)
    void parseThrowsNothingButInvalidHost(@ForAll String text) {
        try {
            GitHost.parse(text);
        } catch (InvalidGitHostException expected) {
            // the only failure parse may report
        }
    }

    @Property(tries = 3000)
    void roundTripsOnHostLikeText(@ForAll("hostLike") String text) {
        GitHost first;
        try {
            first = GitHost.parse(text);
        } catch (InvalidGitHostException e) {
            return;
        }
        GitHost again = GitHost.parse(first.toString());
        assertEquals(first, again);
        assertEquals(first.toString(), again.toString());
    }

    @Property(tries = 500)
    void validIpv4WithPortAlwaysParses(@ForAll("octet") int a, @ForAll("octet") int b, @ForAll("octet") int c,
            @ForAll("octet") int d, @ForAll("port") int port) {
        String text = a + "." + b + "." + c + "." + d + ":" + port;
        assertEquals(text, GitHost.parse(text).toString());
    }

    @Provide
    Arbitrary<Integer> octet() {
        return Arbitraries.integers().between(0, 255);
    }

    @Provide
    Arbitrary<Integer> port() {
        return Arbitraries.integers().between(1, 65535);
    }

    @Provide
    Arbitrary<String> hostLike() {
        Arbitrary<String> body = Arbitraries.strings().withChars("abcXYZ019.-_:[]%").ofMinLength(0).ofMaxLength(20);
        Arbitrary<String> port = Arbitraries.integers().between(-5, 70000).map(p -> p < 0 ? "" : ":" + p);
        return Combinators.combine(body, port).as((h, p) -> h + p);
    }
}
