package io.jhub.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.check.HubCheckReport.Finding;
import io.jhub.check.HubCheckReport.LibJar;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

/** {@link HubCheck#check(Path)}: every finding, and that checking runs no repository code and writes nothing. */
class HubCheckTest {
    @TempDir
    Path tmp;

    private static List<String> lines(List<Finding> findings) {
        return findings.stream().map(Finding::toString).toList();
    }

    @Test
    void aCleanHubListsEntriesResourcesAndDependenciesAndRunsNothing() throws Exception {
        String flag = "jhub.check.ran." + System.nanoTime();
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                package hub.clean;

                /** Clean. */
                public final class hubconf {
                    public static final String[] dependencies = {"java.base"};

                    static {
                        System.setProperty("%s", "yes");
                    }

                    private hubconf() {
                    }

                    /**
                     * Greets.
                     *
                     * @param name who
                     * @return the greeting
                     */
                    public static String greet(String name) {
                        return hub.clean.util.Words.hello() + name;
                    }
                }
                """.formatted(flag),
                "hub/clean/util/Words.java", """
                        package hub.clean.util;

                        /** Words. */
                        public final class Words {
                            static {
                                if (true) {
                                    throw new IllegalStateException("must not run");
                                }
                            }

                            private Words() {
                            }

                            /** @return a greeting */
                            public static String hello() {
                                return "Hello, ";
                            }
                        }
                        """,
                "hub/clean/greeting.txt", "hi");
        HubCheckReport report = HubCheck.check(repo);
        assertTrue(report.ok(), report.toString());
        assertEquals(List.of(), report.findings());
        assertEquals(1, report.entries().size());
        HubCheckReport.Entry greet = report.entries().get(0);
        assertEquals("String greet(String name)", greet.signature());
        assertEquals("hubconf.java:20:5", greet.location().toString());
        assertTrue(greet.doc().startsWith("Greets."), greet.doc());
        assertEquals(List.of("java.base"), report.dependencies());
        assertEquals(List.of("hub/clean/greeting.txt"), report.resources());
        assertEquals(Optional.of("hub.clean"), report.packageName());
        assertFalse(report.declaredModule());
        assertNull(System.getProperty(flag), "check initialised the hubconf class");
        try (Stream<Path> files = Files.walk(repo)) {
            assertTrue(files.noneMatch(p -> p.toString().endsWith(".class")), "check wrote class files");
        }
    }

    @Test
    void compileErrorsAreReportedAsFileLineColumnRelativeToTheDirectory() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "src/hub/bad/hubconf.java", """
                package hub.bad;

                /** Bad. */
                public class hubconf {
                    /** @return one */
                    public static int one() {
                        return hub.bad.util.Helper.two();
                    }
                }
                """,
                "src/hub/bad/util/Helper.java", """
                        package hub.bad.util;

                        public class Helper {
                            public static int two() {
                                String s = 2;
                                return 2;
                            }
                        }
                        """);
        HubCheckReport report = HubCheck.check(repo, "src/hub/bad/hubconf.java");
        assertFalse(report.ok());
        List<String> errors = lines(report.errors());
        assertEquals(1, errors.size(), errors.toString());
        assertTrue(errors.get(0).startsWith("src/hub/bad/util/Helper.java:5:20: error: incompatible types"),
                errors.toString());
        assertEquals(List.of(), report.entries());
    }

    @Test
    void anEntryWithoutJavadocIsAWarningAndTheHubStillPasses() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                package hub.nodoc;

                /** No docs. */
                public class hubconf {
                    /** Documented. */
                    public static int one() {
                        return 1;
                    }

                    public static int two() {
                        return 2;
                    }
                }
                """);
        HubCheckReport report = HubCheck.check(repo);
        assertTrue(report.ok());
        assertEquals(List.of("hubconf.java:10:5: warning: entry int two() has no Javadoc, so jhub help shows nothing"
                + " for it; add a /** ... */ comment"), lines(report.warnings()));
    }

    @Test
    void aHubconfWithoutPackageIsAnError() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                /** No package. */
                public class hubconf {
                    /** @return one */
                    public static int one() { return 1; }
                }
                """);
        HubCheckReport report = HubCheck.check(repo);
        assertFalse(report.ok());
        assertEquals(1, report.errors().size());
        assertTrue(lines(report.errors()).get(0).startsWith("hubconf.java:1:1: error: the hubconf must declare a"
                + " package"), lines(report.errors()).toString());
        assertEquals(Optional.empty(), report.packageName());
    }

    @Test
    void aNonPublicHubconfClassIsAWarning() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                package hub.hidden;

                /** Hidden. */
                final class hubconf {
                    /** @return one */
                    public static int one() {
                        return 1;
                    }
                }
                """);
        HubCheckReport report = HubCheck.check(repo);
        assertTrue(report.ok());
        List<String> warnings = lines(report.warnings());
        assertEquals(1, warnings.size(), warnings.toString());
        assertTrue(warnings.get(0).startsWith("hubconf.java:4:1: warning: the hubconf class hubconf is not public"),
                warnings.toString());
    }

    @Test
    void modulesThisRuntimeLacksAreErrorsAtTheirDeclaration() {
        Path repo = SourceFiles.write(tmp.resolve("r"),
                "module-info.java", """
                        module hub.needs {
                            requires no.such.module;
                        }
                        """,
                "hubconf.java", """
                        package hub.needs;

                        /** Needs. */
                        public class hubconf {
                            public static final String[] dependencies = {"java.base", "com.example.tensors"};

                            /** @return one */
                            public static int one() {
                                return 1;
                            }
                        }
                        """);
        HubCheckReport report = HubCheck.check(repo);
        assertFalse(report.ok());
        List<String> errors = lines(report.errors());
        assertTrue(errors.get(0).startsWith("hubconf.java:5:5: error: module com.example.tensors is not in this"
                + " runtime"), errors.toString());
        assertTrue(errors.get(0).contains("lib/ directory"), errors.toString());
        assertTrue(errors.get(1).startsWith("module-info.java:2:5: error: module no.such.module is not in this"
                + " runtime"), errors.toString());
        assertTrue(report.declaredModule());
        assertEquals(List.of("java.base", "com.example.tensors"), report.dependencies());
    }

    @Test
    void libJarsAreListedWithTheirModuleNames() throws Exception {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                package hub.libs;

                /** Libs. */
                public class hubconf {
                    /** @return the text */
                    public static String loud() {
                        return lib.text.Shout.shout("a") + lib.plain.Plain.NAME;
                    }
                }
                """);
        SourceFiles.jar(repo.resolve("lib/shout.jar"),
                "module-info.java", "module shout { exports lib.text; }\n",
                "lib/text/Shout.java", """
                        package lib.text;

                        public final class Shout {
                            public static String shout(String s) {
                                return s.toUpperCase() + "!";
                            }
                        }
                        """);
        SourceFiles.jar(repo.resolve("lib/plain-utils-1.0.jar"),
                "lib/plain/Plain.java", "package lib.plain;\npublic final class Plain { public static final String NAME"
                        + " = \"p\"; }\n");
        SourceFiles.automaticModuleJar(repo.resolve("lib/named.jar"), "com.example.named",
                "lib/named/Named.java", "package lib.named;\npublic final class Named { }\n");
        SourceFiles.automaticModuleJar(repo.resolve("lib/api-copy.jar"), "io.jhub.api",
                "lib/copy/Copy.java", "package lib.copy;\npublic final class Copy { }\n");
        Files.writeString(repo.resolve("lib/broken.jar"), "not a zip");
        HubCheckReport report = HubCheck.check(repo);
        assertEquals(List.of(
                new LibJar("lib/api-copy.jar", Optional.of("io.jhub.api"), true),
                new LibJar("lib/broken.jar", Optional.empty(), false),
                new LibJar("lib/named.jar", Optional.of("com.example.named"), true),
                new LibJar("lib/plain-utils-1.0.jar", Optional.of("plain.utils"), true),
                new LibJar("lib/shout.jar", Optional.of("shout"), false)), report.libJars());
        List<String> findings = lines(report.findings());
        assertTrue(findings.get(0).startsWith("lib/broken.jar: error: not a usable module"), findings.toString());
        assertTrue(findings.get(1).startsWith("lib/api-copy.jar: warning: module io.jhub.api is already in this"
                + " runtime"), findings.toString());
        assertEquals(2, findings.size(), findings.toString());
        assertEquals(List.of(), report.resources(), "jars in lib/ are no resources");
    }

    @Test
    void aHubconfWithoutEntriesAndTwoJarsOfOneModuleAreReported() {
        Path repo = SourceFiles.write(tmp.resolve("r"), "hubconf.java", """
                package hub.empty;

                /** Nothing yet. */
                public final class hubconf {
                    private hubconf() {
                    }
                }
                """);
        SourceFiles.automaticModuleJar(repo.resolve("lib/a.jar"), "com.example.same",
                "lib/a/A.java", "package lib.a;\npublic class A { }\n");
        SourceFiles.automaticModuleJar(repo.resolve("lib/b.jar"), "com.example.same",
                "lib/b/B.java", "package lib.b;\npublic class B { }\n");
        HubCheckReport report = HubCheck.check(repo);
        assertEquals(List.of("lib/b.jar: error: module com.example.same is also in lib/a.jar; keep one of the two jars",
                "hubconf.java:4:1: warning: the hubconf class hubconf has no entries; add a public static method"),
                lines(report.findings()));
    }
}
