package io.jhub.cli.internal;

import io.jhub.api.HubException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import javax.lang.model.SourceVersion;

/**
 * {@code jhub init DIR [--package NAME] [--module]}: writes a new hub repository that {@code jhub check} and
 * {@code jhub load} accept as it is. The files are written into a staging directory beside {@code DIR} and moved
 * into place at the end, so a failure leaves no half-written hub.
 */
final class InitCommand implements Command {
    private static final Spec SPEC = new Spec("init", "<dir>",
            "write a new hub repository (hubconf, resource, README)", List.of("package", "module"), 1, 1, "");

    @Override
    public Spec spec() {
        return SPEC;
    }

    @Override
    public void run(Invocation in) {
        run(in.args(), in.out());
    }

    /**
     * Runs the command.
     *
     * @param cli the parsed command line
     * @param out where the list of written files goes
     * @throws UsageException if the directory is missing or not empty, or the package name is invalid
     * @throws HubException if the files cannot be written
     */
    static void run(CliArgs cli, PrintStream out) {
        String dirArg = cli.word(0, "a directory for the new hub (jhub init DIR [--package NAME] [--module])");
        if (cli.words().size() > 1) {
            throw new UsageException("jhub init takes one directory, got also \"" + cli.words().get(1) + "\"");
        }
        Path dir = Path.of(dirArg).toAbsolutePath().normalize();
        String pkg = cli.option("package").orElseGet(() -> defaultPackage(dir));
        checkPackage(pkg, cli.option("package").isPresent());
        checkEmpty(dir, dirArg);
        Map<String, String> files = HubTemplate.files(pkg, cli.flag("module"));
        write(dir, files);
        out.println("created hub " + pkg + " in " + dir + ":");
        files.keySet().forEach(f -> out.println("  " + f));
        out.println("next: jhub check " + dirArg + " && jhub load " + dirArg + " greet World");
    }

    /** {@code hub.} and the directory's name reduced to lower-case letters and digits. */
    private static String defaultPackage(Path dir) {
        Path name = dir.getFileName();
        return "hub." + (name == null ? "" : name.toString().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", ""));
    }

    private static void checkPackage(String pkg, boolean given) {
        boolean valid = SourceVersion.isName(pkg) && !pkg.equals("java") && !pkg.startsWith("java.");
        if (valid) {
            return;
        }
        throw new UsageException(given
                ? "--package \"" + pkg + "\" is not a valid Java package name: give dot-separated identifiers that"
                        + " are not keywords and do not start with java, such as hub.vision"
                : "cannot make a package name from the directory name (got \"" + pkg + "\"): give one with"
                        + " --package, such as --package hub.vision");
    }

    private static void checkEmpty(Path dir, String dirArg) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new UsageException("\"" + dirArg + "\" is a file: jhub init needs a new or empty directory");
        }
        if (Files.isDirectory(dir)) {
            try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
                if (entries.iterator().hasNext()) {
                    throw new UsageException("directory \"" + dirArg + "\" is not empty: jhub init writes only"
                            + " into a new or empty directory, so it never overwrites files; choose another one");
                }
            } catch (IOException e) {
                throw new HubException("Cannot read directory " + dir + ": " + e.getMessage(), e);
            }
        }
    }

    private static void write(Path dir, Map<String, String> files) {
        Path staging = null;
        try {
            Path parent = Files.createDirectories(dir.getParent());
            // not createTempDirectory: its owner-only permissions would stay on the moved directory
            staging = Files.createDirectory(parent.resolve("." + dir.getFileName() + ".jhub-init-"
                    + ProcessHandle.current().pid() + "-" + System.nanoTime()));
            for (Map.Entry<String, String> f : files.entrySet()) {
                Path file = staging.resolve(f.getKey());
                Files.createDirectories(file.getParent());
                Files.writeString(file, f.getValue());
            }
            if (Files.isDirectory(dir)) {
                try (DirectoryStream<Path> top = Files.newDirectoryStream(staging)) {
                    for (Path p : top) {
                        Files.move(p, dir.resolve(p.getFileName().toString()));
                    }
                }
                Files.delete(staging);
            } else {
                Files.move(staging, dir, StandardCopyOption.ATOMIC_MOVE);
            }
            staging = null;
        } catch (IOException e) {
            throw new HubException("Cannot write the new hub into " + dir + ": " + e.getMessage()
                    + ". Check that the directory's parent is writable.", e);
        } finally {
            deleteQuietly(staging);
        }
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // best effort: a left-over hidden staging directory holds only template files
        }
    }
}
