package io.jhub.core.internal.layer;

import java.io.File;
import java.io.IOException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.lang.module.ResolvedModule;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * How jhub itself runs, and so what a hub repository is compiled against and layered on: in
 * {@linkplain Mode#MODULE module mode} the layer holding {@code io.jhub.core} and its ancestors; in
 * {@linkplain Mode#CLASS_PATH class-path mode} the boot layer plus the explicit modules found on the class path
 * (such as {@code io.jhub.api}), which a repository module reaches through the class path's unnamed module.
 * Computed once per process.
 */
public final class HostPlatform {
    /** How jhub runs. */
    public enum Mode {
        /** {@code io.jhub.core} is a named module. */
        MODULE,
        /** {@code io.jhub.core} is in the unnamed module of its class loader. */
        CLASS_PATH
    }

    private static final class Holder {
        static final HostPlatform INSTANCE = new HostPlatform();
    }

    private final Mode mode;
    private final ModuleLayer parentLayer;
    private final ClassLoader parentLoader;
    private final Map<String, Module> parentModules;
    private volatile Map<String, Path> classPathModules;

    private HostPlatform() {
        Module core = HostPlatform.class.getModule();
        this.mode = core.isNamed() ? Mode.MODULE : Mode.CLASS_PATH;
        this.parentLayer = core.isNamed() && core.getLayer() != null ? core.getLayer() : ModuleLayer.boot();
        ClassLoader loader = HostPlatform.class.getClassLoader();
        this.parentLoader = loader != null ? loader : ClassLoader.getSystemClassLoader();
        Map<String, Module> modules = new LinkedHashMap<>();
        Deque<ModuleLayer> todo = new ArrayDeque<>(List.of(parentLayer));
        while (!todo.isEmpty()) {
            ModuleLayer layer = todo.poll();
            for (Module m : layer.modules()) {
                modules.putIfAbsent(m.getName(), m);
            }
            todo.addAll(layer.parents());
        }
        this.parentModules = Collections.unmodifiableMap(modules);
    }

    /**
     * Returns the platform of this process.
     *
     * @return the shared instance
     */
    public static HostPlatform current() {
        return Holder.INSTANCE;
    }

    /**
     * Returns how jhub runs.
     *
     * @return the mode
     */
    public Mode mode() {
        return mode;
    }

    /**
     * Returns a short word for the mode, part of the compiled-cache key.
     *
     * @return {@code module} or {@code classpath}
     */
    public String modeKey() {
        return mode == Mode.MODULE ? "module" : "classpath";
    }

    /**
     * Returns the layer a repository layer gets as its parent.
     *
     * @return the layer of {@code io.jhub.core}, or the boot layer in class-path mode
     */
    public ModuleLayer parentLayer() {
        return parentLayer;
    }

    /**
     * Returns the class loader a repository loader delegates to.
     *
     * @return the loader of {@code io.jhub.core}
     */
    public ClassLoader parentLoader() {
        return parentLoader;
    }

    /**
     * Tells whether a module is in the parent layer or one of its ancestors.
     *
     * @param name a module name
     * @return the module, if present
     */
    public Optional<Module> parentModule(String name) {
        return Optional.ofNullable(parentModules.get(name));
    }

    /**
     * Returns the modules of the parent layers that export at least one package to everyone: those a repository
     * without its own {@code module-info.java} may use.
     *
     * @return module names
     */
    public Set<String> exportingParentModules() {
        Set<String> names = new LinkedHashSet<>();
        for (Module m : parentModules.values()) {
            ModuleDescriptor d = m.getDescriptor();
            if (d.isOpen() || d.isAutomatic() || d.exports().stream().anyMatch(e -> !e.isQualified())) {
                names.add(m.getName());
            }
        }
        return names;
    }

    /**
     * Tells whether a module is part of the Java runtime image.
     *
     * @param name a module name
     * @return true for {@code java.sql}, {@code jdk.incubator.vector} and the like
     */
    public boolean isSystemModule(String name) {
        return ModuleFinder.ofSystem().find(name).isPresent();
    }

    /**
     * Returns the explicit modules found on the class path (class-path mode only), by name.
     *
     * @return module name to its directory or jar; empty in module mode
     */
    public Map<String, Path> classPathModules() {
        Map<String, Path> found = classPathModules;
        if (found == null) {
            found = mode == Mode.MODULE ? Map.of() : scanClassPathModules();
            classPathModules = found;
        }
        return found;
    }

    /**
     * Returns the directories and jars javac needs on its module path to see the parent modules: the file
     * locations of every non-system module in the parent layers, or the class path's explicit modules.
     *
     * @return existing paths
     */
    public List<Path> compileModulePath() {
        List<Path> paths = new ArrayList<>();
        if (mode == Mode.MODULE) {
            Deque<ModuleLayer> todo = new ArrayDeque<>(List.of(parentLayer));
            while (!todo.isEmpty()) {
                ModuleLayer layer = todo.poll();
                for (ResolvedModule rm : layer.configuration().modules()) {
                    rm.reference().location().flatMap(HostPlatform::toPath)
                            .filter(p -> !paths.contains(p)).ifPresent(paths::add);
                }
                todo.addAll(layer.parents());
            }
        } else {
            paths.addAll(classPathModules().values());
        }
        return paths;
    }

    /**
     * Returns the class path javac uses for a repository without {@code module-info.java} in class-path mode:
     * {@code java.class.path} plus the locations of the jhub classes themselves.
     *
     * @return existing paths
     */
    public List<Path> compileClassPath() {
        Set<Path> paths = new LinkedHashSet<>();
        for (Class<?> c : List.of(io.jhub.api.HubException.class, HostPlatform.class)) {
            Optional.ofNullable(c.getProtectionDomain().getCodeSource()).map(cs -> toUri(cs.getLocation()))
                    .flatMap(HostPlatform::toPath).ifPresent(paths::add);
        }
        String cp = System.getProperty("java.class.path", "");
        for (String s : cp.split(File.pathSeparator)) {
            if (!s.isBlank() && Files.exists(Path.of(s))) {
                paths.add(Path.of(s).toAbsolutePath().normalize());
            }
        }
        paths.addAll(classPathModules().values());
        return new ArrayList<>(paths);
    }

    private static Map<String, Path> scanClassPathModules() {
        Map<String, Path> result = new LinkedHashMap<>();
        try {
            Enumeration<URL> urls = ClassLoader.getSystemClassLoader().getResources("module-info.class");
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
        if (s.startsWith("file:") && s.endsWith("/module-info.class")) {
            return toPath(toUri(s.substring(0, s.length() - "module-info.class".length())));
        }
        return Optional.empty();
    }

    private static URI toUri(Object urlOrString) {
        try {
            return urlOrString instanceof URL u ? u.toURI() : new URI(urlOrString.toString());
        } catch (URISyntaxException e) {
            return URI.create("invalid:" + urlOrString.hashCode());
        }
    }

    private static Optional<Path> toPath(URI uri) {
        if (!"file".equalsIgnoreCase(uri.getScheme())) {
            return Optional.empty();
        }
        Path p = Path.of(uri).toAbsolutePath().normalize();
        return Files.exists(p) ? Optional.of(p) : Optional.empty();
    }
}
