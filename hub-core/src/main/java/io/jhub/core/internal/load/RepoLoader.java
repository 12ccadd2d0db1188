package io.jhub.core.internal.load;

import io.jhub.api.ProgressEvent;
import io.jhub.api.ProgressListener;
import io.jhub.core.Hub;
import io.jhub.core.HubModule;
import io.jhub.core.internal.compile.CompiledCache;
import io.jhub.core.internal.compile.CompiledRepo;
import io.jhub.core.internal.compile.KeyStamps;
import io.jhub.core.internal.compile.HubCompiler;
import io.jhub.core.internal.compile.RepoLayout;
import io.jhub.core.internal.compile.SourceTree;
import io.jhub.core.internal.invoke.LoadedHubModule;
import io.jhub.core.internal.layer.DependencyCheck;
import io.jhub.core.internal.layer.HostCompileEnvironment;
import io.jhub.core.internal.layer.HostPlatform;
import io.jhub.core.internal.layer.LayerFactory;
import io.jhub.core.internal.layer.LibModules;
import io.jhub.core.internal.layer.RepoDescriptors;
import java.lang.System.Logger.Level;
import java.lang.module.ModuleDescriptor;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Turns a hub repository on disk into a {@link HubModule}: finds its parts, compiles it (or reuses the compiled
 * cache, in any process), checks the modules it names, and defines a new module layer for it. Each call defines
 * a new layer; memoising is the caller's job. Thread-safe.
 */
public final class RepoLoader {
    private final CompiledCache cache;
    private final KeyStamps stamps;
    private final ProgressListener progress;
    private final HostPlatform platform;
    private final Consumer<Path> afterInstall;

    /**
     * Creates a loader.
     *
     * @param compiledCacheRoot where compiled repositories are kept (created when first needed)
     * @param progress receives a {@link ProgressEvent.Phase#COMPILE} event when a repository is compiled, and a
     *     {@link ProgressEvent.Phase#DONE} event with the number of class files when that compilation ends
     */
    public RepoLoader(Path compiledCacheRoot, ProgressListener progress) {
        this(compiledCacheRoot, List.of(), progress, p -> { });
    }

    /**
     * Creates a loader with read-only compiled caches and an install hook.
     *
     * @param compiledCacheRoot where compiled repositories are kept (created when first needed)
     * @param readOnlyRoots compiled caches of read-only layers, searched first and never written
     * @param progress as for {@link #RepoLoader(Path, ProgressListener)}
     * @param afterInstall told the directory of every entry this loader compiled (a bounded cache evicts then)
     */
    public RepoLoader(Path compiledCacheRoot, List<Path> readOnlyRoots, ProgressListener progress,
            Consumer<Path> afterInstall) {
        this.cache = new CompiledCache(Objects.requireNonNull(compiledCacheRoot, "compiledCacheRoot"),
                readOnlyRoots);
        this.stamps = new KeyStamps(compiledCacheRoot.resolve("stamps"));
        this.progress = Objects.requireNonNull(progress, "progress");
        this.platform = HostPlatform.current();
        this.afterInstall = Objects.requireNonNull(afterInstall, "afterInstall");
    }

