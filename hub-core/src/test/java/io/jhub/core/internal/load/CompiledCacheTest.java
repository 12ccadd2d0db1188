package io.jhub.core.internal.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.core.HubModule;
import io.jhub.testkit.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import io.jhub.testkit.SourceFiles;

class CompiledCacheTest {
    @TempDir
    Path tmp;

    private Path repo(String value) {
        return SourceFiles.write(tmp.resolve("r"),
                "hubconf.java", """
                        package hub.cache;

                        public class hubconf {
                            public static String value() {
                                return hub.cache.impl.Impl.value();
                            }
                        }
                        """,
                "hub/cache/impl/Impl.java", """
                        package hub.cache.impl;

                        public class Impl {
                            public static String value() {
                                return "%s";
                            }
                        }
                        """.formatted(value));
    }

    private HubModule load(Path compiled, Path repo, TestRepos.Recorder progress) {
        return new RepoLoader(compiled, progress).load(repo, "hubconf.java", "cache", TestRepos.OWNER);
    }

    @Test
    void aSecondLoaderReusesTheCompiledCacheAndAChangedSourceRecompiles() throws IOException {
        Path compiled = tmp.resolve("compiled");
        Path repo = repo("one");
        TestRepos.Recorder first = new TestRepos.Recorder();
        assertEquals("one", load(compiled, repo, first).invoke("value"));
        assertEquals(1, first.compiles());

        TestRepos.Recorder second = new TestRepos.Recorder();
        assertEquals("one", load(compiled, repo, second).invoke("value"));
        assertEquals(0, second.compiles());

        Files.writeString(repo.resolve("hub/cache/impl/Impl.java"),
                Files.readString(repo.resolve("hub/cache/impl/Impl.java")).replace("\"one\"", "\"two!\""));
        TestRepos.Recorder third = new TestRepos.Recorder();
        assertEquals("two!", load(compiled, repo, third).invoke("value"));
        assertEquals(1, third.compiles());
        assertEquals(2, TestRepos.entries(compiled).size());
    }

    @Test
    void aSecondProcessCompilesNothingAndHashesNothing() throws IOException {
        Path compiled = tmp.resolve("compiled");
        Path repo = repo("shared");
        TestRepos.age(repo);
        assertEquals(1, runChild(compiled, repo, tmp.resolve("first.log")).get("compiles"));
        Path classLog = tmp.resolve("second.log");
        Map<String, Object> again = runChild(compiled, repo, classLog);
        assertEquals(0, again.get("compiles"));
        assertEquals("shared", again.get("result"));
        String loaded = Files.readString(classLog);
        for (String never : List.of("io.jhub.core.internal.compile.HubCompiler ", "javax.tools.ToolProvider ",
                "com.sun.tools.javac.api.JavacTool ", "java.security.MessageDigest ")) {
            assertFalse(loaded.contains(never), never + "was loaded on the warm path");
        }
        assertTrue(loaded.contains("io.jhub.core.internal.load.RepoLoader "), "the class-load log works");
        TestRepos.Recorder here = new TestRepos.Recorder();
        assertEquals("shared", load(compiled, repo, here).invoke("value"));
        assertEquals(0, here.compiles());
    }

