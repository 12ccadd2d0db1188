package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.jhub.api.MissingDependencyException;
import io.jhub.api.ProgressEvent;
import io.jhub.core.HubModule;
import java.lang.module.ModuleFinder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

class DependencyTest {
    @TempDir
    Path tmp;

    @Test
    void everyMissingModuleFromRequiresAndDependenciesIsListedBeforeAnythingRuns() {
        Path repo = SourceFiles.write(tmp.resolve("r"),
                "module-info.java", """
                        module hub.deps {
                            requires io.jhub.api;
                            requires no.such.module;
                            requires static optional.only.at.compile.time;
                        }
                        """,
                "hubconf.java", """
                        package hub.deps;

                        public class hubconf {
                            public static final String[] dependencies = {"missing.one", "java.sql", "missing.two"};

                            static {
                                if (true) {
                                    throw new IllegalStateException("hubconf code must not run");
                                }
                            }

                            public static String x() {
                                return "x";
                            }
                        }
                        """);
        TestRepos.Recorder progress = new TestRepos.Recorder();
        RepoLoader loader = new RepoLoader(tmp.resolve("compiled"), progress);
        MissingDependencyException e = assertThrows(MissingDependencyException.class,
                () -> loader.load(repo, "hubconf.java", "deps-repo", TestRepos.OWNER));
        assertEquals(List.of("missing.one", "missing.two", "no.such.module"), e.missing());
        assertTrue(e.getMessage().contains("deps-repo"), e.getMessage());
        assertTrue(e.getMessage().contains("module path"), e.getMessage());
        // checked after parsing, before compiling: nothing was installed in the compiled cache
        assertTrue(!Files.exists(tmp.resolve("compiled")) || TestRepos.entries(tmp.resolve("compiled")).isEmpty());
    }

    @Test
    void aJdkModuleMissingFromTheBootLayerGetsTheAddModulesAdvice() {
        String jdkModule = "jdk.incubator.vector";
        assumeTrue(ModuleFinder.ofSystem().find(jdkModule).isPresent());
        assumeTrue(ModuleLayer.boot().findModule(jdkModule).isEmpty());
        Path repo = SourceFiles.write(tmp.resolve("r"),
                "hubconf.java", """
                        package hub.vec;

                        public class hubconf {
                            public static final String[] dependencies = {"%s"};

                            public static int one() {
                                return 1;
                            }
                        }
                        """.formatted(jdkModule));
        MissingDependencyException e = assertThrows(MissingDependencyException.class,
                () -> new RepoLoader(tmp.resolve("compiled"), ev -> { }).load(repo, "hubconf.java", "vec", TestRepos.OWNER));
        assertEquals(List.of(jdkModule), e.missing());
        assertTrue(e.getMessage().contains("--add-modules " + jdkModule), e.getMessage());
        assertTrue(e.getMessage().contains("ALL-DEFAULT"), e.getMessage());
    }

    @Test
    void aJdkModuleTheRuntimeDoesNotContainIsNotSentToTheModulePath() {
        String absent = "jdk.no.such.module";
        Path repo = SourceFiles.write(tmp.resolve("r"),
                "hubconf.java", """
                        package hub.absent;

                        public class hubconf {
                            public static final String[] dependencies = {"%s", "com.example.lib"};

                            public static int one() {
                                return 1;
                            }
                        }
                        """.formatted(absent));
        MissingDependencyException e = assertThrows(MissingDependencyException.class,
                () -> new RepoLoader(tmp.resolve("compiled"), ev -> { }).load(repo, "hubconf.java", "absent",
                        TestRepos.OWNER));
        assertEquals(List.of(absent, "com.example.lib"), e.missing());
        String message = e.getMessage();
        assertTrue(message.contains(absent + " is a JDK module that the running Java runtime ("
                + System.getProperty("java.home")), message);
        assertTrue(message.contains("Put com.example.lib on the application's module path"), message);
        assertTrue(!message.contains("Put " + absent), message);
    }

    @Test
    void presentDependenciesAndRequiresLoadAndReturnedObjectsAreTheAppsOwnTypes() {
        Path repo = SourceFiles.write(tmp.resolve("r"),
                "module-info.java", """
                        module hub.sql {
                            requires io.jhub.api;
                            requires java.sql;
                        }
                        """,
                "src-ignored.txt", "not a resource in a package",
                "hubconf.java", """
                        package hub.sql;

                        import io.jhub.api.ProgressEvent;

                        public class hubconf {
                            public static final String[] dependencies = {"java.sql", "io.jhub.api"};

                            public static ProgressEvent event(long done) {
                                return new ProgressEvent(ProgressEvent.Phase.DOWNLOAD, "x", done, 10);
                            }

                            public static String sqlType() {
                                return java.sql.JDBCType.INTEGER.getName();
                            }
                        }
                        """);
        HubModule hub = new RepoLoader(tmp.resolve("compiled"), ev -> { }).load(repo, "hubconf.java", "sql", TestRepos.OWNER);
        ProgressEvent event = assertInstanceOf(ProgressEvent.class, hub.invoke("event", 4));
        assertEquals(4, event.done());
        assertEquals("INTEGER", hub.invoke("sqlType"));
        assertEquals("hub.sql", hub.module().getName());
        assertTrue(hub.module().canRead(ModuleLayer.boot().findModule("java.sql").orElseThrow()));
    }

    @Test
    void withoutModuleInfoTheRepoMayUseExportedPackagesOfTheParentModules() {
        Path repo = SourceFiles.write(tmp.resolve("r"),
                "hubconf.java", """
                        package hub.free;

                        public class hubconf {
                            public static final String[] dependencies = {"java.sql"};

                            public static String both() {
                                return java.sql.JDBCType.BIGINT.getName() + " " + io.jhub.api.HubDefaults.DEFAULT_HUBCONF_ENTRY;
                            }
                        }
                        """);
        HubModule hub = new RepoLoader(tmp.resolve("compiled"), ev -> { }).load(repo, "hubconf.java", "free", TestRepos.OWNER);
        assertEquals("BIGINT hubconf.java", hub.invoke("both"));
        assertTrue(hub.module().getDescriptor().isOpen());
    }
}
