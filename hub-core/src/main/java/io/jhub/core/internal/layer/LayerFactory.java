package io.jhub.core.internal.layer;

import io.jhub.api.HubException;
import java.lang.module.Configuration;
import java.lang.module.FindException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ResolutionException;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Defines a new {@link ModuleLayer} for one load of a hub repository: its module (found first) and its lib
 * modules (found after the parent layers), all in one class loader whose parent is jhub's own loader.
 */
public final class LayerFactory {
    private LayerFactory() {
    }

    /**
     * A defined layer and the repository's module in it.
     *
     * @param layer the new layer
     * @param module the repository module
     */
    public record Defined(ModuleLayer layer, Module module) {
    }

    /**
     * Resolves and defines the layer.
     *
     * @param platform the host
     * @param descriptor the repository module's descriptor (already adjusted for the host)
     * @param addedReads parent modules the repository module reads without requiring them (see
     *     {@link HostPlatform#readableAfterDefinition}); none may export a package of the repository
     * @param classes the compiled classes
     * @param sourceRoot the source root, for resources
     * @param libDir the repository's lib directory (never served as resources)
     * @param lib the lib modules
     * @param reflectivePackage a package the core calls into reflectively (the hubconf's)
     * @param displayName the repository, for messages
     * @return the layer and module
     * @throws HubException if resolution or definition fails
     */
    public static Defined define(HostPlatform platform, ModuleDescriptor descriptor, List<Module> addedReads,
                                 Path classes, Path sourceRoot, Path libDir, LibModules lib, String reflectivePackage,
                                 String displayName) {
        refuseSplitPackages(descriptor, addedReads, displayName);
        RepoModuleReference ref = new RepoModuleReference(descriptor, classes, sourceRoot, libDir);
        ModuleLayer parent = platform.parentLayer();
        Set<String> roots = new LinkedHashSet<>();
        roots.add(descriptor.name());
        roots.addAll(lib.names());
        try {
            Configuration cf = Configuration.resolve(ref.asFinder(), List.of(parent.configuration()), lib, roots);
            ModuleLayer.Controller controller = ModuleLayer.defineModulesWithOneLoader(cf, List.of(parent),
                    platform.parentLoader());
            Module module = controller.layer().findModule(descriptor.name()).orElseThrow();
            Module core = LayerFactory.class.getModule();
            if (!module.isOpen(reflectivePackage, core)) {
                controller.addOpens(module, reflectivePackage, core);
            }
            for (Module m : addedReads) {
                controller.addReads(module, m);
            }
            if (platform.mode() == HostPlatform.Mode.CLASS_PATH) {
                controller.addReads(module, platform.parentLoader().getUnnamedModule());
            }
            return new Defined(controller.layer(), module);
        } catch (FindException | ResolutionException | java.lang.LayerInstantiationException e) {
            throw new HubException("Cannot define the module layer of " + displayName + ": " + e.getMessage()
                    + ". Check the repository's module-info.java and lib/ jars.", e);
        } catch (SecurityException | IllegalArgumentException e) {
            throw new HubException("Cannot define the module layer of " + displayName + ": " + e.getMessage(), e);
        }
    }

    /** What resolution checks for a {@code requires}: a module read must not export one of the module's packages. */
    private static void refuseSplitPackages(ModuleDescriptor descriptor, List<Module> reads, String displayName) {
        for (String p : descriptor.packages()) {
            for (Module m : reads) {
                if (m.getDescriptor().packages().contains(p) && m.isExported(p)) {
                    throw new HubException("Cannot define the module layer of " + displayName + ": its package " + p
                            + " is also exported by module " + m.getName() + ". Move the repository's classes to a"
                            + " package of its own.");
                }
            }
        }
    }
}