    /**
     * Compiles (or reuses the compiled cache), checks dependencies, defines a new layer.
     *
     * @param repoRoot the repository tree
     * @param hubconfEntry the hubconf file relative to the root, such as {@code hubconf.java}
     * @param displayName the repository as the user named it, such as {@code owner/repo@1a2b3c4}
     * @param owner the hub entry calls run under
     * @return the loaded module
     * @throws io.jhub.api.HubconfCompileException if the sources do not compile (every error listed)
     * @throws io.jhub.api.MissingDependencyException if named modules are missing (every name listed)
     * @throws io.jhub.api.HubException if the repository is malformed or its layer cannot be defined
     */
    public HubModule load(Path repoRoot, String hubconfEntry, String displayName, Hub owner) {
        Objects.requireNonNull(owner, "owner");
        long start = System.nanoTime();
        RepoLayout layout = RepoLayout.locate(repoRoot, hubconfEntry, displayName);
        SourceTree tree = SourceTree.scan(layout);
        LibModules lib = LibModules.of(layout.libJars(), platform, displayName);
        DependencyCheck check = new DependencyCheck(platform, lib.names(), displayName);
        String key = stamps.keyOf(layout, tree, platform.modeKey());
        // the lock-free lookup first: on a hit (every warm load) no compiler lambda is linked
        Optional<CompiledCache.Entry> hit = cache.lookup(key);
        CompiledCache.Entry entry = hit.isPresent() ? hit.get()
                : cache.obtain(key, classes -> compile(layout, lib, check, displayName, classes));
        if (!cache.hold(entry)) { // evicted between the lookup and the hold: build it again
            entry = cache.obtain(key, classes -> compile(layout, lib, check, displayName, classes));
            cache.hold(entry);
        }
        if (entry.compiledNow()) {
            afterInstall.accept(entry.dir());
        }
        CompiledRepo repo = entry.repo();
        Set<String> packages = RepoDescriptors.packages(repo, tree.resourcePackages(), platform);
        ModuleDescriptor descriptor;
        List<Module> addedReads = new ArrayList<>();
        if (repo.moduleInfo()) {
            descriptor = RepoDescriptors.declared(entry.classes(), packages, displayName);
            check.check(repo.dependencies(), RepoDescriptors.requiredNames(descriptor));
            descriptor = RepoDescriptors.withoutRequires(descriptor, classPathOnly());
        } else {
            check.check(repo.dependencies(), List.of());
            Set<String> reads = new LinkedHashSet<>();
            for (String name : platform.exportingParentModules()) {
                Module m = platform.parentModule(name).orElseThrow();
                if (platform.readableAfterDefinition(m)) {
                    addedReads.add(m);
                } else {
                    reads.add(name);
                }
            }
            reads.addAll(lib.names());
            descriptor = RepoDescriptors.synthesized(layout.packageName(), packages, reads);
        }
        LayerFactory.Defined defined = LayerFactory.define(platform, descriptor, addedReads, entry.classes(),
                layout.sourceRoot(), layout.libDir(), lib, layout.packageName(), displayName);
        if (entry.compiledNow()) {
            // a warm load logs nothing: the first System.Logger use costs a fresh JVM about 25 ms
            String moduleName = descriptor.name();
            Log.LOG.log(Level.DEBUG, () -> String.format("Loaded %s as module %s (compiled cache %s, %.1f ms)",
                    displayName, moduleName, key, (System.nanoTime() - start) / 1e6));
        }
        return new LoadedHubModule(displayName, layout.repoRoot(), defined.layer(), defined.module(),
                repo.hubconfClass(), repo.entries(), owner);
    }

    private CompiledRepo compile(RepoLayout layout, LibModules lib, DependencyCheck check, String displayName,
                                 Path classes) {
        progress.onProgress(new ProgressEvent(ProgressEvent.Phase.COMPILE, displayName, 0, -1));
        long start = System.nanoTime();
        CompiledRepo repo = new HubCompiler(layout, HostCompileEnvironment.of(platform, layout), displayName).compile(classes, check);
        long count = repo.classFiles().size();
        Log.LOG.log(Level.DEBUG, () -> String.format("Compiled %s: %d class files in %.0f ms", displayName, count,
                (System.nanoTime() - start) / 1e6));
        progress.onProgress(new ProgressEvent(ProgressEvent.Phase.DONE, displayName, count, count));
        return repo;
    }

    private Set<String> classPathOnly() {
        Set<String> names = new LinkedHashSet<>();
        for (String name : platform.classPathModules().keySet()) {
            if (platform.parentModule(name).isEmpty()) {
                names.add(name);
            }
        }
        return names;
    }

    /** Holds the logger, so that a load which logs nothing never pays for finding the logging backend. */
    private static final class Log {
        static final System.Logger LOG = System.getLogger("io.jhub.core.load");
    }
}
