package io.jhub.git.pack;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Object ids read by the pack code follow the one full-id rule of {@link io.jhub.api.spi.Resolution}. */
class ObjectIdTest {
    @Test
    void aFullSha1IdParsesToItsBytes() {
        byte[] b = ObjectType.parseId("00ff" + "0".repeat(34) + "7f");
        assertArrayEquals(new byte[] {0, -1}, java.util.Arrays.copyOf(b, 2));
        assertTrue(b.length == 20 && b[19] == 0x7f);
    }

    /** Integer.parseInt alone takes signs ("+f", "-1") and upper case as hex; the rule does not. */
    @ParameterizedTest
    @ValueSource(strings = {"+f+f+f+f+f+f+f+f+f+f+f+f+f+f+f+f+f+f+f+f", "-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1-1",
        "ABCDEF0123456789ABCDEF0123456789ABCDEF01", "abc",
        "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"})
    void anythingButFortyLowerCaseHexDigitsIsRefused(String id) {
        var e = assertThrows(IllegalArgumentException.class, () -> ObjectType.parseId(id));
        assertTrue(e.getMessage().contains(id), e.getMessage());
    }
}
