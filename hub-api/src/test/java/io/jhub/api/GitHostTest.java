package io.jhub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.OptionalInt;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class GitHostTest {

    @ParameterizedTest
    @CsvSource({"github.com,github.com,-1", "GitLab.Example.org:8443,gitlab.example.org,8443",
        "localhost,localhost,-1", "localhost:22,localhost,22", "127.0.0.1:9000,127.0.0.1,9000",
        "[::1]:9000,[::1],9000", "[2001:db8::7],[2001:db8::7],-1", "my_host.local,my_host.local,-1",
        "[::ffff:127.0.0.1]:8,[::ffff:127.0.0.1],8"})
    void parsesHostsAndPorts(String text, String host, int port) {
        GitHost h = GitHost.parse(text);
        assertEquals(host, h.host());
        assertEquals(port < 0 ? OptionalInt.empty() : OptionalInt.of(port), h.port());
        assertEquals(h, GitHost.parse(h.toString()));
    }

    @Test
    void bareHostDropsBrackets() {
        assertEquals("::1", GitHost.parse("[::1]:22").bareHost());
    }

    @Test
    void internationalNamesBecomePunycode() {
        assertEquals("xn--bcher-kva.example", GitHost.parse("bücher.example").host());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", ":80", "host:", "host:0", "host:65536", "host:http", "::1", "[::1", "[::1]x",
        "[zz::1]", "256.1.1.1", "1.2.3", "-bad.com", "bad-.com", "a..b", "a b", "host/path", "1.2.3.4.5",
        "[1:2:3:4:5:6:7:8:9]", "com.123"})
    void rejectsWithQuotedInputAndExamples(String text) {
        InvalidGitHostException e = assertThrows(InvalidGitHostException.class, () -> GitHost.parse(text));
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("github.com"), e.getMessage());
    }
}
