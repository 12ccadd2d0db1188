package io.jhub.core.internal.compile;

import com.sun.source.tree.ClassTree;
import com.sun.source.tree.CompilationUnitTree;
import com.sun.source.tree.ExpressionTree;
import com.sun.source.tree.LiteralTree;
import com.sun.source.tree.NewArrayTree;
import com.sun.source.tree.RequiresTree;
import com.sun.source.tree.Tree;
import com.sun.source.tree.VariableTree;
import com.sun.source.util.TreeScanner;
import io.jhub.api.HubDefaults;
import io.jhub.api.HubconfCompileException.Problem;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import javax.lang.model.element.Modifier;

/**
 * What the parsed (not yet analysed) sources say about a hub repository: the hubconf class, the
 * {@code dependencies} field's string literals and the {@code requires} of {@code module-info.java}. Read from
 * the syntax tree so no repository code ever runs to find them.
 *
 * @param hubconfSimpleName the hubconf class's simple name
 * @param dependencies the names in the {@code dependencies} initializer, in order
 * @param requires the non-static {@code requires} of the module declaration, in order
 * @param problems what is wrong with the hubconf's shape (empty when fine)
 * @param hubconfPublic whether the hubconf class is declared {@code public}
 * @param hubconfSite where the hubconf class (or, without one, the unit) is declared
 * @param declaredAt where each name of {@code dependencies} and {@code requires} is written
 */
public record HubconfFacts(String hubconfSimpleName, List<String> dependencies, List<String> requires,
                           List<Problem> problems, boolean hubconfPublic, SourceSite hubconfSite,
                           Map<String, SourceSite> declaredAt) {

    /**
     * Copies the fields.
     */
    public HubconfFacts {
        dependencies = List.copyOf(dependencies);
        requires = List.copyOf(requires);
        problems = List.copyOf(problems);
        declaredAt = Map.copyOf(declaredAt);
    }

    /**
     * Inspects the parsed units.
     *
     * @param hubconf the hubconf unit
     * @param moduleInfo the module declaration unit, or null
     * @param hubconfFileName the hubconf's file name, such as {@code hubconf.java}
     * @param siteOf the place of a tree of a unit
     * @return the facts
     */
    static HubconfFacts inspect(CompilationUnitTree hubconf, CompilationUnitTree moduleInfo, String hubconfFileName, BiFunction<CompilationUnitTree, Tree, SourceSite> siteOf) {
        BiFunction<Tree, String, Problem> problemAt = (tree, message) -> {
            SourceSite s = siteOf.apply(hubconf, tree);
            return new Problem(s.file(), s.line(), s.column(), message);
        };
        Map<String, SourceSite> declaredAt = new LinkedHashMap<>();
        List<Problem> problems = new ArrayList<>();
        List<ClassTree> types = new ArrayList<>();
        for (Tree t : hubconf.getTypeDecls()) {
            if (t instanceof ClassTree c) {
                types.add(c);
            }
        }
        String base = hubconfFileName.substring(0, hubconfFileName.length() - ".java".length());
        ClassTree chosen = types.stream().filter(c -> c.getSimpleName().contentEquals(base)).findFirst()
                .orElse(types.size() == 1 ? types.get(0) : null);
        List<String> deps = new ArrayList<>();
        if (chosen == null) {
            problems.add(problemAt.apply(hubconf, types.isEmpty()
                    ? "the hubconf declares no class; declare one whose public static methods are the entries"
                    : "the hubconf declares " + types.size() + " top-level types and none is named " + base
                    + "; name the hubconf class " + base + " or keep one top-level type"));
        } else {
            for (Tree member : chosen.getMembers()) {
                if (member instanceof VariableTree v && v.getName().contentEquals(HubDefaults.HUBDEPENDENCY)
                        && v.getModifiers().getFlags().contains(Modifier.STATIC)) {
                    readDependencies(v, deps, problems, problemAt);
                    deps.forEach(d -> declaredAt.putIfAbsent(d, siteOf.apply(hubconf, v)));
                }
            }
        }
        List<String> requires = new ArrayList<>();
        if (moduleInfo != null) {
            new TreeScanner<Void, Void>() {
                @Override
                public Void visitRequires(RequiresTree node, Void unused) {
                    if (!node.isStatic()) {
                        String name = node.getModuleName().toString().replaceAll("\\s", "");
                        requires.add(name);
                        declaredAt.putIfAbsent(name, siteOf.apply(moduleInfo, node));
                    }
                    return null;
                }
            }.scan(moduleInfo, null);
        }
        boolean isPublic = chosen != null && chosen.getModifiers().getFlags().contains(Modifier.PUBLIC);
        return new HubconfFacts(chosen == null ? base : chosen.getSimpleName().toString(), deps, requires, problems,
                isPublic, siteOf.apply(hubconf, chosen == null ? hubconf : chosen), declaredAt);
    }

    private static void readDependencies(VariableTree v, List<String> deps, List<Problem> problems,
                                         BiFunction<Tree, String, Problem> problemAt) {
        ExpressionTree init = v.getInitializer();
        String shape = "the dependencies field must be initialised with string literals, such as"
                + " public static final String[] dependencies = {\"java.sql\"};";
        if (!(init instanceof NewArrayTree array) || array.getInitializers() == null) {
            problems.add(problemAt.apply(init == null ? v : init, shape));
            return;
        }
        for (ExpressionTree e : array.getInitializers()) {
            if (e instanceof LiteralTree lit && lit.getValue() instanceof String s && !s.isBlank()) {
                deps.add(s.strip());
            } else {
                problems.add(problemAt.apply(e, shape));
            }
        }
    }
}
