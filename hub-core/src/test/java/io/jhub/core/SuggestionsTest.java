package io.jhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SuggestionsTest {
    @Test
    void typosFindTheirNameAndFarWordsNothing() {
        List<String> commands = List.of("list", "load", "help", "fetch", "trust", "protocols");
        assertEquals(Optional.of("list"), Suggestions.nearest("lsit", commands), "a swap is one edit");
        assertEquals(Optional.of("protocols"), Suggestions.nearest("protocol", commands));
        assertEquals(Optional.of("fetch"), Suggestions.nearest("FETHC", commands), "case is ignored");
        assertEquals(Optional.empty(), Suggestions.nearest("zzzz", commands));
        assertEquals(Optional.empty(), Suggestions.nearest("list", commands), "the word itself is no suggestion");
        assertEquals(Optional.of("ssh.knownHosts"), Suggestions.nearest("ssh.knowhosts", List.of("ssh.user",
                "ssh.knownHosts")));
        assertEquals(3, Suggestions.distance("kitten", "sitting"));
        assertEquals("", Suggestions.hint("qq", commands));
        assertEquals(" Did you mean \"help\"?", Suggestions.hint("hlep", commands));
    }
}
