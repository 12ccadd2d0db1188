package io.jhub.core.internal.layer;

import io.jhub.api.MissingDependencyException;
import io.jhub.core.internal.compile.DependencyGate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks that every module a repository names (in {@code dependencies} or as a {@code requires}) is available:
 * in the parent layers, on the host's class path (class-path mode) or among its {@code lib/} jars. Reports all
 * missing names at once; a JDK module that is merely absent from the boot layer gets the {@code --add-modules}
 * advice, one the runtime does not contain at all (a trimmed jlink image) the {@code jlink-image.sh} line that
 * links it in ({@link JavaRuntime}).
 */
public final class DependencyCheck implements DependencyGate {
    private final HostPlatform platform;
    private final Set<String> libModules;
    private final String displayName;
    private final Optional<JavaRuntime> runtime;

    /**
     * Creates the check for the running Java runtime (described only when advice needs it: finding out whether
     * the runtime holds {@code java.se} reads the system modules, which a load that is not missing any skips).
     *
     * @param platform the host
     * @param libModules names of the repository's lib modules
     * @param displayName the repository, for messages
     */
    public DependencyCheck(HostPlatform platform, Set<String> libModules, String displayName) {
        this(platform, libModules, displayName, Optional.empty());
    }

    /**
     * Creates the check.
     *
     * @param platform the host
     * @param libModules names of the repository's lib modules
     * @param displayName the repository, for messages
     * @param runtime the Java runtime, for the advice on JDK modules it lacks
     */
    public DependencyCheck(HostPlatform platform, Set<String> libModules, String displayName, JavaRuntime runtime) {
        this(platform, libModules, displayName, Optional.of(runtime));
    }

    private DependencyCheck(HostPlatform platform, Set<String> libModules, String displayName,
            Optional<JavaRuntime> runtime) {
        this.platform = platform;
        this.libModules = Set.copyOf(libModules);
        this.displayName = displayName;
        this.runtime = runtime;
    }

    @Override
    public void check(List<String> dependencies, List<String> requires) {
        List<String> missing = missing(dependencies, requires);
        if (!missing.isEmpty()) {
            throw new MissingDependencyException(displayName, missing, advice(missing));
        }
    }

    /**
     * Returns the named modules that are not available, without failing.
     *
     * @param dependencies names from the hubconf's {@code dependencies} field
     * @param requires non-static {@code requires} of the repository's {@code module-info.java}
     * @return the missing names, each once, in the order given
     */
    public List<String> missing(List<String> dependencies, List<String> requires) {
        Set<String> missing = new LinkedHashSet<>();
        for (List<String> names : List.of(dependencies, requires)) {
            for (String name : names) {
                if (!available(name)) {
                    missing.add(name);
                }
            }
        }
        return List.copyOf(missing);
    }

    /**
     * Says how to make missing modules available: {@code --add-modules} for JDK modules, the module path or
     * {@code lib/} for the others.
     *
     * @param missing names of missing modules
     * @return one or two sentences
     */
    public String advice(List<String> missing) {
        List<String> jdk = new ArrayList<>();
        List<String> absent = new ArrayList<>();
        List<String> other = new ArrayList<>();
        for (String name : missing) {
            (platform.isSystemModule(name) ? jdk : JavaRuntime.isJdkName(name) ? absent : other).add(name);
        }
        StringBuilder advice = new StringBuilder();
        if (!absent.isEmpty()) {
            advice.append(runtime.orElseGet(JavaRuntime::current).adviceForAbsent(absent));
        }
        if (!jdk.isEmpty()) {
            advice.append(advice.length() == 0 ? "" : " ");
            advice.append(String.join(", ", jdk)).append(jdk.size() == 1 ? " is a JDK module" : " are JDK modules")
                    .append(" not in the boot layer: start the JVM with --add-modules ").append(String.join(",", jdk))
                    .append(" (or --add-modules ALL-DEFAULT for every standard module).");
        }
        if (!other.isEmpty()) {
            advice.append(advice.length() == 0 ? "" : " ").append("Put ").append(String.join(", ", other))
                    .append(" on the application's module path (or class path), or its jar into the repository's"
                            + " lib/ directory.");
        }
        return advice.toString();
    }

    private boolean available(String name) {
        return platform.parentModule(name).isPresent() || platform.classPathModules().containsKey(name)
                || libModules.contains(name);
    }
}
