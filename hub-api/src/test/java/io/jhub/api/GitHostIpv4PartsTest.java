package io.jhub.api;

import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Found by GitHostProperties (seed 6062927558251271164): non-numeric dotted parts once threw NumberFormatException. */
class GitHostIpv4PartsTest {
    @Test
    void nonNumericDottedPartsInBracketsAreAnInvalidHostNotANumberFormatException() {
        assertThrows(InvalidGitHostException.class, () -> GitHost.parse("[aaa.aaaaa..]:0"));
        assertThrows(InvalidGitHostException.class, () -> GitHost.parse("[::ffff:a.b.c.d]"));
        assertThrows(InvalidGitHostException.class, () -> GitHost.parse("[-.9.b1--Z.b]:"));
    }
}
