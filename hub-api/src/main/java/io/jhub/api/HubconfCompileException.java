package io.jhub.api;

import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The sources of a hub repository did not compile. The message lists every error as {@code file:line:column:
 * message}, the way javac prints them.
 *
 * @since 0.1
 */
public class HubconfCompileException extends HubException {
    private static final long serialVersionUID = 1L;

    /**
     * One compiler error.
     *
     * @param file the source file, relative to the repository root
     * @param line the 1-based line, or 0 when unknown
     * @param column the 1-based column, or 0 when unknown
     * @param message the compiler's message
     */
    public record Problem(String file, long line, long column, String message) {
        /**
         * Validates the fields.
         *
         * @throws NullPointerException if {@code file} or {@code message} is null
         */
        public Problem {
            Objects.requireNonNull(file, "file");
            Objects.requireNonNull(message, "message");
        }

        @Override
        public String toString() {
            return file + ":" + line + ":" + column + ": " + message;
        }
    }

    private final transient List<Problem> problems;

    /**
     * Creates the exception.
     *
     * @param repo the repository being compiled, as the user wrote it
     * @param problems the errors reported by the compiler
     */
    public HubconfCompileException(String repo, List<Problem> problems) {
        super("Hub repository " + repo + " does not compile (" + problems.size() + " error"
                + (problems.size() == 1 ? "" : "s") + "):\n" + problems.stream().map(Problem::toString)
                .collect(Collectors.joining("\n")) + "\nFix the sources or pin a commit that compiles.");
        this.problems = List.copyOf(problems);
    }

    /**
     * Returns the compiler errors.
     *
     * @return an immutable list
     */
    public List<Problem> problems() {
        return problems;
    }
}
