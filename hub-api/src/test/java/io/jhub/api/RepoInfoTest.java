package io.jhub.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class RepoInfoTest {

    @Test
    void parsesOwnerNameAndRef() {
        RepoInfo r = RepoInfo.parse("pytorch/vision:release/0.18");
        assertEquals("pytorch", r.owner());
        assertEquals("vision", r.name());
        assertEquals(Optional.of("release/0.18"), r.ref());
        assertEquals("pytorch/vision:release/0.18", r.toString());
    }

    @Test
    void noRefMeansDefaultBranch() {
        assertEquals(Optional.empty(), RepoInfo.parse("a/b").ref());
    }

    @Test
    void gitlabSubgroupsBelongToTheOwner() {
        RepoInfo r = RepoInfo.parse("group/sub/project:v1");
        assertEquals("group/sub", r.owner());
        assertEquals("project", r.name());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "noslash", "/name", "owner/", "a/b:", "a/b:x..y", "a/b:-x", "a/b:x y", "a/b:x~1",
        "a/b:x.lock", "a/b:x/", "a b/c", "a/.hidden", "a/b.git", "a//b", "a/b:@", "a/b:x@{1}", "a/b:x:y"})
    void rejectsWithQuotedInputAndExample(String text) {
        InvalidRepoException e = assertThrows(InvalidRepoException.class, () -> RepoInfo.parse(text));
        assertTrue(e.getMessage().contains("\"" + text + "\""), e.getMessage());
        assertTrue(e.getMessage().contains("pytorch/vision:main"), e.getMessage());
    }
}
