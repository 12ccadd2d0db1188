package io.jhub.git;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.UnsafeArchiveException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TreePathsTest {
    @ParameterizedTest
    @ValueSource(strings = {"a", "src/hubconf.java", ".gitignore", ".github/workflows/ci.yml", "a/.gitx/b",
            "git~2", "ab:c", "1:2"})
    void acceptsOrdinaryPaths(String rel) {
        assertEquals(rel, TreePaths.check(rel));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "/a", "a/", "a//b", ".", "..", "a/../b", "a/./b", ".git", "a/.GIT/config",
            ".Git/hooks/x", "d/.git./x", "d/.git /x", "GIT~1/config", "a\\b", "C:/x", "d/c:evil", "a\u0000b",
            "a\nb", "a\u007fb"})
    void refusesUnsafePaths(String rel) {
        UnsafeArchiveException e = assertThrows(UnsafeArchiveException.class, () -> TreePaths.check(rel));
        assertTrue(e.getMessage().contains("\"" + TreePaths.printable(rel) + "\""), e.getMessage());
    }
}
