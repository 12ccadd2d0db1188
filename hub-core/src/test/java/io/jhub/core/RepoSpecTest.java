package io.jhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.GitHost;
import io.jhub.api.InvalidRepoException;
import io.jhub.api.RepoInfo;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** Repository specs as people paste them: URLs, scp-like SSH and the short form, and hostile variants. */
class RepoSpecTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "pytorch/vision               | pytorch | vision | -           | -                 | -     | -",
        "pytorch/vision:v0.1          | pytorch | vision | v0.1        | -                 | -     | -",
        "https://github.com/pytorch/vision | pytorch | vision | -      | github.com        | HTTPS | -",
        "https://github.com/pytorch/vision.git | pytorch | vision | -  | github.com        | HTTPS | -",
        "https://github.com/pytorch/vision/ | pytorch | vision | -     | github.com        | HTTPS | -",
        "https://github.com/pytorch/vision/tree/release/0.1 | pytorch | vision | release/0.1 | github.com | HTTPS | -",
        "https://gitlab.example.org:8443/g/sub/r/-/tree/main | g/sub | r | main | gitlab.example.org:8443 | HTTPS | -",
        "HTTPS://[::1]:9000/o/tree    | o       | tree   | -           | [::1]:9000        | HTTPS | -",
        "git@github.com:pytorch/vision.git | pytorch | vision | -      | github.com        | SSH   | git",
        "example.org:team/models      | team    | models | -           | example.org       | SSH   | -",
        "ssh://git@127.0.0.1:2222/o/r.git | o   | r      | -           | 127.0.0.1:2222    | SSH   | git",
        "ssh://host.example/a/b/c     | a/b     | c      | -           | host.example      | SSH   | -",
    })
    void acceptedForms(String text, String owner, String name, String ref, String host, String protocol,
            String user) {
        RepoSpec s = RepoSpec.parse(text);
        assertEquals(new RepoInfo(owner, name, opt(ref)), s.repo(), text);
        assertEquals(opt(host).map(GitHost::parse), s.host(), text);
        assertEquals(opt(protocol), s.protocol(), text);
        assertEquals(opt(user), s.user(), text);
        assertEquals(s, RepoSpec.parse(s.toString()), "toString parses back: " + s);
    }

    private static Optional<String> opt(String v) {
        return v.equals("-") ? Optional.empty() : Optional.of(v);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "https://github.com/o/r?tab=readme", "https://github.com/o/r#readme", "https://github.com//r",
        "https://github.com/o/../r", "https://github.com/o/./r", "https://github.com/o", "https://github.com",
        "https://github.com/o/r/tree/", "https://user@github.com/o/r", "http://github.com/o/r",
        "git://github.com/o/r", "ftp://h/o/r", "file:///tmp/o/r", "git@:o/r.git", "git@host:", "@host:o/r",
        "git@host:o/r.git?x", "ssh://git@host/o", "ssh://host:0/o/r", "https://bad_host_/o/r", "o:r",
        "https://github.com/o/r/tree/a..b", "https://github.com/-o/r", "a b@host:o/r",
    })
    void hostileOrMalformedInputIsRefusedWithTheAcceptedForms(String text) {
        InvalidRepoException e = assertThrows(InvalidRepoException.class, () -> RepoSpec.parse(text), text);
        assertTrue(e.getMessage().startsWith("Invalid repository"), e.getMessage());
    }

    @Test
    void aPasswordIsRefusedAndNeverRepeated() {
        for (String text : new String[] {"https://bob:s3cret@github.com/o/r", "ssh://bob:s3cret@host/o/r.git",
            "bob:s3cret@host:o/r"}) {
            InvalidRepoException e = assertThrows(InvalidRepoException.class, () -> RepoSpec.parse(text), text);
            assertFalse(e.getMessage().contains("s3cret"), e.getMessage());
            assertTrue(e.getMessage().contains("***@"), e.getMessage());
        }
    }

    @Test
    void aHostWithoutSchemeIsNotTakenForAnOwner() {
        InvalidRepoException e = assertThrows(InvalidRepoException.class,
                () -> RepoSpec.parse("github.com/pytorch/vision"));
        assertTrue(e.getMessage().contains("https://github.com/pytorch/vision"), e.getMessage());
        assertTrue(e.getMessage().contains("--host github.com"), e.getMessage());
        // an owner with a dot and no further segments stays an owner (GitLab groups, GitHub organisations)
        assertEquals("my.group", RepoSpec.parse("my.group/repo").repo().owner());
    }
}
