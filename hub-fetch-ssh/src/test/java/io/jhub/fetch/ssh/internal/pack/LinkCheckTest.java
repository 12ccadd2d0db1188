package io.jhub.fetch.ssh.internal.pack;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Set;
import org.junit.jupiter.api.Test;

class LinkCheckTest {
    @Test
    void linksInsideTheTreeAreAllowed() {
        assertTrue(LinkCheck.staysInside("a", "b", Set.of()));
        assertTrue(LinkCheck.staysInside("d/a", "../b", Set.of()));
        assertTrue(LinkCheck.staysInside("d/e/a", "../../x/./y", Set.of()));
        assertTrue(LinkCheck.staysInside("a", ".", Set.of()));
    }

    @Test
    void linksOutsideAreRefused() {
        assertFalse(LinkCheck.staysInside("a", "/etc/passwd", Set.of()));
        assertFalse(LinkCheck.staysInside("a", "..", Set.of()));
        assertFalse(LinkCheck.staysInside("d/a", "../../x", Set.of()));
        assertFalse(LinkCheck.staysInside("a", "", Set.of()));
        // "l" is itself a link to ".", so "l/.." is the parent of the tree, not the tree
        assertFalse(LinkCheck.staysInside("b", "l/../x", Set.of("l", "b")));
    }
}
