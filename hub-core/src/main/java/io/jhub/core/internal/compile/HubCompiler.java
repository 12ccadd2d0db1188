package io.jhub.core.internal.compile;

import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.Tree;
import com.sun.source.util.JavacTask;
import com.sun.source.util.SourcePositions;
import com.sun.source.util.TreePath;
import com.sun.source.util.Trees;
import io.jhub.api.HubException;
import io.jhub.api.HubconfCompileException;
import io.jhub.api.HubconfCompileException.Problem;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.lang.model.element.Element;
import javax.lang.model.element.TypeElement;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.StandardLocation;
import javax.tools.ToolProvider;

/**
 * Compiles a hub repository in-process with {@code javax.tools}: first a parse of the hubconf (and
 * {@code module-info.java}) to read the hubconf class, its {@code dependencies} and the {@code requires} and to
 * check them, then the full compilation with {@code -parameters} for the running feature
 * version, reaching other sources through the source path. Captures each entry's Javadoc.
 */
public final class HubCompiler {
    private final RepoLayout layout;
    private final CompileEnvironment env;
    private final String displayName;

    /**
     * Prepares a compilation.
     *
     * @param layout the repository
     * @param env what to compile against
     * @param displayName the repository as the user named it, for messages
     */
    public HubCompiler(RepoLayout layout, CompileEnvironment env, String displayName) {
        this.layout = layout;
        this.env = env;
        this.displayName = displayName;
    }

    /**
     * Compiles into {@code classesDir}.
     *
     * @param classesDir an empty directory for the class files
     * @param gate checks the named modules after parsing, before analysis
     * @return the compiled repository's metadata
     * @throws HubconfCompileException listing every error
     * @throws io.jhub.api.MissingDependencyException from the gate
     * @throws HubException if no compiler is available or the output cannot be written
     */
    public CompiledRepo compile(Path classesDir, DependencyGate gate) {
        HubconfFacts facts = parse();
        gate.check(facts.dependencies(), facts.requires());
        Analysis a = run(facts, Optional.of(classesDir));
        try {
            return new CompiledRepo(a.hubconfClass(), layout.moduleInfo().isPresent(), facts.dependencies(),
                    a.entries().stream().map(EntrySite::entry).toList(), classFiles(classesDir));
        } catch (IOException e) {
            throw new HubException("Cannot compile " + displayName + ": " + e.getMessage(), e);
        }
    }

    /**
     * Parses the hubconf (and {@code module-info.java}) only: cheap, needs no class path, runs nothing.
     *
     * @return what the sources say about the hubconf class and the modules they name
     * @throws HubconfCompileException if the sources do not parse or the hubconf's shape is wrong
     * @throws HubException if no compiler is available
     */
    public HubconfFacts parse() {
        return parseFacts(javac());
    }

    /**
     * Compiles as {@link #compile} does but writes no class file: parsing, attribution and flow analysis find
     * every compile error, and no repository code runs.
     *
     * @param facts the result of {@link #parse()}
     * @return the entries with their places, in source order
     * @throws HubconfCompileException listing every error
     * @throws HubException if no compiler is available
     */
    public List<EntrySite> analyse(HubconfFacts facts) {
        return run(facts, Optional.empty()).entries();
    }

    private record Analysis(String hubconfClass, List<EntrySite> entries) {
    }

