package io.jhub.core.internal.compile;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * What javac compiles a hub repository against.
 *
 * @param modulePath directories and jars for {@code --module-path} (parent modules first, then {@code lib/} jars)
 * @param classPath directories and jars for {@code --class-path}; used only when not empty
 * @param systemModules names of JDK modules that may be added with {@code --add-modules} when the repository
 *     names them in its {@code dependencies}
 * @param release whether to compile with {@code --release} (false in a jlink image, where jhub's own modules
 *     are system modules that only the running image describes)
 */
public record CompileEnvironment(List<Path> modulePath, List<Path> classPath, Set<String> systemModules,
                                 boolean release) {
    /**
     * Copies the fields.
     */
    public CompileEnvironment {
        modulePath = List.copyOf(modulePath);
        classPath = List.copyOf(classPath);
        systemModules = Set.copyOf(systemModules);
    }
}
