package io.jhub.core.internal.layer;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.spi.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Explicit modules on a class path: modular jars, multi-release jars, directories; not plain jars. */
class ClassPathModulesTest {
    @TempDir
    Path tmp;

    @Test
    void findsModularJarsMultiReleaseJarsAndDirectoriesButNotPlainJars() throws IOException {
        Path plainJar = jar("plain.jar", "-C", compile("plain.mod", "p1").toString(), ".");
        Path mrClasses = compile("mr.mod", "p2");
        Path mrInfo = Files.createDirectories(tmp.resolve("mr-info"));
        Files.move(mrClasses.resolve("module-info.class"), mrInfo.resolve("module-info.class"));
        // the versioned section's classes must not be newer than its release (checked by jar from JDK 25 on)
        Path mrJar = jar("mr.jar", "-C", mrClasses.toString(), ".", "--release", "17", "-C", mrInfo.toString(),
                ".");
        Path dirModule = compile("dir.mod", "p3");
        Path otherJar = jar("other.jar", "-C", compile(null, "p4").toString(), ".");

        try (URLClassLoader loader = new URLClassLoader(new URL[] {url(otherJar), url(plainJar), url(mrJar),
                url(dirModule)}, ClassLoader.getPlatformClassLoader())) {
            Map<String, Path> found = ClassPathModules.scan(loader);
            assertEquals(List.of("plain.mod", "mr.mod", "dir.mod"), List.copyOf(found.keySet()));
            assertEquals(plainJar.toRealPath(), found.get("plain.mod").toRealPath());
            assertEquals(mrJar.toRealPath(), found.get("mr.mod").toRealPath());
            assertEquals(dirModule.toRealPath(), found.get("dir.mod").toRealPath());
        }
    }

    /** Compiles one class of package {@code pkg} for Java 17, in module {@code module} unless it is null. */
    private Path compile(String module, String pkg) throws IOException {
        Path src = Files.createDirectories(tmp.resolve("src-" + pkg).resolve(pkg));
        Path out = Files.createDirectories(tmp.resolve("out-" + pkg));
        Path type = Files.writeString(src.resolve("A.java"), "package " + pkg + "; public class A {}\n");
        if (module == null) {
            run("javac", "--release", "17", "-d", out.toString(), type.toString());
        } else {
            Path info = Files.writeString(src.getParent().resolve("module-info.java"),
                    "module " + module + " { exports " + pkg + "; }\n");
            run("javac", "--release", "17", "-d", out.toString(), type.toString(), info.toString());
        }
        return out;
    }

    private Path jar(String name, String... contents) {
        Path jar = tmp.resolve(name);
        String[] args = new String[contents.length + 3];
        args[0] = "--create";
        args[1] = "--file";
        args[2] = jar.toString();
        System.arraycopy(contents, 0, args, 3, contents.length);
        run("jar", args);
        return jar;
    }

    private static void run(String toolName, String... args) {
        ToolProvider tool = ToolProvider.findFirst(toolName).orElseThrow();
        assertEquals(0, tool.run(System.out, System.err, args), toolName + " " + String.join(" ", args));
    }

    private static URL url(Path p) throws IOException {
        return p.toUri().toURL();
    }
}
