package io.jhub.testkit;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/**
 * Writes small hub directories and jars for tests: text files given as path and content pairs, and jars compiled
 * from such sources with the JDK's compiler (a hub's {@code lib/} jars, a dependency on the class path).
 *
 * <pre>{@code
 * Path hub = SourceFiles.write(dir, "hubconf.java", "...", "src/x/Model.java", "...");
 * SourceFiles.jar(hub.resolve("lib/dep.jar"), "org.example.dep", "org/example/dep/Dep.java", "...");
 * }</pre>
 *
 * @since 0.2
 */
public final class SourceFiles {
    private SourceFiles() {
    }

    /**
     * Writes text files (UTF-8) under a directory, creating the directories they need.
     *
     * @param dir the directory
     * @param pathsAndTexts relative path, content, relative path, content, ...
     * @return {@code dir}
     * @throws IllegalArgumentException if a path has no content after it
     * @throws UncheckedIOException if a file cannot be written
     */
    public static Path write(Path dir, String... pathsAndTexts) {
        Objects.requireNonNull(dir, "dir");
        if (pathsAndTexts.length % 2 != 0) {
            throw new IllegalArgumentException("paths and texts come in pairs; the last path, "
                    + pathsAndTexts[pathsAndTexts.length - 1] + ", has no text");
        }
        try {
            for (int i = 0; i < pathsAndTexts.length; i += 2) {
                Path file = dir.resolve(pathsAndTexts[i]);
                Files.createDirectories(file.getParent());
                Files.writeString(file, pathsAndTexts[i + 1], StandardCharsets.UTF_8);
            }
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Compiles Java sources for release 17 against this JVM's class path and writes their classes into a jar
     * without a module name.
     *
     * @param jar the jar to write (its directory is created)
     * @param pathsAndTexts the sources as relative path, content pairs
     * @return {@code jar}
     * @throws IllegalStateException if the sources do not compile (the compiler's messages go to standard error)
     * @throws UncheckedIOException if a file cannot be written
     */
    public static Path jar(Path jar, String... pathsAndTexts) {
        return build(jar, new Manifest(), pathsAndTexts);
    }

    /**
     * Like {@link #jar(Path, String...)}, with an {@code Automatic-Module-Name} in the manifest.
     *
     * @param jar the jar to write
     * @param moduleName the automatic module name
     * @param pathsAndTexts the sources as relative path, content pairs
     * @return {@code jar}
     * @throws IllegalStateException if the sources do not compile
     * @throws UncheckedIOException if a file cannot be written
     */
    public static Path automaticModuleJar(Path jar, String moduleName, String... pathsAndTexts) {
        Manifest mf = new Manifest();
        mf.getMainAttributes().putValue("Automatic-Module-Name", Objects.requireNonNull(moduleName, "moduleName"));
        return build(jar, mf, pathsAndTexts);
    }

    private static Path build(Path jar, Manifest mf, String... pathsAndTexts) {
        Objects.requireNonNull(jar, "jar");
        try {
            Path work = Files.createTempDirectory("jhub-test-jar");
            try {
                Path src = write(work.resolve("src"), pathsAndTexts);
                Path classes = Files.createDirectories(work.resolve("classes"));
                List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17",
                        "-cp", System.getProperty("java.class.path")));
                try (Stream<Path> s = Files.walk(src)) {
                    s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
                }
                if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)) != 0) {
                    throw new IllegalStateException("the sources of " + jar + " do not compile (see standard error)");
                }
                mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
                Files.createDirectories(jar.toAbsolutePath().getParent());
                try (OutputStream out = Files.newOutputStream(jar); JarOutputStream jos = new JarOutputStream(out, mf);
                     Stream<Path> s = Files.walk(classes)) {
                    for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
                        jos.putNextEntry(new JarEntry(classes.relativize(p).toString().replace('\\', '/')));
                        jos.write(Files.readAllBytes(p));
                        jos.closeEntry();
                    }
                }
                return jar;
            } finally {
                try (Stream<Path> s = Files.walk(work)) {
                    for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                        Files.deleteIfExists(p);
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
