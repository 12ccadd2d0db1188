package io.jhub.core.internal.compile;

import java.util.Set;

/**
 * Java identifiers and keywords, checked without {@code javax.lang.model.SourceVersion}: that class's
 * initialisation spins method handles, several milliseconds of a warm load in a fresh JVM.
 */
final class JavaNames {
    /** Reserved words and literals of the latest Java language; contextual words like {@code var} are not. */
    private static final Set<String> RESERVED = Set.of(
            "abstract", "assert", "boolean", "break", "byte", "case", "catch", "char", "class", "const",
            "continue", "default", "do", "double", "else", "enum", "extends", "final", "finally", "float", "for",
            "goto", "if", "implements", "import", "instanceof", "int", "interface", "long", "native", "new",
            "package", "private", "protected", "public", "return", "short", "static", "strictfp", "super",
            "switch", "synchronized", "this", "throw", "throws", "transient", "try", "void", "volatile", "while",
            "_", "true", "false", "null");

    private JavaNames() {
    }

    /**
     * Tells whether {@code name} can name a package part, class or member: a Java identifier that is not a
     * reserved word.
     *
     * @param name a candidate
     * @return true if valid
     */
    static boolean isIdentifier(String name) {
        if (name.isEmpty() || RESERVED.contains(name)) {
            return false;
        }
        int first = name.codePointAt(0);
        if (!Character.isJavaIdentifierStart(first)) {
            return false;
        }
        for (int i = Character.charCount(first); i < name.length(); ) {
            int cp = name.codePointAt(i);
            if (!Character.isJavaIdentifierPart(cp)) {
                return false;
            }
            i += Character.charCount(cp);
        }
        return true;
    }
}
