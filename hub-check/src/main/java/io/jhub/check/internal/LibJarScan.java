package io.jhub.check.internal;

import io.jhub.check.HubCheckReport.Finding;
import io.jhub.check.HubCheckReport.LibJar;
import io.jhub.check.HubCheckReport.Location;
import io.jhub.check.HubCheckReport.Severity;
import io.jhub.core.internal.layer.HostPlatform;
import java.lang.module.FindException;
import java.lang.module.ModuleFinder;
import java.lang.module.ModuleReference;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the module of each {@code lib/} jar on its own, so one broken jar is reported without hiding the others,
 * and finds the jars that clash with each other or that the runtime's own modules replace.
 *
 * @param jars every jar with its module name, if usable
 * @param usable names of the lib modules the repository's layer would get
 * @param readable the jar files that are modules at all, for the compiler
 * @param findings problems with the jars
 */
record LibJarScan(List<LibJar> jars, Set<String> usable, List<Path> readable, List<Finding> findings) {

    static LibJarScan of(Path root, List<Path> jarFiles, HostPlatform platform) {
        List<LibJar> jars = new ArrayList<>();
        Set<String> usable = new LinkedHashSet<>();
        List<Path> readable = new ArrayList<>();
        List<Finding> findings = new ArrayList<>();
        Map<String, String> seen = new LinkedHashMap<>();
        for (Path jar : jarFiles) {
            String rel = root.relativize(jar.toAbsolutePath().normalize()).toString().replace('\\', '/');
            Location at = new Location(rel, 0, 0);
            Optional<ModuleReference> ref;
            try {
                ref = ModuleFinder.of(jar).findAll().stream().findFirst();
            } catch (FindException e) {
                String why = e.getCause() != null && e.getCause().getMessage() != null ? e.getCause().getMessage()
                        : e.getMessage();
                findings.add(new Finding(Severity.ERROR, at, "not a usable module: " + why
                        + "; replace or remove the jar"));
                jars.add(new LibJar(rel, Optional.empty(), false));
                continue;
            }
            if (ref.isEmpty()) {
                findings.add(new Finding(Severity.ERROR, at, "not a usable module (no name can be derived from it);"
                        + " add an Automatic-Module-Name to its manifest or rename the jar"));
                jars.add(new LibJar(rel, Optional.empty(), false));
                continue;
            }
            readable.add(jar);
            String name = ref.get().descriptor().name();
            jars.add(new LibJar(rel, Optional.of(name), ref.get().descriptor().isAutomatic()));
            String earlier = seen.putIfAbsent(name, rel);
            if (earlier != null) {
                findings.add(new Finding(Severity.ERROR, at, "module " + name + " is also in " + earlier
                        + "; keep one of the two jars"));
            } else if (platform.parentModule(name).isPresent() || platform.classPathModules().containsKey(name)) {
                findings.add(new Finding(Severity.WARNING, at, "module " + name + " is already in this runtime,"
                        + " whose copy wins: this jar is not used; remove it"));
            } else {
                usable.add(name);
            }
        }
        return new LibJarScan(jars, usable, readable, findings);
    }
}
