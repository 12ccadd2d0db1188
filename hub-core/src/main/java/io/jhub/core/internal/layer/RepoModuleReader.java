package io.jhub.core.internal.layer;

import io.jhub.core.internal.SmallFiles;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.module.ModuleReader;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Serves a hub module's content: class files from the compiled cache, every other file (resources) straight from
 * the repository's source root, so large files are neither copied nor hashed. Never serves Java sources, hidden
 * files, the {@code lib/} directory, or anything outside the two directories.
 */
final class RepoModuleReader implements ModuleReader {
    private final Path classes;
    private final Path sourceRoot;
    private final Path libDir;
    private volatile Path realRoot;

    RepoModuleReader(Path classes, Path sourceRoot, Path libDir) {
        this.classes = classes;
        this.sourceRoot = sourceRoot;
        this.libDir = libDir;
    }

    @Override
    public Optional<URI> find(String name) throws IOException {
        Optional<Path> file = locate(name);
        return file.isPresent() ? Optional.of(file.get().toUri()) : Optional.empty();
    }

    /** Opens the file straight away: the default goes through a {@code file:} URL, costly in a fresh JVM. */
    @Override
    public Optional<InputStream> open(String name) throws IOException {
        Optional<Path> file = locate(name);
        return file.isPresent() ? Optional.of(SmallFiles.newInputStream(file.get())) : Optional.empty();
    }

    private Optional<Path> locate(String name) throws IOException {
        if (name.isEmpty() || name.startsWith("/") || name.contains("\\")) {
            return Optional.empty();
        }
        for (String part : name.split("/")) {
            if (part.equals("..") || part.equals(".")) {
                return Optional.empty();
            }
        }
        Path compiled = classes.resolve(name);
        if (Files.isRegularFile(compiled)) {
            return Optional.of(compiled);
        }
        if (isResourceName(name)) {
            Path resource = sourceRoot.resolve(name);
            if (!resource.startsWith(libDir) && Files.isRegularFile(resource) && insideSourceRoot(resource)) {
                return Optional.of(resource);
            }
        }
        return Optional.empty();
    }

    /** A symbolic link must not serve a file from outside the repository's source root. */
    private boolean insideSourceRoot(Path resource) throws IOException {
        Path real = realRoot;
        if (real == null) {
            real = sourceRoot.toRealPath();
            realRoot = real;
        }
        return resource.toRealPath().startsWith(real);
    }

    @Override
    public Stream<String> list() throws IOException {
        Stream<String> compiled = names(classes);
        Stream<String> resources = names(sourceRoot).filter(RepoModuleReader::isResourceName)
                .filter(n -> !sourceRoot.resolve(n).startsWith(libDir));
        return Stream.concat(compiled, resources).distinct();
    }

    @Override
    public void close() {
        // nothing is held open
    }

    private static boolean isResourceName(String name) {
        if (name.endsWith(".java") || name.endsWith(".class")) {
            return false;
        }
        for (String part : name.split("/")) {
            if (part.startsWith(".")) {
                return false;
            }
        }
        return true;
    }

    private static Stream<String> names(Path dir) throws IOException {
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).map(p -> dir.relativize(p).toString().replace('\\', '/'))
                    .toList().stream();
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
