package io.jhub.core.internal.compile;

import java.util.List;

/** Checks the modules a repository names before anything of it is compiled further or run. */
@FunctionalInterface
public interface DependencyGate {
    /**
     * Fails if any named module is missing.
     *
     * @param dependencies names from the hubconf's {@code dependencies} field
     * @param requires non-static {@code requires} of the repository's {@code module-info.java}
     * @throws io.jhub.api.MissingDependencyException listing every missing name
     */
    void check(List<String> dependencies, List<String> requires);
}
