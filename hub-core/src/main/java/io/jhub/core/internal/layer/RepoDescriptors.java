package io.jhub.core.internal.layer;

import io.jhub.api.HubException;
import io.jhub.core.internal.compile.CompiledRepo;
import java.io.IOException;
import java.io.InputStream;
import java.lang.module.InvalidModuleDescriptorException;
import java.lang.module.ModuleDescriptor;
import java.lang.module.ModuleDescriptor.Requires;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Builds the descriptor a hub module is defined under. With a {@code module-info.class} it is the repository's
 * own, plus every package that holds classes or resources; without one jhub makes an open module named after the
 * hubconf package that reads every exporting parent module (the JDK's through reads added once the layer is
 * defined, see {@link HostPlatform#readableAfterDefinition}, the others through {@code requires}) and requires
 * every lib module. In class-path mode the
 * {@code requires} of modules living on the class path are dropped; the module reads the class path's unnamed
 * module instead.
 */
public final class RepoDescriptors {
    private RepoDescriptors() {
    }

    /**
     * Returns the packages of a compiled module: those of its class files and of its resource directories. A
     * resource directory whose package belongs to a parent module (say {@code org/slf4j/}) stays out, so it
     * cannot clash with that module; its files are still served, as resources outside any package.
     *
     * @param repo the compiled metadata
     * @param resourcePackages packages that hold resources
     * @param platform the host, which tells whether a package belongs to a parent layer's module
     * @return the package names
     */
    public static Set<String> packages(CompiledRepo repo, Set<String> resourcePackages, HostPlatform platform) {
        Set<String> packages = new TreeSet<>();
        for (String p : resourcePackages) {
            if (!platform.isParentPackage(p)) {
                packages.add(p);
            }
        }
        for (String file : repo.classFiles().keySet()) {
            int slash = file.lastIndexOf('/');
            if (slash > 0 && file.endsWith(".class")) {
                packages.add(file.substring(0, slash).replace('/', '.'));
            }
        }
        return packages;
    }

    /**
     * Reads the repository's own descriptor from its compiled {@code module-info.class}.
     *
     * @param classes the class files directory
     * @param packages every package of the module
     * @param displayName the repository, for messages
     * @return the descriptor
     */
    public static ModuleDescriptor declared(Path classes, Set<String> packages, String displayName) {
        try (InputStream in = Files.newInputStream(classes.resolve("module-info.class"))) {
            return ModuleDescriptor.read(in, () -> packages);
        } catch (IOException | InvalidModuleDescriptorException e) {
            throw new HubException("Cannot read the compiled module-info of " + displayName + ": " + e.getMessage()
                    + ". Delete the compiled cache to rebuild it.", e);
        }
    }

    /**
     * Makes the descriptor of a repository without {@code module-info.java}.
     *
     * @param name the module name (the hubconf package)
     * @param packages every package of the module
     * @param reads modules it requires (lib modules, and exporting parent modules not read after definition)
     * @return an open module descriptor
     */
    public static ModuleDescriptor synthesized(String name, Set<String> packages, Set<String> reads) {
        ModuleDescriptor.Builder b = ModuleDescriptor.newOpenModule(name).packages(packages);
        for (String r : reads) {
            if (!r.equals(name) && !r.equals("java.base")) {
                b.requires(r);
            }
        }
        return b.build();
    }

    /**
     * Returns the non-static {@code requires} of a descriptor, without the mandated {@code java.base}.
     *
     * @param d the descriptor
     * @return module names
     */
    public static List<String> requiredNames(ModuleDescriptor d) {
        return d.requires().stream()
                .filter(r -> !r.modifiers().contains(Requires.Modifier.STATIC)
                        && !r.modifiers().contains(Requires.Modifier.MANDATED))
                .map(Requires::name).sorted().toList();
    }

    /**
     * Copies a descriptor without the requires of the given modules.
     *
     * @param d the descriptor
     * @param drop names of modules not to require
     * @return the new descriptor ({@code d} itself when nothing is dropped)
     */
    public static ModuleDescriptor withoutRequires(ModuleDescriptor d, Set<String> drop) {
        if (d.requires().stream().noneMatch(r -> drop.contains(r.name()))) {
            return d;
        }
        ModuleDescriptor.Builder b = ModuleDescriptor.newModule(d.name(), d.modifiers());
        d.requires().stream().filter(r -> !drop.contains(r.name()) && !r.name().equals("java.base"))
                .forEach(b::requires);
        d.exports().forEach(b::exports);
        d.opens().forEach(b::opens);
        d.uses().forEach(b::uses);
        d.provides().forEach(b::provides);
        b.packages(d.packages());
        d.version().ifPresent(b::version);
        d.mainClass().ifPresent(b::mainClass);
        return b.build();
    }
}
