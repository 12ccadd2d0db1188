package io.jhub.core.internal.layer;

import java.io.File;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ResolvedModule;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
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
    private volatile Set<String> exportingParentModules;

    private HostPlatform() {
        Module core = HostPlatform.class.getModule();
        this.mode = core.isNamed() ? Mode.MODULE : Mode.CLASS_PATH;
        this.parentLayer = core.isNamed() && core.getLayer() != null ? core.getLayer() : ModuleLayer.boot();
        ClassLoader loader = HostPlatform.class.getClassLoader();
        this.parentLoader = loader != null ? loader : ClassLoader.getSystemClassLoader();
        Map<String, Module> modules = new LinkedHashMap<>();
        Deque<ModuleLayer> todo = new ArrayDeque<>();
        todo.add(parentLayer);
        while (!todo.isEmpty()) {
            ModuleLayer layer = todo.poll();
            for (Module m : layer.modules()) {
                modules.putIfAbsent(m.getName(), m);
            }
            for (ModuleLayer p : layer.parents()) {
                todo.add(p); // (ArrayDeque.addAll links a method reference on first use)
            }
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
        Set<String> known = exportingParentModules;
        if (known != null) {
            return known;
        }
        Set<String> names = new LinkedHashSet<>();
        for (Module m : parentModules.values()) {
            ModuleDescriptor d = m.getDescriptor();
            if (d.isOpen() || d.isAutomatic() || exportsToAll(d)) {
                names.add(m.getName());
            }
        }
        exportingParentModules = Collections.unmodifiableSet(names);
        return exportingParentModules;
    }

    // a loop, not a stream: this runs on every fresh JVM's first load, where each stream costs interpreted set-up
    private static boolean exportsToAll(ModuleDescriptor d) {
        for (ModuleDescriptor.Exports e : d.exports()) {
            if (!e.isQualified()) {
                return true;
            }
        }
        return false;
    }

    /**
     * Tells whether a repository module can read a parent module through {@link ModuleLayer.Controller#addReads}
     * instead of a {@code requires}: true for the JDK's modules (boot and platform loaders) when the repository
     * loader's parent is the application class loader, which reaches them all. Resolving a {@code requires} for each
     * of them costs a fresh JVM several milliseconds per load; other modules keep their {@code requires}, so the
     * repository loader knows which loader serves their packages.
     *
     * @param m a module of the parent layers
     * @return true if reading it after the layer is defined is enough
     */
    public boolean readableAfterDefinition(Module m) {
        ClassLoader loader = m.getClassLoader();
        return parentLoader == ClassLoader.getSystemClassLoader()
                && (loader == null || loader == ClassLoader.getPlatformClassLoader());
    }

    /**
     * Tells whether a package belongs to a module of the parent layers. Asks each module instead of gathering
     * every package of the runtime into one set, which a warm load in a fresh JVM would pay for.
     *
     * @param packageName a dot-separated package name
     * @return true if a parent module holds it
     */
    public boolean isParentPackage(String packageName) {
        for (Module m : parentModules.values()) {
            if (m.getPackages().contains(packageName)) {
                return true;
            }
        }
        return false;
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
            found = mode == Mode.MODULE ? Map.of() : ClassPathModules.scan(parentLoader);
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
                    rm.reference().location().flatMap(ClassPathModules::toPath)
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
            Optional.ofNullable(c.getProtectionDomain().getCodeSource())
                    .map(cs -> ClassPathModules.toUri(cs.getLocation()))
                    .flatMap(ClassPathModules::toPath).ifPresent(paths::add);
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
}
