package io.jhub.core.internal.compile;

import java.util.regex.Pattern;

/** Shortens type names for messages and help: {@code java.util.List<java.lang.String>} becomes {@code List<String>}. */
public final class TypeNames {
    private static final Pattern QUALIFIER = Pattern.compile("\\b(?:[a-z_][\\w$]*\\.)+(?=[A-Za-z_$][\\w$]*)");

    private TypeNames() {
    }

    /**
     * Drops package qualifiers from every type name in {@code typeText}.
     *
     * @param typeText a type as javac or reflection prints it
     * @return the same type with simple names
     */
    public static String simplify(String typeText) {
        return QUALIFIER.matcher(typeText).replaceAll("").replace('$', '.');
    }
}
