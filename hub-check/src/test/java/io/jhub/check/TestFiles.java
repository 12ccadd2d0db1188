package io.jhub.check;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

/** Writes small hub directories and jars for the check's tests (hub-core's TestRepos and TestJars, in short). */
final class TestFiles {
    private TestFiles() {
    }

    /** Writes files (path, text, path, text, ...) under {@code dir} and returns {@code dir}. */
    static Path write(Path dir, String... pathsAndTexts) {
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
     * Compiles the sources (path, text, ...) with javax.tools and jars the classes.
     *
     * @param jar the jar to write
     * @param automaticName an Automatic-Module-Name, or null
     */
    static Path jar(Path jar, String automaticName, String... pathsAndTexts) {
        try {
            Path work = Files.createTempDirectory("jhub-test-jar");
            Path src = write(work.resolve("src"), pathsAndTexts);
            Path classes = Files.createDirectories(work.resolve("classes"));
            List<String> args = new ArrayList<>(List.of("-d", classes.toString(), "--release", "17"));
            try (Stream<Path> s = Files.walk(src)) {
                s.filter(p -> p.toString().endsWith(".java")).forEach(p -> args.add(p.toString()));
            }
            if (ToolProvider.getSystemJavaCompiler().run(null, null, null, args.toArray(String[]::new)) != 0) {
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
            delete(work);
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
