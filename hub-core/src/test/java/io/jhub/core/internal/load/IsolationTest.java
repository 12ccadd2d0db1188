package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;

import io.jhub.core.HubModule;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

class IsolationTest {
    @TempDir
    Path tmp;

    private static Path repo(Path dir, String value, String extraClass) {
        return SourceFiles.write(dir,
                "hubconf.java", """
                        package hub.demo;

                        public class hubconf {
                            public static String value() {
                                return Models.value();
                            }

                            public static boolean sees(String className) {
                                try {
                                    Class.forName(className, false, hubconf.class.getClassLoader());
                                    return true;
                                } catch (ClassNotFoundException e) {
                                    return false;
                                }
                            }

                            public static String touch() {
                                return %s.class.getName();
                            }
                        }
                        """.formatted(extraClass),
                "hub/demo/Models.java", """
                        package hub.demo;

                        public class Models {
                            public static String value() {
                                return "%s";
                            }
                        }
                        """.formatted(value),
                extraClass.replace('.', '/') + ".java", """
                        package %s;

                        public class %s {
                        }
                        """.formatted(extraClass.substring(0, extraClass.lastIndexOf('.')),
                        extraClass.substring(extraClass.lastIndexOf('.') + 1)));
    }

    @Test
    void twoReposWithTheSameClassNamesLoadSideBySideAndSeeOnlyTheirOwnClasses() {
        Path a = repo(tmp.resolve("a"), "from A", "hub.only.a.OnlyA");
        Path b = repo(tmp.resolve("b"), "from B", "hub.only.b.OnlyB");
        RepoLoader loader = new RepoLoader(tmp.resolve("compiled"), new TestRepos.Recorder());
        HubModule ha = loader.load(a, "hubconf.java", "a", TestRepos.OWNER);
        HubModule hb = loader.load(b, "hubconf.java", "b", TestRepos.OWNER);

        assertEquals("from A", ha.invoke("value"));
        assertEquals("from B", hb.invoke("value"));
        assertEquals("hub.demo", ha.module().getName());
        assertEquals("hub.demo", hb.module().getName());
        assertNotSame(ha.layer(), hb.layer());
        assertNotSame(ha.module().getClassLoader(), hb.module().getClassLoader());
        assertNotEquals(ha.hubconfClass(), hb.hubconfClass());

        assertEquals("hub.only.a.OnlyA", ha.invoke("touch"));
        assertEquals("hub.only.b.OnlyB", hb.invoke("touch"));
        assertEquals(true, ha.invoke("sees", "hub.only.a.OnlyA"));
        assertEquals(false, ha.invoke("sees", "hub.only.b.OnlyB"));
        assertEquals(false, hb.invoke("sees", "hub.only.a.OnlyA"));
        assertEquals(true, hb.invoke("sees", "hub.only.b.OnlyB"));
    }

    @Test
    void eachLoadDefinesANewLayerEvenForTheSameTree() {
        Path a = repo(tmp.resolve("a"), "same", "hub.only.a.OnlyA");
        RepoLoader loader = new RepoLoader(tmp.resolve("compiled"), e -> { });
        HubModule first = loader.load(a, "hubconf.java", "a", TestRepos.OWNER);
        HubModule second = loader.load(a, "hubconf.java", "a", TestRepos.OWNER);
        assertNotSame(first.layer(), second.layer());
        assertEquals(first.invoke("value"), second.invoke("value"));
    }
}
