package io.jhub.core.internal.layer;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/**
 * A hub module under a descriptor jhub chose, with its content served by {@link RepoModuleReader}. It has no
 * location, so its classes have a code source without one.
 */
final class RepoModuleReference extends ModuleReference {
    private final Path classes;
    private final Path sourceRoot;
    private final Path libDir;

    RepoModuleReference(ModuleDescriptor descriptor, Path classes, Path sourceRoot, Path libDir) {
        // no location: the layer's class loader would otherwise ask the file URL for a FilePermission when it
        // defines the first class, which loads the JDK's security properties (about 5 ms of a fresh JVM)
        super(descriptor, null);
        this.classes = classes;
        this.sourceRoot = sourceRoot;
        this.libDir = libDir;
    }

    @Override
    public ModuleReader open() {
        return new RepoModuleReader(classes, sourceRoot, libDir);
    }

    /**
     * Returns a finder that finds only this module.
     *
     * @return the finder
     */
    ModuleFinder asFinder() {
        String name = descriptor().name();
        RepoModuleReference self = this;
        return new ModuleFinder() {
            @Override
            public Optional<ModuleReference> find(String n) {
                return n.equals(name) ? Optional.of(self) : Optional.empty();
            }

            @Override
            public Set<ModuleReference> findAll() {
                return Set.of(self);
            }
        };
    }
}
