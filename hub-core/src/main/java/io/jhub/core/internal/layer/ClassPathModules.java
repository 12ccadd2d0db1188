package io.jhub.core.internal.layer;

import java.io.IOException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the explicit modules that sit on a class path (directories and jars with a {@code module-info.class} at
 * their root, or under {@code META-INF/versions/N/} of a multi-release jar), so a hub module can be compiled
 * against them and their {@code requires} can be satisfied by the class path's unnamed module when jhub itself
 * runs on the class path.
 */
final class ClassPathModules {
    private ClassPathModules() {
    }

    /**
     * Finds the explicit modules visible to a class loader as class path entries with a {@code module-info.class}.
     *
     * @param loader the loader whose class path to search
     * @return module name to directory or jar, in class path order
     */
    static Map<String, Path> scan(ClassLoader loader) {
        Map<String, Path> result = new LinkedHashMap<>();
        try {
            Enumeration<URL> urls = loader.getResources("module-info.class");
            List<Path> locations = new ArrayList<>();
            while (urls.hasMoreElements()) {
                locationOf(urls.nextElement()).ifPresent(locations::add);
            }
            for (Path location : locations) {
                try {
                    for (ModuleReference ref : ModuleFinder.of(location).findAll()) {
                        result.putIfAbsent(ref.descriptor().name(), location);
                    }
                } catch (RuntimeException e) {
                    // not a usable module (broken descriptor): the class path still serves its classes
                }
            }
        } catch (IOException e) {
            System.getLogger("io.jhub.core.load").log(System.Logger.Level.DEBUG, "cannot list class path modules", e);
        }
        return Collections.unmodifiableMap(result);
    }

    private static Optional<Path> locationOf(URL url) {
        String s = url.toString();
        if (s.startsWith("jar:") && s.endsWith("!/module-info.class")) {
            return toPath(toUri(s.substring(4, s.length() - "!/module-info.class".length())));
        }
        // a multi-release jar whose descriptor exists only for Java 9+: ...jar!/META-INF/versions/9/module-info.class
        int versions = s.lastIndexOf("!/META-INF/versions/");
        if (s.startsWith("jar:") && versions > 4 && s.endsWith("/module-info.class")) {
            return toPath(toUri(s.substring(4, versions)));
        }
        if (s.startsWith("file:") && s.endsWith("/module-info.class")) {
            return toPath(toUri(s.substring(0, s.length() - "module-info.class".length())));
        }
        return Optional.empty();
    }

    /**
     * Converts a URL or URI text to a URI.
     *
     * @param urlOrString a {@link URL} or a URI string
     * @return the URI (an {@code invalid:} one when malformed)
     */
    static URI toUri(Object urlOrString) {
        try {
            return urlOrString instanceof URL u ? u.toURI() : new URI(urlOrString.toString());
        } catch (URISyntaxException e) {
            return URI.create("invalid:" + urlOrString.hashCode());
        }
    }

    /**
     * Converts a {@code file:} URI of an existing file to a path.
     *
     * @param uri any URI
     * @return the absolute path, or empty for other schemes and missing files
     */
    static Optional<Path> toPath(URI uri) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            return Optional.empty();
        }
        Path p = Path.of(uri).toAbsolutePath().normalize();
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }
}
