package io.jhub.core.internal.layer;

import io.jhub.api.HubException;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The modules of a repository's {@code lib/*.jar} (explicit or automatic), minus those the host already has on
 * its class path (class-path mode), so a shared type such as {@code io.jhub.api} keeps one identity. Used as the
 * "after" finder: a module of the parent layers always wins over a same-named jar.
 */
public final class LibModules implements ModuleFinder {
    private final Map<String, ModuleReference> modules;

    private LibModules(Map<String, ModuleReference> modules) {
        this.modules = modules;
    }

    /**
     * Finds the modules of the given jars.
     *
     * @param jars the repository's lib jars
     * @param platform the host
     * @param displayName the repository, for messages
     * @return the finder
     * @throws HubException if a jar is not a usable module (two jars with one name, a bad descriptor)
     */
    public static LibModules of(List<Path> jars, HostPlatform platform, String displayName) {
        Map<String, ModuleReference> found = new LinkedHashMap<>();
        if (!jars.isEmpty()) {
            try {
                for (ModuleReference ref : ModuleFinder.of(jars.toArray(Path[]::new)).findAll()) {
                    String name = ref.descriptor().name();
                    if (!platform.classPathModules().containsKey(name)) {
                        found.put(name, ref);
                    }
                }
            } catch (FindException e) {
                throw new HubException("The jars in lib/ of " + displayName + " are not usable modules: "
                        + e.getMessage() + ". Remove the broken or duplicate jar.", e);
            }
        }
        return new LibModules(Map.copyOf(found));
    }

    /**
     * Returns the module names.
     *
     * @return the names
     */
    public Set<String> names() {
        return modules.keySet();
    }

    @Override
    public Optional<ModuleReference> find(String name) {
        return Optional.ofNullable(modules.get(name));
    }

    @Override
    public Set<ModuleReference> findAll() {
        return Set.copyOf(modules.values());
    }
}
