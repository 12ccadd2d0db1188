package io.jhub.core.internal.compile;

import java.util.Optional;

/**
 * Reads the package declaration of a Java source text without starting the compiler, so the warm path (the
 * compiled cache is hit) never initialises javac. Skips whitespace, comments and annotations before the
 * {@code package} keyword.
 */
final class PackageScanner {
    private final String text;
    private int pos;

    private PackageScanner(String text) {
        this.text = text;
    }

    /**
     * Returns the package a compilation unit declares.
     *
     * @param source the source text
     * @return the qualified package name, or empty if the unit declares none
     */
    static Optional<String> packageOf(String source) {
        return new PackageScanner(source).scan();
    }

    private Optional<String> scan() {
        while (true) {
            skipBlanksAndComments();
            if (pos < text.length() && text.charAt(pos) == '@') {
                pos++;
                skipQualifiedName();
                skipBlanksAndComments();
                skipParenthesised();
                continue;
            }
            break;
        }
        if (!text.startsWith("package", pos) || pos + 7 >= text.length()
                || Character.isJavaIdentifierPart(text.charAt(pos + 7))) {
            return Optional.empty();
        }
        pos += 7;
        StringBuilder name = new StringBuilder();
        while (true) {
            skipBlanksAndComments();
            if (pos >= text.length()) {
                return Optional.empty();
            }
            char c = text.charAt(pos);
            if (c == ';') {
                return name.length() == 0 ? Optional.empty() : Optional.of(name.toString());
            }
            if (c != '.' && !Character.isJavaIdentifierPart(c)) {
                return Optional.empty();
            }
            name.append(c);
            pos++;
        }
    }

    private void skipQualifiedName() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isJavaIdentifierPart(c) || c == '.') {
                pos++;
            } else if (Character.isWhitespace(c)) {
                skipBlanksAndComments();
                if (pos < text.length() && text.charAt(pos) == '.') {
                    pos++;
                    skipBlanksAndComments();
                } else {
                    return;
                }
            } else {
                return;
            }
        }
    }

    private void skipParenthesised() {
        if (pos >= text.length() || text.charAt(pos) != '(') {
            return;
        }
        int depth = 0;
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '"' || c == '\'') {
                skipLiteral(c);
            } else if (c == '(') {
                depth++;
            } else if (c == ')' && --depth == 0) {
                return;
            }
        }
    }

    private void skipLiteral(char quote) {
        while (pos < text.length()) {
            char c = text.charAt(pos++);
            if (c == '\\') {
                pos++;
            } else if (c == quote) {
                return;
            }
        }
    }

    private void skipBlanksAndComments() {
        while (pos < text.length()) {
            char c = text.charAt(pos);
            if (Character.isWhitespace(c) || c == '\uFEFF') {
                pos++;
            } else if (text.startsWith("//", pos)) {
                int end = text.indexOf('\n', pos);
                pos = end < 0 ? text.length() : end + 1;
            } else if (text.startsWith("/*", pos)) {
                int end = text.indexOf("*/", pos + 2);
                pos = end < 0 ? text.length() : end + 2;
            } else {
                return;
            }
        }
    }
}
