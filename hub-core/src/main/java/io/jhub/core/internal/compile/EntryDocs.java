package io.jhub.core.internal.compile;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import javax.lang.model.element.Element;
import javax.lang.model.element.ElementKind;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.Modifier;
import javax.lang.model.element.TypeElement;
import javax.lang.model.element.VariableElement;
import javax.lang.model.util.Elements;

/** Reads the entries of a hubconf class, with readable signatures and their Javadoc, from the compiler's model. */
final class EntryDocs {
    private EntryDocs() {
    }

    /**
     * Returns the entries of an analysed hubconf class: its public static methods, in source order.
     *
     * @param hubconf the hubconf class
     * @param elements the compiler's element utilities
     * @param siteOf where an element is declared
     * @return the entries with signatures, Javadoc and places
     */
    static List<EntrySite> of(TypeElement hubconf, Elements elements, Function<Element, SourceSite> siteOf) {
        List<EntrySite> entries = new ArrayList<>();
        for (Element e : hubconf.getEnclosedElements()) {
            if (e.getKind() == ElementKind.METHOD && e.getModifiers().contains(Modifier.PUBLIC)
                    && e.getModifiers().contains(Modifier.STATIC)) {
                ExecutableElement m = (ExecutableElement) e;
                String doc = elements.getDocComment(m);
                entries.add(new EntrySite(new EntryDoc(m.getSimpleName().toString(), signature(m),
                        doc == null ? "" : doc.stripIndent().strip()), siteOf.apply(m)));
            }
        }
        return entries;
    }

    private static String signature(ExecutableElement m) {
        List<? extends VariableElement> params = m.getParameters();
        StringBuilder sb = new StringBuilder(TypeNames.simplify(m.getReturnType().toString())).append(' ')
                .append(m.getSimpleName()).append('(');
        for (int i = 0; i < params.size(); i++) {
            String type = TypeNames.simplify(params.get(i).asType().toString());
            if (m.isVarArgs() && i == params.size() - 1 && type.endsWith("[]")) {
                type = type.substring(0, type.length() - 2) + "...";
            }
            sb.append(i == 0 ? "" : ", ").append(type).append(' ').append(params.get(i).getSimpleName());
        }
        return sb.append(')').toString();
    }
}
