package io.jhub.core.internal.compile;

import io.jhub.api.HubException;
import io.jhub.api.HubconfCompileException;
import io.jhub.core.internal.SmallFiles;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the parts of a hub repository are: the hubconf file and its package, the source root (the directory that
 * holds the hubconf's package path), an optional {@code module-info.java} there, and {@code lib/*.jar}.
 *
 * @param repoRoot the repository root (absolute, normalised)
 * @param hubconfEntry the hubconf path relative to the root, with {@code /} separators
 * @param hubconfFile the hubconf file
 * @param packageName the hubconf's package
 * @param sourceRoot the root of the package directories
 * @param moduleInfo {@code module-info.java} at the source root, if present
 * @param libJars the jars in {@code lib/}, sorted by name
 */
public record RepoLayout(Path repoRoot, String hubconfEntry, Path hubconfFile, String packageName, Path sourceRoot,
                         Optional<Path> moduleInfo, List<Path> libJars) {

    /** Name of the directory of vendored jars, relative to the repository root. */
    public static final String LIB_DIR = "lib";

    /**
     * Validates the fields.
     */
    public RepoLayout {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(hubconfEntry, "hubconfEntry");
        Objects.requireNonNull(hubconfFile, "hubconfFile");
        Objects.requireNonNull(packageName, "packageName");
        Objects.requireNonNull(sourceRoot, "sourceRoot");
        Objects.requireNonNull(moduleInfo, "moduleInfo");
        libJars = List.copyOf(libJars);
    }

    /**
     * Finds the parts of the repository at {@code repoRoot}. Reads only the hubconf's package declaration.
     *
     * @param repoRoot the repository root
     * @param hubconfEntry the hubconf file, relative to the root, such as {@code hubconf.java}
     * @param displayName the repository as the user named it, for messages
     * @return the layout
     * @throws HubException if the root is not a directory or the hubconf path is bad or missing
     * @throws HubconfCompileException if the hubconf declares no package
     */
    public static RepoLayout locate(Path repoRoot, String hubconfEntry, String displayName) {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(hubconfEntry, "hubconfEntry");
        Objects.requireNonNull(displayName, "displayName");
        Path root = repoRoot.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new HubException("Hub repository " + displayName + " is not a directory: " + root
                    + ". Give the root directory of a hub repository.");
        }
        String entry = checkEntry(hubconfEntry, displayName);
        Path file = root.resolve(entry).normalize();
        if (!Files.isRegularFile(file)) {
            throw new HubException("Hub repository " + displayName + " has no " + entry + " (looked for " + file
                    + "). Add it, or name the entry file with the hubconf option.");
        }
        String pkg = readPackage(file, entry, displayName);
        Path sourceRoot = sourceRootOf(root, file.getParent(), pkg);
        Path moduleInfo = sourceRoot.resolve("module-info.java");
        return new RepoLayout(root, entry, file, pkg, sourceRoot,
                Files.isRegularFile(moduleInfo) ? Optional.of(moduleInfo) : Optional.empty(), libJars(root));
    }

    /**
     * Returns the hubconf file relative to the source root, with {@code /} separators.
     *
     * @return the path javac reports errors against, relative to the source root
     */
    public String hubconfInSourceRoot() {
        return sourceRoot.relativize(hubconfFile).toString().replace('\\', '/');
    }

    /**
     * Returns the directory of vendored jars.
     *
     * @return {@code <root>/lib}
     */
    public Path libDir() {
        return repoRoot.resolve(LIB_DIR);
    }

    private static String checkEntry(String entry, String displayName) {
        String e = entry.replace('\\', '/');
        Path p = Path.of(e);
        boolean driveLetter = e.length() >= 2 && e.charAt(1) == ':' && Character.isLetter(e.charAt(0));
        boolean bad = e.isBlank() || p.isAbsolute() || e.startsWith("/") || driveLetter || !e.endsWith(".java");
        for (String part : e.split("/")) {
            bad |= part.equals("..") || part.isEmpty() && !e.isEmpty();
        }
        if (bad) {
            throw new HubException("Invalid hubconf entry \"" + entry + "\" for " + displayName
                    + ": give a relative path to a .java file inside the repository, such as hubconf.java or"
                    + " src/hub/demo/hubconf.java.");
        }
        return p.normalize().toString().replace('\\', '/');
    }

    private static String readPackage(Path file, String entry, String displayName) {
        String text;
        try {
            text = SmallFiles.readUtf8(file);
        } catch (MalformedInputException e) {
            throw new HubconfCompileException(displayName, List.of(new HubconfCompileException.Problem(entry, 0, 0,
                    "not UTF-8 text; save the source as UTF-8")));
        } catch (IOException e) {
            throw new HubException("Cannot read " + file + " of " + displayName + ": " + e.getMessage(), e);
        }
        Optional<String> pkg = PackageScanner.packageOf(text);
        if (pkg.isEmpty()) {
            throw new HubconfCompileException(displayName, List.of(new HubconfCompileException.Problem(entry, 1, 1,
                    "the hubconf must declare a package, such as 'package hub.demo;' (the unnamed package cannot be"
                            + " part of a module)")));
        }
        return pkg.get();
    }

    private static Path sourceRootOf(Path root, Path dir, String pkg) {
        Path candidate = dir;
        String[] parts = pkg.split("\\.");
        for (int i = parts.length - 1; i >= 0; i--) {
            if (candidate == null || candidate.equals(root) || candidate.getFileName() == null
                    || !candidate.getFileName().toString().equals(parts[i])) {
                return dir; // the hubconf does not sit in its package path: its own directory is the root
            }
            candidate = candidate.getParent();
        }
        return candidate != null && candidate.startsWith(root) ? candidate : dir;
    }

    /**
     * Lists the vendored jars of a repository.
     *
     * @param root the repository root
     * @return the regular files {@code <root>/lib/*.jar}, sorted; empty without a {@code lib/} directory
     * @throws HubException if {@code lib/} cannot be listed
     */
    public static List<Path> libJars(Path root) {
        Path lib = root.resolve(LIB_DIR);
        List<Path> jars = new ArrayList<>();
        if (Files.isDirectory(lib)) {
            try (DirectoryStream<Path> ds = Files.newDirectoryStream(lib, "*.jar")) {
                for (Path jar : ds) {
                    if (Files.isRegularFile(jar)) {
                        jars.add(jar);
                    }
                }
            } catch (IOException e) {
                throw new HubException("Cannot list " + lib + ": " + e.getMessage(), e);
            }
        }
        jars.sort(null);
        return jars;
    }
}
