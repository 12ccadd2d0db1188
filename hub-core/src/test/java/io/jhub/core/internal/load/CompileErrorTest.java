package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.HubException;
import io.jhub.api.HubconfCompileException;
import io.jhub.api.HubconfCompileException.Problem;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

class CompileErrorTest {
    @TempDir
    Path tmp;

    private HubconfCompileException failing(Path repo, String hubconf) {
        return assertThrows(HubconfCompileException.class,
                () -> new RepoLoader(tmp.resolve("compiled"), e -> { }).load(repo, hubconf, "broken", TestRepos.OWNER));
    }

    @Test
    void errorsInTheHubconfAndInAHelperAreListedWithFileLineAndColumn() {
        Path repo = SourceFiles.write(tmp.resolve("r"),
                "hubconf.java", """
                        package hub.bad;

                        public class hubconf {
                            public static int one() {
                                return hub.bad.util.Helper.two() + missingMethod();
                            }
                        }
                        """,
                "hub/bad/util/Helper.java", """
                        package hub.bad.util;

                        public class Helper {
                            public static int two() {
                                String s = 2;
                                return 2;
                            }
                        }
                        """);
        HubconfCompileException e = failing(repo, "hubconf.java");
        List<String> where = e.problems().stream().map(p -> p.file() + ":" + p.line() + ":" + p.column()).toList();
        assertTrue(where.contains("hubconf.java:5:44"), where.toString());
        assertTrue(where.contains("hub/bad/util/Helper.java:5:20"), where.toString());
        assertEquals(2, e.problems().size(), e.getMessage());
        assertTrue(e.getMessage().contains("hubconf.java:5:44: cannot find symbol"), e.getMessage());
        assertTrue(e.getMessage().contains("incompatible types"), e.getMessage());
        assertTrue(e.getMessage().contains("broken"), e.getMessage());
    }

    @Test
    void aHubconfWithoutPackageIsRejectedClearly() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                /* no package here */
                public class hubconf {
                    public static int one() { return 1; }
                }
                """);
        HubconfCompileException e = failing(repo, "hubconf.java");
        Problem p = e.problems().get(0);
        assertEquals("hubconf.java", p.file());
        assertTrue(p.message().contains("must declare a package"), p.message());
    }

    @Test
    void aDependenciesFieldThatIsNotALiteralArrayIsAnError() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "src/hub/x/hubconf.java", """
                package hub.x;

                public class hubconf {
                    static final String NAME = "java.sql";
                    public static final String[] dependencies = {NAME};
                    public static int one() { return 1; }
                }
                """);
        HubconfCompileException e = failing(repo, "src/hub/x/hubconf.java");
        Problem p = e.problems().get(0);
        assertEquals("src/hub/x/hubconf.java:5:50", p.file() + ":" + p.line() + ":" + p.column());
        assertTrue(p.message().contains("string literals"), p.message());
    }

    @Test
    void syntaxErrorsAreReportedToo() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                package hub.x;

                public class hubconf {
                    public static int one( { return 1; }
                }
                """);
        HubconfCompileException e = failing(repo, "hubconf.java");
        assertEquals(4, e.problems().get(0).line(), e.getMessage());
    }

    @Test
    void badHubconfPathsAndMissingFilesSayWhatIsWrong() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", "package a;\npublic class hubconf {}\n");
        RepoLoader loader = new RepoLoader(tmp.resolve("compiled"), e -> { });
        HubException up = assertThrows(HubException.class, () -> loader.load(repo, "../hubconf.java", "r", TestRepos.OWNER));
        assertTrue(up.getMessage().contains("../hubconf.java"), up.getMessage());
        HubException missing = assertThrows(HubException.class, () -> loader.load(repo, "other.java", "r", TestRepos.OWNER));
        assertTrue(missing.getMessage().contains("has no other.java"), missing.getMessage());
        HubException notDir = assertThrows(HubException.class,
                () -> loader.load(repo.resolve("nothing"), "hubconf.java", "r", TestRepos.OWNER));
        assertTrue(notDir.getMessage().contains("not a directory"), notDir.getMessage());
    }
}
