package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.core.HubModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

class RepoLayoutTest {
    @TempDir
    Path tmp;

    @Test
    void listingAndHelpRunNoRepositoryCode() {
        String flag = "jhub.test.initialised." + UUID.randomUUID();
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                package hub.lazy;

                /** Lazy. */
                public class hubconf {
                    public static final String[] dependencies = {"java.base"};

                    static {
                        System.setProperty("%s", "yes");
                    }

                    /** Returns one. */
                    public static int one() {
                        return 1;
                    }
                }
                """.formatted(flag));
        HubModule hub = new RepoLoader(tmp.resolve("compiled"), e -> { }).load(repo, "hubconf.java", "lazy", TestRepos.OWNER);
        assertEquals(List.of("one"), hub.entries());
        assertEquals("int one()\n    Returns one.", hub.help("one"));
        assertEquals("hub.lazy.hubconf", hub.hubconfClass().getName());
        assertNull(System.getProperty(flag), "the hubconf class was initialised before any entry ran");
        assertEquals(1, hub.invoke("one"));
        assertEquals("yes", System.getProperty(flag));
        System.clearProperty(flag);
    }

    @Test
    void aHubconfInsideItsPackagePathUnderASubdirectoryWithModuleInfoAndResources() throws Exception {
        Path repo = SourceFiles.write(tmp.resolve("r"),
                "README.md", "outside the source root",
                ".hidden/secret.txt", "hidden",
                "src/module-info.java", "module hub.nested { }\n",
                "src/hub/nested/hubconf.java", """
                        package hub.nested;

                        import java.io.InputStream;

                        public class hubconf {
                            public static String data() throws Exception {
                                try (InputStream in = hubconf.class.getResourceAsStream("data.txt")) {
                                    return new String(in.readAllBytes(), "UTF-8");
                                }
                            }

                            public static String util() {
                                return hub.nested.util.Util.name();
                            }
                        }
                        """,
                "src/hub/nested/util/Util.java", """
                        package hub.nested.util;

                        public class Util {
                            public static String name() {
                                return "util";
                            }
                        }
                        """,
                "src/hub/nested/data.txt", "weights",
                "src/hub/nested/Unused.java", "this is not even Java, and it is never compiled");
        HubModule hub = new RepoLoader(tmp.resolve("compiled"), e -> { })
                .load(repo, "src/hub/nested/hubconf.java", "nested", TestRepos.OWNER);
        assertEquals("weights", hub.invoke("data"));
        assertEquals("util", hub.invoke("util"));
        assertEquals("hub.nested", hub.module().getName());
        assertTrue(hub.module().getDescriptor().packages().contains("hub.nested.util"));
        assertNull(hub.module().getResourceAsStream("README.md"), "README.md is outside the source root");
        assertNull(hub.module().getResourceAsStream("hub/nested/hubconf.java"), "sources are not resources");
        Path outside = Files.writeString(tmp.resolve("outside.txt"), "outside");
        Files.createSymbolicLink(repo.resolve("src/link.txt"), outside);
        assertNull(hub.module().getResourceAsStream("link.txt"), "a link must not leave the source root");
        assertEquals(repo.toAbsolutePath().normalize(), hub.root());
        assertEquals("nested", hub.name());
    }

    @Test
    void orphanStagingDirectoriesOfAKeyAreRemovedWhenItIsBuilt() throws Exception {
        Path repo = RepoLoaderBasicsTest.demoRepo(tmp.resolve("r"));
        Path compiled = tmp.resolve("compiled");
        new RepoLoader(compiled, e -> { }).load(repo, "hubconf.java", "demo", TestRepos.OWNER);
        Path entry = TestRepos.entries(compiled).get(0);
        Path orphan = Files.createDirectories(compiled.resolve(".staging-" + entry.getFileName() + "-killed/classes"));
        Files.delete(entry.resolve("hub.properties"));
        TestRepos.Recorder progress = new TestRepos.Recorder();
        assertEquals("Hello, x", new RepoLoader(compiled, progress).load(repo, "hubconf.java", "demo", TestRepos.OWNER)
                .invoke("greet", "x"));
        assertEquals(1, progress.compiles());
        assertTrue(Files.notExists(orphan.getParent()), "orphan staging directory removed");
    }

    @Test
    void aPackagePrivateHubconfClassInAModuleThatExportsNothingIsStillCallable() {
        Path repo = SourceFiles.write(tmp.resolve("r"),
                "module-info.java", "module hub.closed { }\n",
                "hubconf.java", """
                        package hub.closed;

                        final class Entries {
                            private Entries() {
                            }

                            /** Doubles. */
                            public static int twice(int x) {
                                return 2 * x;
                            }
                        }
                        """);
        HubModule hub = new RepoLoader(tmp.resolve("compiled"), e -> { }).load(repo, "hubconf.java", "closed", TestRepos.OWNER);
        assertEquals("hub.closed.Entries", hub.hubconfClass().getName());
        assertEquals(List.of("twice"), hub.entries());
        assertEquals(42, hub.invoke("twice", 21));
        assertTrue(hub.module().getDescriptor().exports().isEmpty());
    }
}
