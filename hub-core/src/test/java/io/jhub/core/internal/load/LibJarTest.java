package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.ProgressListener;
import io.jhub.core.HubModule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

class LibJarTest {
    @TempDir
    Path tmp;

    private Path shoutJar(Path repo) {
        return SourceFiles.jar(repo.resolve("lib/shout-1.0.jar"), "lib/text/Shout.java", """
                package lib.text;

                public class Shout {
                    public static String shout(String s) {
                        return s.toUpperCase() + "!";
                    }
                }
                """);
    }

    /** A jar claiming to be io.jhub.api: the host's module must win, so shared types keep one identity. */
    private Path impostorJar(Path repo) {
        return SourceFiles.automaticModuleJar(repo.resolve("lib/impostor.jar"), "io.jhub.api", "io/jhub/api/Impostor.java", """
                package io.jhub.api;

                public class Impostor {
                }
                """);
    }

    @Test
    void libJarsAreUsableWithoutModuleInfoAndTheParentsModulesWin() {
        Path repo = tmp.resolve("r");
        shoutJar(repo);
        impostorJar(repo);
        SourceFiles.write(repo, "hubconf.java", """
                package hub.lib;

                public class hubconf {
                    public static String loud(String s) {
                        return lib.text.Shout.shout(s);
                    }

                    public static Object none() {
                        return io.jhub.api.ProgressListener.NONE;
                    }

                    public static String shoutModule() {
                        return lib.text.Shout.class.getModule().getName();
                    }
                }
                """);
        HubModule hub = new RepoLoader(tmp.resolve("compiled"), e -> { }).load(repo, "hubconf.java", "lib", TestRepos.OWNER);
        assertEquals("HEY!", hub.invoke("loud", "hey"));
        assertEquals("shout", hub.invoke("shoutModule"));
        assertSame(ProgressListener.NONE, hub.invoke("none"));
        assertTrue(hub.layer().findModule("shout").isPresent());
        assertSame(hub.layer(), hub.layer().findModule("shout").get().getLayer());
        assertTrue(hub.layer().modules().stream().noneMatch(m -> m.getName().equals("io.jhub.api")));
    }

    @Test
    void aModuleInfoMayRequireALibModule() {
        Path repo = tmp.resolve("r");
        shoutJar(repo);
        SourceFiles.write(repo,
                "module-info.java", """
                        module hub.libmod {
                            requires shout;
                            requires io.jhub.api;
                        }
                        """,
                "hubconf.java", """
                        package hub.libmod;

                        public class hubconf {
                            public static String loud(String s) {
                                return lib.text.Shout.shout(s);
                            }
                        }
                        """);
        HubModule hub = new RepoLoader(tmp.resolve("compiled"), e -> { }).load(repo, "hubconf.java", "libmod", TestRepos.OWNER);
        assertEquals("HO!", hub.invoke("loud", "ho"));
        assertEquals("hub.libmod", hub.module().getName());
    }
}
