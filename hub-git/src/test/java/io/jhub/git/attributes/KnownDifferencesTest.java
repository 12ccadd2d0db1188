package io.jhub.git.attributes;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The documented places where jhub's expansion must differ from a host's archive, each checked against git. */
class KnownDifferencesTest {
    @TempDir
    Path dir;

    private static String archived(GitRepo r, String commit, String path) {
        return TarEntries.read(r.gitBytes(null, "archive", "--format=tar", commit)).get(path);
    }

    @Test
    void refNamesDescribeAndMailmapNeedTheHostsState() {
        GitRepo r = new GitRepo(dir);
        r.write(".gitattributes", "*.s export-subst\n")
                .write(".mailmap", "Real Name <real@example.org> A U Thor <author@example.org>\n")
                .write("f.s", "[$Format:%d$][$Format:%D$][$Format:%(describe)$][$Format:%aN <%aE>$]");
        String commit = r.commit("tagged");
        r.git("tag", "-a", "-m", "release", "v1.0");
        assertEquals("[ (HEAD -> main, tag: v1.0)][HEAD -> main, tag: v1.0][v1.0][Real Name <real@example.org>]",
                archived(r, commit, "f.s"));
        assertEquals("[][][][A U Thor <author@example.org>]", TreeWalk.walk(r, commit).get("f.s"));
    }

    @Test
    void abbreviationLengthIsTheCallersChoice() {
        GitRepo r = new GitRepo(dir);
        r.write(".gitattributes", "*.s export-subst\n").write("f.s", "$Format:%h %t$");
        String commit = r.commit("short ids");
        String tree = r.git("rev-parse", commit + "^{tree}").trim();
        assertEquals(commit.substring(0, 7) + " " + tree.substring(0, 7), archived(r, commit, "f.s"));
        Map<String, String> twelve = TreeWalk.walk(r, commit, ExportOptions.defaults(1 << 20).withAbbrevLength(12));
        assertEquals(commit.substring(0, 12) + " " + tree.substring(0, 12), twelve.get("f.s"));
        assertEquals(7, ExportOptions.autoAbbrevLength(16383));
        assertEquals(8, ExportOptions.autoAbbrevLength(16384));
        assertEquals(10, ExportOptions.autoAbbrevLength(700_000));
    }

    @ParameterizedTest
    @ValueSource(longs = {-100, 0, 30, 89, 90, 3000, 5400, 7200, 129_600, 3 * 86400 + 3600, 20 * 86400,
        100 * 86400, 364 * 86400, 400 * 86400, 730 * 86400, 1000 * 86400, 3000 * 86400, 20L * 365 * 86400})
    void relativeAndHumanDatesFollowTheGivenClockAsGitFollowsItsOwn(long secondsAfterCommit) {
        GitRepo r = new GitRepo(dir);
        r.write(".gitattributes", "*.s export-subst\n").write("f.s", "$Format:%ar|%cr|%ah|%ch$");
        String commit = r.commit("dated 2005");
        long now = 1112911993L + secondsAfterCommit;
        r.extraEnv.put("GIT_TEST_DATE_NOW", Long.toString(now));
        Clock clock = Clock.fixed(Instant.ofEpochSecond(now), ZoneOffset.UTC);
        Map<String, String> tree = TreeWalk.walk(r, commit, new ExportOptions(7, 1 << 20, clock));
        assertEquals(archived(r, commit, "f.s"), tree.get("f.s"));
    }
}
