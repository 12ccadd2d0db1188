package io.jhub.api;

import java.util.List;

/**
 * A hub repository names modules (in its {@code dependencies} field or its {@code module-info.java}) that are
 * not available to it. Every missing name is listed at once, before any entry runs.
 *
 * @since 0.1
 */
public class MissingDependencyException extends HubException {
    private static final long serialVersionUID = 1L;

    private final List<String> missing;

    /**
     * Creates the exception.
     *
     * @param repo the repository being loaded, as the user wrote it
     * @param missing the names of the missing modules, in declaration order
     * @param advice what to do about them
     */
    public MissingDependencyException(String repo, List<String> missing, String advice) {
        super("Missing dependencies of " + repo + ": " + String.join(", ", missing) + ". " + advice);
        this.missing = List.copyOf(missing);
    }

    /**
     * Returns the missing module names.
     *
     * @return an immutable list, never empty
     */
    public List<String> missing() {
        return missing;
    }
}
