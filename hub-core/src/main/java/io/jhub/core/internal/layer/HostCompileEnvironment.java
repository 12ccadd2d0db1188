package io.jhub.core.internal.layer;

import io.jhub.core.internal.compile.CompileEnvironment;
import io.jhub.core.internal.compile.RepoLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What a hub repository compiles against on this host, the same for a load and for an author's check: the
 * parent layer's modules (or the class path) and its {@code lib/} jars, and the JDK modules it may add.
 */
public final class HostCompileEnvironment {
    private HostCompileEnvironment() {
    }

    /**
     * Returns the compile environment of a repository on a host.
     *
     * @param platform the host
     * @param layout the repository
     * @return the compile environment
     */
    public static CompileEnvironment of(HostPlatform platform, RepoLayout layout) {
        List<Path> modulePath = new ArrayList<>();
        List<Path> classPath = new ArrayList<>();
        boolean named = layout.moduleInfo().isPresent();
        if (platform.mode() == HostPlatform.Mode.MODULE || named) {
            modulePath.addAll(platform.compileModulePath());
            modulePath.addAll(layout.libJars());
        } else {
            classPath.addAll(platform.compileClassPath());
            classPath.addAll(layout.libJars());
        }
        Set<String> jdk = new LinkedHashSet<>();
        for (String name : platform.exportingParentModules()) {
            if (platform.isSystemModule(name)) {
                jdk.add(name);
            }
        }
        // no --release: the running JDK (or jlink image, whose ct.sym may be absent) is the target
        return new CompileEnvironment(modulePath, classPath, jdk);
    }
}
