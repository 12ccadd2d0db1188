package io.jhub.core.internal.layer;

import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReader;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;

/** A hub module under a descriptor jhub chose, with its content served by {@link RepoModuleReader}. */
final class RepoModuleReference extends ModuleReference {
    private final Path classes;
    private final Path sourceRoot;
    private final Path libDir;

    RepoModuleReference(ModuleDescriptor descriptor, Path classes, Path sourceRoot, Path libDir) {
        super(descriptor, classes.toUri());
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
