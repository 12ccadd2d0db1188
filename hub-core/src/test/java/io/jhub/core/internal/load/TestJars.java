package io.jhub.core.internal.load;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/** Builds small jars for tests with javax.tools and java.util.jar. */
final class TestJars {
    private TestJars() {
    }

    /**
     * Compiles the sources (path, text, ...) against the test class path and jars the classes.
     *
     * @param jar the jar to write
     * @param automaticName an Automatic-Module-Name, or null
     */
    static Path build(Path jar, String automaticName, String... pathsAndTexts) {
        try {
            Path work = Files.createTempDirectory("jhub-test-jar");
            Path src = TestRepos.write(work.resolve("src"), pathsAndTexts);
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                    "-cp", System.getProperty("java.class.path")));
            try (Stream<Path> s = Files.walk(src)) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
            if (javac.run(null, null, null, args.toArray(String[]::new)) != 0) {
                throw new IllegalStateException("test jar sources do not compile");
            }
            Manifest mf = new Manifest();
            mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
            if (automaticName != null) {
                mf.getMainAttributes().putValue("Automatic-Module-Name", automaticName);
            }
            Files.createDirectories(jar.getParent());
            try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, mf);
                 Stream<Path> s = Files.walk(classes)) {
                for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                    jos.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                    jos.write(Files.readAllBytes(p));
                    jos.closeEntry();
                }
            }
            io.jhub.http.internal.cache.CacheFiles.deleteRecursively(work);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
