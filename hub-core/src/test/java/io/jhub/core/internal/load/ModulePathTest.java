package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.HubException;
import io.jhub.http.HttpEngine;
import io.jhub.testkit.Processes;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

/**
 * jhub on the module path: a child JVM runs a tiny app module that {@code requires io.jhub.core} and loads two
 * hub repositories (one with its own module-info) through the {@code Hub} facade.
 */
class ModulePathTest {
    @TempDir
    Path tmp;

    private static Path codeSource(Class<?> c) throws Exception {
        return Path.of(c.getProtectionDomain().getCodeSource().getLocation().toURI());
    }

    @Test
    void aModularAppLoadsHubReposIntoTheirOwnLayers() throws Exception {
        String modulePath = codeSource(HubException.class) + File.pathSeparator + codeSource(HttpEngine.class)
                + File.pathSeparator + codeSource(RepoLoader.class);
        Path src = SourceFiles.write(tmp.resolve("app-src"),
                "module-info.java", "module app { requires io.jhub.core; }\n",
                "app/Main.java", """
                        package app;

                        import io.jhub.api.ProgressEvent;
                        import io.jhub.core.Hub;
                        import io.jhub.core.HubModule;
                        import java.nio.file.Path;
                        import java.util.List;
                        import java.util.Map;

                        public class Main {
                            public static void main(String[] args) {
                                Hub hub = Hub.builder().cacheDir(Path.of(args[0])).build();
                                HubModule plain = hub.repo(Path.of(args[1])).importModule();
                                System.out.println("plain.result=" + plain.invoke("greet", "modules"));
                                report("plain", plain);
                                HubModule declared = hub.repo(Path.of(args[2])).importModule();
                                Object event = declared.invoke("event", List.of(), Map.of("done", 3));
                                System.out.println("declared.result=" + ((ProgressEvent) event).done());
                                report("declared", declared);
                                System.out.println("distinctLayers=" + (plain.layer() != declared.layer()));
                                System.out.println("sql=" + hub.repo(Path.of(args[3])).load("type"));
                                try {
                                    hub.repo(Path.of(args[4])).importModule();
                                } catch (io.jhub.api.MissingDependencyException e) {
                                    System.out.println("jdkMissing=" + e.missing());
                                    System.out.println("advice="
                                            + e.getMessage().contains("--add-modules java.scripting"));
                                }
                            }

                            static void report(String what, HubModule m) {
                                System.out.println(what + ".module=" + m.module().getName());
                                System.out.println(what + ".named=" + m.module().isNamed());
                                System.out.println(what + ".ownLayer=" + (m.module().getLayer() == m.layer()
                                        && m.layer() != ModuleLayer.boot()
                                        && m.layer() != Hub.class.getModule().getLayer()
                                        && m.layer().parents().contains(Hub.class.getModule().getLayer())));
                            }
                        }
                        """);
        Path appClasses = tmp.resolve("app-classes");
        List<String> javacArgs = new ArrayList<>(List.of("-d", appClasses.toString(), "--module-path", modulePath,
                src.resolve("module-info.java").toString(), src.resolve("app/Main.java").toString()));
        assertEquals(0, ToolProvider.getSystemJavaCompiler().run(null, null, null, javacArgs.toArray(String[]::new)));

        Path plain = RepoLoaderBasicsTest.demoRepo(tmp.resolve("plain"));
        Path declared = SourceFiles.write(tmp.resolve("declared"),
                "module-info.java", "module hub.declared { requires io.jhub.api; }\n",
                "hubconf.java", """
                        package hub.declared;

                        import io.jhub.api.ProgressEvent;

                        public class hubconf {
                            public static ProgressEvent event(long done) {
                                return new ProgressEvent(ProgressEvent.Phase.EXTRACT, "x", done, -1);
                            }
                        }
                        """);
        Path needsSql = SourceFiles.write(tmp.resolve("sql"), "hubconf.java", """
                package hub.sql;

                public class hubconf {
                    public static final String[] dependencies = {"java.net.http", "java.sql"};

                    public static String type() {
                        return java.sql.JDBCType.BIT.getName();
                    }
                }
                """);
        Path needsScripting = SourceFiles.write(tmp.resolve("scripting"), "hubconf.java", """
                package hub.scripting;

                public class hubconf {
                    public static final String[] dependencies = {"java.scripting", "java.sql"};

                    public static int one() {
                        return 1;
                    }
                }
                """);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Processes.Result r = Processes.exec(tmp, Map.of(), List.of(java, "-XX:TieredStopAtLevel=1",
                "--module-path", modulePath + File.pathSeparator + appClasses, "--add-modules", "java.sql",
                "-m", "app/app.Main",
                tmp.resolve("cache").toString(), plain.toString(), declared.toString(), needsSql.toString(),
                needsScripting.toString()));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        String out = r.stdout();
        for (String expected : List.of("plain.result=Hello, modules", "plain.module=hub.demo", "plain.named=true",
                "plain.ownLayer=true", "declared.result=3", "declared.module=hub.declared", "declared.named=true",
                "declared.ownLayer=true", "distinctLayers=true", "sql=BIT", "jdkMissing=[java.scripting]", "advice=true")) {
            assertTrue(out.contains(expected + System.lineSeparator()), expected + " missing in:\n" + out + r.stderr());
        }
    }
}
