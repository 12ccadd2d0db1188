package io.jhub.core.internal.compile;

import io.jhub.api.HubException;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * The files under a source root that go into a hub module: Java sources (compiled when the hubconf reaches them)
 * and resources (every other file). Hidden files and directories (names starting with {@code .}) and the
 * repository's {@code lib/} directory are left out.
 *
 * @param javaFiles Java sources relative to the source root, {@code /}-separated, sorted
 * @param resourcePackages packages (dot-separated) of directories that hold resources, sorted
 * @param resources every other file (the module's resources) relative to the source root, {@code /}-separated,
 *     sorted
 */
public record SourceTree(List<String> javaFiles, Set<String> resourcePackages, List<String> resources) {

    /**
     * Copies the fields.
     */
    public SourceTree {
        javaFiles = List.copyOf(javaFiles);
        resourcePackages = Set.copyOf(resourcePackages);
        resources = List.copyOf(resources);
    }

    /**
     * Walks the source root of a layout. Symbolic links to directories are not followed.
     *
     * @param layout the repository layout
     * @return the tree
     * @throws HubException if the tree cannot be read
     */
    public static SourceTree scan(RepoLayout layout) {
        Path root = layout.sourceRoot();
        List<String> java = new ArrayList<>();
        Set<String> packages = new TreeSet<>();
        List<String> resources = new ArrayList<>();
        try {
            walk(root, root, layout.libDir(), java, packages, resources);
        } catch (IOException e) {
            throw new HubException("Cannot read the sources under " + root + ": " + e.getMessage(), e);
        }
        java.sort(null);
        resources.sort(null);
        return new SourceTree(java, packages, resources);
    }

    // a plain recursive listing: Files.walkFileTree's machinery costs a fresh JVM a few milliseconds per load
    private static void walk(Path root, Path dir, Path lib, List<String> java, Set<String> packages,
                             List<String> resources) throws IOException {
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            for (Path p : entries) {
                if (isHidden(p)) {
                    continue;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                if (a.isDirectory()) {
                    if (!p.equals(lib)) {
                        walk(root, p, lib, java, packages, resources);
                    }
                } else if (a.isRegularFile() || a.isSymbolicLink() && Files.isRegularFile(p)) {
                    add(root.relativize(p).toString().replace('\\', '/'), java, packages, resources);
                }
            }
        }
    }

    private static void add(String rel, List<String> java, Set<String> packages, List<String> resources) {
        if (rel.endsWith(".java")) {
            java.add(rel);
            return;
        }
        resources.add(rel);
        int slash = rel.lastIndexOf('/');
        if (slash > 0) {
            String pkg = rel.substring(0, slash).replace('/', '.');
            if (isPackageName(pkg)) {
                packages.add(pkg);
            }
        }
    }

    /**
     * Tells whether a file name is hidden (starts with a dot).
     *
     * @param p a path
     * @return true for {@code .git}, {@code .DS_Store} and the like
     */
    static boolean isHidden(Path p) {
        Path name = p.getFileName();
        return name != null && name.toString().startsWith(".");
    }

    /**
     * Tells whether {@code name} is a valid package name a module may hold ({@code java.*} is reserved).
     *
     * @param name a dot-separated name
     * @return true if every part is a Java identifier and not a keyword
     */
    public static boolean isPackageName(String name) {
        if (name.isEmpty() || name.equals("java") || name.startsWith("java.")) {
            return false;
        }
        for (String part : name.split("\\.", -1)) {
            if (!JavaNames.isIdentifier(part)) {
                return false;
            }
        }
        return true;
    }
}