    private static Map<String, Object> runChild(Path compiled, Path repo, Path classLog) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Processes.Result r = Processes.exec(repo, Map.of(), List.of(java, "-Xshare:auto", "-XX:TieredStopAtLevel=1",
                "-Xlog:class+load=info:file=" + classLog,
                "-cp", System.getProperty("java.class.path"), CompiledCacheChild.class.getName(),
                compiled.toString(), repo.toString(), "value"));
        assertEquals(0, r.exitCode(), r.stdout() + r.stderr());
        int compiles = -1;
        String result = null;
        for (String line : r.stdout().split("\\R")) {
            if (line.startsWith("compiles=")) {
                compiles = Integer.parseInt(line.substring(9));
            } else if (line.startsWith("result=")) {
                result = line.substring(7);
            }
        }
        return Map.of("compiles", compiles, "result", String.valueOf(result));
    }

    @Test
    void stampsSkipHashingOnlyWhileTheTreeIsUnchanged() throws IOException {
        Path compiled = tmp.resolve("compiled");
        Path repo = repo("old");
        TestRepos.age(repo);
        assertEquals("old", load(compiled, repo, new TestRepos.Recorder()).invoke("value"));
        Path stamps = compiled.resolve("stamps");
        try (Stream<Path> s = Files.list(stamps)) {
            assertEquals(1, s.count());
        }
        Path impl = repo.resolve("hub/cache/impl/Impl.java");
        Files.writeString(impl, Files.readString(impl).replace("\"old\"", "\"new\""));
        TestRepos.Recorder changed = new TestRepos.Recorder();
        assertEquals("new", load(compiled, repo, changed).invoke("value"));
        assertEquals(1, changed.compiles());

        try (Stream<Path> s = Files.list(stamps)) {
            for (Path stamp : s.toList()) {
                Files.writeString(stamp, "garbage\n");
            }
        }
        TestRepos.Recorder garbage = new TestRepos.Recorder();
        assertEquals("new", load(compiled, repo, garbage).invoke("value"));
        assertEquals(0, garbage.compiles());
    }

    @Test
    void damagedOrPartialEntriesAreIgnoredAndRebuilt() throws IOException {
        Path compiled = tmp.resolve("compiled");
        Path repo = repo("fine");
        load(compiled, repo, new TestRepos.Recorder());
        Path entry = TestRepos.entries(compiled).get(0);

        // a truncated class file
        Path classFile = entry.resolve("classes/hub/cache/impl/Impl.class");
        Files.write(classFile, new byte[] {(byte) 0xCA, (byte) 0xFE});
        TestRepos.Recorder afterTruncation = new TestRepos.Recorder();
        assertEquals("fine", load(compiled, repo, afterTruncation).invoke("value"));
        assertEquals(1, afterTruncation.compiles());

        // a partial entry: classes but no metadata (as if the rename had happened without it)
        Files.delete(entry.resolve("hub.properties"));
        TestRepos.Recorder afterPartial = new TestRepos.Recorder();
        assertEquals("fine", load(compiled, repo, afterPartial).invoke("value"));
        assertEquals(1, afterPartial.compiles());

        // garbage metadata
        Files.writeString(entry.resolve("hub.properties"), "format=jhub-compiled-3\nkey=wrong\n");
        TestRepos.Recorder afterGarbage = new TestRepos.Recorder();
        assertEquals("fine", load(compiled, repo, afterGarbage).invoke("value"));
        assertEquals(1, afterGarbage.compiles());

        // an orphan staging directory from a killed process is never used
        Files.createDirectories(compiled.resolve(".staging-" + entry.getFileName() + "-dead/classes"));
        TestRepos.Recorder afterOrphan = new TestRepos.Recorder();
        assertEquals("fine", load(compiled, repo, afterOrphan).invoke("value"));
        assertEquals(0, afterOrphan.compiles());
        try (Stream<Path> s = Files.list(compiled)) {
            assertFalse(s.anyMatch(p -> p.getFileName().toString().startsWith(".staging-")
                    && !p.getFileName().toString().endsWith("-dead")), "no staging left behind");
        }
    }

    @Test
    void concurrentLoadsOfAColdRepoCompileOnce() throws Exception {
        Path compiled = tmp.resolve("compiled");
        Path repo = repo("race");
        TestRepos.Recorder progress = new TestRepos.Recorder();
        int threads = 4;
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<Object>> results = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return new RepoLoader(compiled, progress).load(repo, "hubconf.java", "race", TestRepos.OWNER)
                            .invoke("value");
                }));
            }
            start.countDown();
            for (Future<Object> f : results) {
                assertEquals("race", f.get());
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, progress.compiles());
        assertTrue(TestRepos.entries(compiled).size() == 1);
    }
}
