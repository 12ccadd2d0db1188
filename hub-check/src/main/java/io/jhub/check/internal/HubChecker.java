package io.jhub.check.internal;

import io.jhub.api.HubconfCompileException;
import io.jhub.check.HubCheckReport;
import io.jhub.check.HubCheckReport.Entry;
import io.jhub.check.HubCheckReport.Finding;
import io.jhub.check.HubCheckReport.Location;
import io.jhub.check.HubCheckReport.Severity;
import io.jhub.core.internal.compile.EntrySite;
import io.jhub.core.internal.compile.HubCompiler;
import io.jhub.core.internal.compile.HubconfFacts;
import io.jhub.core.internal.compile.RepoLayout;
import io.jhub.core.internal.compile.SourceSite;
import io.jhub.core.internal.compile.SourceTree;
import io.jhub.core.internal.layer.DependencyCheck;
import io.jhub.core.internal.layer.HostCompileEnvironment;
import io.jhub.core.internal.layer.HostPlatform;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Checks a hub repository directory the way a load would see it, without running any of its code: finds its
 * parts, parses it, checks the modules it names against this runtime, and compiles it with no output (javac with
 * {@code -proc:none}, so neither annotation processors nor static initialisers run). Every problem becomes a
 * finding instead of an exception, so one run reports them all.
 */
public final class HubChecker {
    private final HostPlatform platform;

    /**
     * Creates a checker for the running host.
     *
     * @param platform the host whose modules a load would use
     */
    public HubChecker(HostPlatform platform) {
        this.platform = Objects.requireNonNull(platform, "platform");
    }

    /**
     * Checks a repository.
     *
     * @param dir the repository directory
     * @param hubconfEntry the hubconf file relative to it, such as {@code hubconf.java}
     * @return the report
     * @throws io.jhub.api.HubException if {@code dir} is not a directory or has no such hubconf file
     */
    public HubCheckReport check(Path dir, String hubconfEntry) {
        Path root = dir.toAbsolutePath().normalize();
        String name = dir.toString();
        List<Finding> findings = new ArrayList<>();
        RepoLayout layout;
        try {
            layout = RepoLayout.locate(dir, hubconfEntry, name);
        } catch (HubconfCompileException e) {
            // no package: the source root and module name are unknown, so nothing further can be checked
            errors(e, findings);
            LibJarScan lib = LibJarScan.of(root, RepoLayout.libJars(root), platform);
            findings.addAll(lib.findings());
            return new HubCheckReport(root, hubconfEntry, Optional.empty(), false, List.of(), List.of(), List.of(),
                    lib.jars(), findings);
        }
        SourceTree tree = SourceTree.scan(layout);
        LibJarScan lib = LibJarScan.of(root, layout.libJars(), platform);
        findings.addAll(lib.findings());
        String sourcePrefix = root.relativize(layout.sourceRoot()).toString().replace('\\', '/');
        List<String> resources = tree.resources().stream()
                .map(r -> sourcePrefix.isEmpty() ? r : sourcePrefix + "/" + r).toList();
        // a jar that is no module is reported above; the compiler gets the others, so its errors are the sources'
        RepoLayout readable = new RepoLayout(layout.repoRoot(), layout.hubconfEntry(), layout.hubconfFile(),
                layout.packageName(), layout.sourceRoot(), layout.moduleInfo(), lib.readable());
        HubCompiler compiler = new HubCompiler(readable, HostCompileEnvironment.of(platform, readable), name);
        List<Entry> entries = new ArrayList<>();
        List<String> dependencies = List.of();
        try {
            HubconfFacts facts = compiler.parse();
            dependencies = facts.dependencies();
            if (!facts.hubconfPublic()) {
                findings.add(new Finding(Severity.WARNING, location(facts.hubconfSite()), "the hubconf class "
                        + facts.hubconfSimpleName() + " is not public; jhub still calls its entries, but declare it"
                        + " public so readers and tools see them as the repository's API"));
            }
            DependencyCheck deps = new DependencyCheck(platform, lib.usable(), name);
            for (String missing : deps.missing(facts.dependencies(), facts.requires())) {
                SourceSite at = facts.declaredAt().getOrDefault(missing, new SourceSite(layout.hubconfEntry(), 0, 0));
                findings.add(new Finding(Severity.ERROR, location(at), "module " + missing
                        + " is not in this runtime, so the load would fail. " + deps.advice(List.of(missing))));
            }
            for (EntrySite e : compiler.analyse(facts)) {
                entries.add(new Entry(e.entry().name(), e.entry().signature(), e.entry().doc(), location(e.site())));
                if (e.entry().doc().isBlank()) {
                    findings.add(new Finding(Severity.WARNING, location(e.site()), "entry " + e.entry().signature()
                            + " has no Javadoc, so jhub help shows nothing for it; add a /** ... */ comment"));
                }
            }
            if (entries.isEmpty()) {
                findings.add(new Finding(Severity.WARNING, location(facts.hubconfSite()), "the hubconf class "
                        + facts.hubconfSimpleName() + " has no entries; add a public static method"));
            }
        } catch (HubconfCompileException e) {
            errors(e, findings);
        }
        return new HubCheckReport(root, layout.hubconfEntry(), Optional.of(layout.packageName()),
                layout.moduleInfo().isPresent(), entries, dependencies, resources, lib.jars(), findings);
    }

    private static void errors(HubconfCompileException e, List<Finding> findings) {
        for (HubconfCompileException.Problem p : e.problems()) {
            findings.add(new Finding(Severity.ERROR, new Location(p.file(), p.line(), p.column()), p.message()));
        }
    }

    private static Location location(SourceSite s) {
        return new Location(s.file(), s.line(), s.column());
    }
}
