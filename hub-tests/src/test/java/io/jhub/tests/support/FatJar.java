package io.jhub.tests.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;
import java.util.stream.Stream;

/**
 * Builds a single runnable jar the way shading plugins do: every class of every input, module descriptors
 * dropped (a class-path jar is one unnamed module), {@code META-INF/services} files merged line by line.
 */
public final class FatJar {
    private FatJar() {
    }

    /**
     * Writes the jar.
     *
     * @param out the jar to write
     * @param mainClass the {@code Main-Class}
     * @param inputs jars or class directories, first wins on a duplicate entry
     * @return {@code out}
     */
    public static Path build(Path out, String mainClass, List<Path> inputs) {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        Map<String, Set<String>> services = new LinkedHashMap<>();
        for (Path in : inputs) {
            read(in, (name, bytes) -> {
                if (name.startsWith("META-INF/services/")) {
                    services.computeIfAbsent(name, k -> new LinkedHashSet<>())
                            .addAll(new String(bytes, StandardCharsets.UTF_8).lines().map(String::strip)
                                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList());
                } else if (!skipped(name)) {
                    entries.putIfAbsent(name, bytes);
                }
            });
        }
        Manifest mf = new Manifest();
        mf.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
        mf.getMainAttributes().put(Attributes.Name.MAIN_CLASS, mainClass);
        try (OutputStream os = Files.newOutputStream(out); JarOutputStream jar = new JarOutputStream(os, mf)) {
            for (Map.Entry<String, byte[]> e : entries.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write(e.getValue());
            }
            for (Map.Entry<String, Set<String>> e : services.entrySet()) {
                jar.putNextEntry(new JarEntry(e.getKey()));
                jar.write((String.join("\n", e.getValue()) + "\n").getBytes(StandardCharsets.UTF_8));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    private static boolean skipped(String name) {
        return name.endsWith("/") || name.equals("META-INF/MANIFEST.MF") || name.endsWith("module-info.class")
                || name.startsWith("META-INF/versions/") || name.matches("META-INF/[^/]+\\.(SF|RSA|DSA|EC)");
    }

    private interface Sink {
        void accept(String name, byte[] bytes) throws IOException;
    }

    private static void read(Path in, Sink sink) {
        try {
            if (Files.isDirectory(in)) {
                try (Stream<Path> files = Files.walk(in)) {
                    for (Path f : files.filter(Files::isRegularFile).toList()) {
                        sink.accept(in.relativize(f).toString().replace('\\', '/'), Files.readAllBytes(f));
                    }
                }
                return;
            }
            try (JarFile jar = new JarFile(in.toFile())) {
                for (JarEntry e : jar.stream().toList()) {
                    try (InputStream s = jar.getInputStream(e)) {
                        sink.accept(e.getName(), s.readAllBytes());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
