package io.jhub.tests.support;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The jhub artifacts and their runtime dependencies as this test JVM sees them on its class path: jars after
 * {@code mvn verify}, {@code target/classes} directories after {@code mvn test}. Found by module name, so the
 * tests never hard-code a version or a local-repository path.
 */
public final class Artifacts {
    /** The published jhub modules, by artifact id. */
    public static final Map<String, String> JHUB_MODULES = orderedMap(
            "hub-api", "io.jhub.api",
            "hub-git", "io.jhub.git",
            "hub-http", "io.jhub.http",
            "hub-core", "io.jhub.core",
            "hub-check", "io.jhub.check",
            "hub-fetch-https", "io.jhub.fetch.https",
            "hub-fetch-ssh", "io.jhub.fetch.ssh",
            "hub-pretrained", "io.jhub.pretrained",
            "hub-cli", "io.jhub.cli");

    /** The third-party modules the fetchers need at run time. */
    public static final Set<String> THIRD_PARTY = Set.of("com.jcraft.jsch", "org.apache.commons.compress",
            "org.apache.commons.codec", "org.apache.commons.io", "org.apache.commons.lang3");

    /** The published test kit and what it needs at run time, found too but never part of a jhub runtime. */
    public static final Set<String> TEST_KIT = Set.of("io.jhub.testkit", "org.apache.sshd.osgi", "org.slf4j",
            "org.slf4j.nop");

    private static final Map<String, Path> BY_MODULE = scan();

    private Artifacts() {
    }

    /**
     * Returns where a module of the runtime sits.
     *
     * @param module the module name, e.g. {@code io.jhub.core}
     * @return its jar or classes directory
     */
    public static Path location(String module) {
        Path p = BY_MODULE.get(module);
        if (p == null) {
            throw new IllegalStateException("module " + module + " is not on the test class path; found only "
                    + BY_MODULE.keySet() + " (is it a dependency of hub-tests?)");
        }
        return p;
    }

    /**
     * Returns the locations of the given modules, in order.
     *
     * @param modules module names
     * @return their jars or directories
     */
    public static List<Path> locations(Collection<String> modules) {
        return modules.stream().map(Artifacts::location).toList();
    }

    /**
     * Returns every jhub and third-party runtime module except the given ones.
     *
     * @param excluded module names to leave out
     * @return their locations
     */
    public static List<Path> runtimeExcept(Set<String> excluded) {
        List<Path> out = new ArrayList<>();
        BY_MODULE.forEach((name, path) -> {
            if (!excluded.contains(name) && !TEST_KIT.contains(name)) {
                out.add(path);
            }
        });
        return out;
    }

    /**
     * Joins paths with the platform's path separator.
     *
     * @param paths the paths
     * @return a module path or class path string
     */
    public static String join(Collection<Path> paths) {
        return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
    }

    /**
     * Returns the checkout's root directory (the parent of {@code hub-tests}).
     *
     * @return the project root
     */
    public static Path projectRoot() {
        Path base = Path.of(System.getProperty("basedir", System.getProperty("user.dir"))).toAbsolutePath();
        Path root = Files.isDirectory(base.resolve("hub-tests")) ? base : base.getParent();
        if (!Files.isRegularFile(root.resolve("pom.xml")) || !Files.isDirectory(root.resolve("examples"))) {
            throw new IllegalStateException("cannot find the project root from " + base);
        }
        return root;
    }

    private static Map<String, Path> scan() {
        Set<String> wanted = new java.util.HashSet<>(JHUB_MODULES.values());
        wanted.addAll(THIRD_PARTY);
        wanted.addAll(TEST_KIT);
        Map<String, Path> found = new LinkedHashMap<>();
        for (String entry : System.getProperty("java.class.path").split(File.pathSeparator)) {
            Path p = Path.of(entry);
            if (entry.isEmpty() || !Files.exists(p)) {
                continue;
            }
            moduleName(p).filter(wanted::contains).ifPresent(name -> found.putIfAbsent(name, p));
        }
        return found;
    }

    private static Optional<String> moduleName(Path p) {
        try {
            Set<ModuleReference> refs = ModuleFinder.of(p).findAll();
            return refs.size() == 1 ? Optional.of(refs.iterator().next().descriptor().name()) : Optional.empty();
        } catch (FindException e) {
            return Optional.empty();
        }
    }

    /**
     * Returns the location as a jar, packing a classes directory into a temporary jar when needed.
     *
     * @param location a jar or a classes directory
     * @param scratch where to put a packed jar
     * @return a jar file
     */
    public static Path asJar(Path location, Path scratch) {
        if (Files.isRegularFile(location)) {
            return location;
        }
        try {
            Files.createDirectories(scratch);
            Path jar = Files.createTempFile(scratch, "packed-", ".jar");
            Files.delete(jar);
            Tools.run("jar", "--create", "--file", jar.toString(), "-C", location.toString(), ".");
            return jar;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> orderedMap(String... kv) {
        Map<String, String> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put(kv[i], kv[i + 1]);
        }
        return java.util.Collections.unmodifiableMap(m);
    }
}