    private static JavaCompiler javac() {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new HubException("No Java compiler in this runtime: jhub compiles hub repositories in-process and"
                    + " needs a JDK (or a runtime image that includes the jdk.compiler module).");
        }
        return javac;
    }

    private Analysis run(HubconfFacts facts, Optional<Path> classesDir) {
        JavaCompiler javac = javac();
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            fm.setLocationFromPaths(StandardLocation.SOURCE_PATH, List.of(layout.sourceRoot()));
            if (classesDir.isPresent()) {
                fm.setLocationFromPaths(StandardLocation.CLASS_OUTPUT, List.of(classesDir.get()));
            }
            List<String> options = new ArrayList<>(List.of("-parameters", "-implicit:class", "-proc:none", "-g",
                    "-Xlint:none", "-encoding", "UTF-8"));
            boolean named = layout.moduleInfo().isPresent();
            // without module-info the sources compile in the unnamed module, which reads every root module
            List<String> roots = new ArrayList<>();
            if (!env.modulePath().isEmpty()) {
                fm.setLocationFromPaths(StandardLocation.MODULE_PATH, env.modulePath());
                roots.add("ALL-MODULE-PATH");
            }
            if (!named && !env.classPath().isEmpty()) {
                fm.setLocationFromPaths(StandardLocation.CLASS_PATH, env.classPath());
            }
            facts.dependencies().stream().filter(env.systemModules()::contains).forEach(roots::add);
            if (!named && !roots.isEmpty()) {
                options.add("--add-modules");
                options.add(String.join(",", roots));
            }
            JavacTask task = (JavacTask) javac.getTask(null, fm, diagnostics, options, null,
                    fm.getJavaFileObjectsFromPaths(units()));
            task.parse();
            failOnErrors(diagnostics);
            Iterable<? extends Element> analysed = task.analyze();
            failOnErrors(diagnostics);
            String hubconfName = layout.packageName() + "." + facts.hubconfSimpleName();
            TypeElement hubconf = task.getElements().getTypeElement(hubconfName);
            if (hubconf == null) {
                for (Element e : analysed) {
                    if (e instanceof TypeElement t && t.getQualifiedName().contentEquals(hubconfName)) {
                        hubconf = t;
                    }
                }
            }
            if (hubconf == null) {
                throw new HubException("The compiler did not produce the hubconf class " + hubconfName + " of "
                        + displayName + "; check the package declaration of " + layout.hubconfEntry());
            }
            Trees trees = Trees.instance(task);
            List<EntrySite> entries = EntryDocs.of(hubconf, task.getElements(), e -> siteOf(trees, e));
            String binaryName = task.getElements().getBinaryName(hubconf).toString();
            if (classesDir.isPresent()) {
                task.generate();
                failOnErrors(diagnostics);
            }
            return new Analysis(binaryName, entries);
        } catch (IOException e) {
            throw new HubException("Cannot compile " + displayName + ": " + e.getMessage(), e);
        } catch (IllegalStateException | IllegalArgumentException e) {
            // javac rejects options (e.g. a broken module path) with these
            throw new HubException("Cannot compile " + displayName + ": " + e.getMessage(), e);
        }
    }

    private SourceSite siteOf(Trees trees, Element e) {
        TreePath path = trees.getPath(e);
        if (path == null) {
            return new SourceSite(layout.hubconfEntry(), 0, 0);
        }
        return site(path.getCompilationUnit(), trees.getSourcePositions(), path.getLeaf());
    }

    private List<Path> units() {
        List<Path> units = new ArrayList<>();
        layout.moduleInfo().ifPresent(units::add);
        units.add(layout.hubconfFile());
        return units;
    }

    /** Parses only (cheap, no class path needed) to learn the hubconf class and the modules it names. */
    private HubconfFacts parseFacts(JavaCompiler javac) {
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager fm = javac.getStandardFileManager(diagnostics, Locale.ROOT,
                StandardCharsets.UTF_8)) {
            JavacTask task = (JavacTask) javac.getTask(null, fm, diagnostics, List.of("-proc:none"), null,
                    fm.getJavaFileObjectsFromPaths(units()));
            CompilationUnitTree hubconf = null;
            CompilationUnitTree moduleInfo = null;
            for (CompilationUnitTree unit : task.parse()) {
                if (Path.of(unit.getSourceFile().toUri()).equals(layout.hubconfFile())) {
                    hubconf = unit;
                } else {
                    moduleInfo = unit;
                }
            }
            failOnErrors(diagnostics);
            if (hubconf == null) {
                throw new HubException("Cannot parse " + layout.hubconfFile() + " of " + displayName);
            }
            SourcePositions positions = Trees.instance(task).getSourcePositions();
            HubconfFacts facts = HubconfFacts.inspect(hubconf, moduleInfo,
                    layout.hubconfFile().getFileName().toString(), (u, t) -> site(u, positions, t));
            if (!facts.problems().isEmpty()) {
                throw new HubconfCompileException(displayName, facts.problems());
            }
            return facts;
        } catch (IOException e) {
            throw new HubException("Cannot parse " + displayName + ": " + e.getMessage(), e);
        }
    }

    private SourceSite site(CompilationUnitTree unit, SourcePositions positions, Tree tree) {
        long pos = positions.getStartPosition(unit, tree);
        long line = pos < 0 ? 0 : unit.getLineMap().getLineNumber(pos);
        long col = pos < 0 ? 0 : unit.getLineMap().getColumnNumber(pos);
        return new SourceSite(relativeName(unit.getSourceFile()), line, col);
    }

    private void failOnErrors(DiagnosticCollector<JavaFileObject> diagnostics) {
        List<Problem> problems = new ArrayList<>();
        for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
            if (d.getKind() == Diagnostic.Kind.ERROR) {
                problems.add(new Problem(relativeName(d.getSource()), Math.max(0, d.getLineNumber()),
                        Math.max(0, d.getColumnNumber()), d.getMessage(Locale.ENGLISH)));
            }
        }
        if (!problems.isEmpty()) {
            throw new HubconfCompileException(displayName, problems);
        }
    }

    private String relativeName(JavaFileObject source) {
        if (source == null) {
            return layout.hubconfEntry();
        }
        URI uri = source.toUri();
        if ("file".equals(uri.getScheme())) {
            Path p = Path.of(uri).toAbsolutePath().normalize();
            if (p.startsWith(layout.repoRoot())) {
                return layout.repoRoot().relativize(p).toString().replace('\\', '/');
            }
            return p.toString();
        }
        return source.getName();
    }

    private static Map<String, String> classFiles(Path classesDir) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(classesDir)) {
            for (Path p : walk.filter(Files::isRegularFile).collect(Collectors.toList())) {
                files.put(classesDir.relativize(p).toString().replace('\\', '/'), FileHashes.crc32(p));
            }
        }
        return files;
    }
}
