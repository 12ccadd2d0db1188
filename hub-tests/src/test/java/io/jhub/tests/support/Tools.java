package io.jhub.tests.support;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.spi.ToolProvider;
import java.util.stream.Stream;

/** The JDK's own tools run in-process ({@code jar}, {@code javac}), with their output captured. */
public final class Tools {
    private Tools() {
    }

    /**
     * Runs a JDK tool and requires it to succeed.
     *
     * @param tool the tool's name, e.g. {@code jar}
     * @param args its arguments
     * @return what it printed on standard output
     */
    public static String run(String tool, String... args) {
        ToolProvider provider = ToolProvider.findFirst(tool)
                .orElseThrow(() -> new IllegalStateException("the JDK has no tool " + tool));
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
                PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            status = provider.run(o, e, args);
        }
        String stdout = out.toString(StandardCharsets.UTF_8);
        if (status != 0) {
            throw new IllegalStateException(tool + " " + String.join(" ", args) + " failed with " + status + ":\n"
                    + stdout + err.toString(StandardCharsets.UTF_8));
        }
        return stdout;
    }

    /**
     * Compiles every {@code .java} file under a source directory with {@code javac --release 17}.
     *
     * @param sources the source root
     * @param classes the output directory
     * @param extra more javac options, such as {@code --module-path} or {@code --class-path}
     */
    public static void javac(Path sources, Path classes, List<String> extra) {
        List<String> args = new ArrayList<>(List.of("--release", "17", "-parameters", "-encoding", "UTF-8",
                "-d", classes.toString()));
        args.addAll(extra);
        try (Stream<Path> files = Files.walk(sources)) {
            files.filter(f -> f.toString().endsWith(".java")).forEach(f -> args.add(f.toString()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        run("javac", args.toArray(String[]::new));
    }
}
