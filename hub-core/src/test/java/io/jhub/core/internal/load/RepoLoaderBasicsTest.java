package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.EntryNotFoundException;
import io.jhub.core.HubModule;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

class RepoLoaderBasicsTest {

    @TempDir
    Path tmp;

    static Path demoRepo(Path dir) {
        return SourceFiles.write(dir,
                "hubconf.java", """
                        package hub.demo;

                        import hub.util.Helper;

                        /** The demo hub. */
                        public class hubconf {
                            /**
                             * Greets someone.
                             *
                             * @param name who to greet
                             * @return the greeting
                             */
                            public static String greet(String name) {
                                return Helper.prefix() + name;
                            }

                            /** Adds two longs. */
                            public static long add(long a, long b) {
                                return a + b;
                            }

                            public static int initCount() {
                                return Helper.inits;
                            }

                            static String notAnEntry() {
                                return "no";
                            }

                            private static Runnable lambda() {
                                return () -> { };
                            }
                        }
                        """,
                "hub/util/Helper.java", """
                        package hub.util;

                        public class Helper {
                            public static int inits;

                            public static String prefix() {
                                return "Hello, ";
                            }
                        }
                        """,
                "hub/util/greeting.txt", "resource text");
    }

    @Test
    void listsHelpsAndInvokesAnEntryThatUsesAHelperInAnotherPackage() throws Exception {
        Path repo = demoRepo(tmp.resolve("repo"));
        TestRepos.Recorder progress = new TestRepos.Recorder();
        HubModule hub = new RepoLoader(tmp.resolve("compiled"), progress).load(repo, "hubconf.java", "demo", TestRepos.OWNER);

        assertEquals(List.of("add", "greet", "initCount"), hub.entries());
        assertEquals("String greet(String name)\n    Greets someone.\n\n    Parameters:\n      name - who to greet\n"
                + "    Returns:\n      the greeting", hub.help("greet"));
        assertEquals("Hello, Ada", hub.invoke("greet", "Ada"));
        assertEquals(5L, hub.invoke("add", 2, 3));
        assertEquals(7L, hub.invoke("add", List.of(3), Map.of("b", 4)));
        assertEquals("hub.demo", hub.module().getName());
        assertTrue(hub.module().isNamed());
        assertNotSame(ModuleLayer.boot(), hub.layer());
        assertEquals(hub.layer(), hub.module().getLayer());
        assertEquals("hub.demo.hubconf", hub.hubconfClass().getName());
        assertEquals(1, progress.compiles());
        EntryNotFoundException e = assertThrows(EntryNotFoundException.class, () -> hub.help("nope"));
        assertTrue(e.getMessage().contains("add, greet, initCount"), e.getMessage());
        assertThrows(EntryNotFoundException.class, () -> hub.invoke("notAnEntry"));
        assertEquals("resource text", new String(hub.module().getResourceAsStream("hub/util/greeting.txt")
                .readAllBytes(), java.nio.charset.StandardCharsets.UTF_8));
        assertFalse(hub.entries().contains("lambda"));
    }
}
