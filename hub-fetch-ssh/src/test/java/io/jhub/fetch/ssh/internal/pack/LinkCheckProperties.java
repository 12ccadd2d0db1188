package io.jhub.fetch.ssh.internal.pack;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class LinkCheckProperties {

    @Provide
    Arbitrary<String> relPaths() {
        return Arbitraries.of("a", "b", "..", ".", "d", "e").list().ofMinSize(1).ofMaxSize(6)
                .map(parts -> String.join("/", parts));
    }

    @Provide
    Arbitrary<String> linkPaths() {
        return Arbitraries.of("x", "d", "e").list().ofMinSize(1).ofMaxSize(4).map(parts -> String.join("/", parts));
    }

    /** Whatever the check accepts resolves, lexically, to a path inside the tree. */
    @Property(tries = 1000)
    void acceptedTargetsStayInsideLexically(@ForAll("linkPaths") String link, @ForAll("relPaths") String target) {
        if (LinkCheck.staysInside(link, target, Set.of(link))) {
            Path parent = Path.of(link).getParent();
            Path resolved = (parent == null ? Path.of("") : parent).resolve(target).normalize();
            assertFalse(resolved.startsWith(".."), link + " -> " + target + " resolves to " + resolved);
        }
    }

    @Property(tries = 200)
    void absoluteTargetsAreAlwaysRefused(@ForAll("linkPaths") String link, @ForAll("relPaths") String target) {
        assertFalse(LinkCheck.staysInside(link, "/" + target, Set.of(link)));
        assertFalse(LinkCheck.staysInside(link, target, Set.copyOf(List.of(link))) && target.startsWith("/"));
    }
}
