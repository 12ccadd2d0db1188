package io.jhub.api;

import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A repository on a git host: {@code owner/name} with an optional ref ({@code owner/name:ref}). The owner may
 * span several segments ({@code group/subgroup/name}) for hosts such as GitLab. Without a ref, the remote's
 * default branch is used.
 *
 * @param owner the owner or namespace, one or more {@code /}-separated segments
 * @param name the repository name
 * @param ref a branch, tag or commit id, if one was given
 * @since 0.1
 */
public record RepoInfo(String owner, String name, Optional<String> ref) {
    private static final Pattern SEGMENT = Pattern.compile("[A-Za-z0-9_][A-Za-z0-9_.-]{0,99}");
    private static final String EXAMPLE = "a valid example is \"pytorch/vision:main\" or \"owner/name\"";

    /**
     * Validates the components.
     *
     * @throws NullPointerException if a component is null
     * @throws InvalidRepoException if a component is malformed
     */
    public RepoInfo {
        Objects.requireNonNull(owner, "owner");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(ref, "ref");
        String text = owner + "/" + name + ref.map(r -> ":" + r).orElse("");
        for (String segment : owner.split("/", -1)) {
            checkSegment(text, segment, "owner");
        }
        checkSegment(text, name, "repository name");
        ref.ifPresent(r -> checkRef(text, r));
    }

    /**
     * Parses {@code owner/name} or {@code owner/name:ref}.
     *
     * @param text the repository string
     * @return the parsed value
     * @throws InvalidRepoException if the string is malformed; the message quotes it and shows a valid example
     * @throws NullPointerException if {@code text} is null
     */
    public static RepoInfo parse(String text) {
        Objects.requireNonNull(text, "text");
        int colon = text.indexOf(':');
        String path = colon < 0 ? text : text.substring(0, colon);
        Optional<String> ref = colon < 0 ? Optional.empty() : Optional.of(text.substring(colon + 1));
        int slash = path.lastIndexOf('/');
        if (slash < 0) {
            throw new InvalidRepoException("Invalid repository \"" + text
                    + "\": expected owner/name[:ref]; " + EXAMPLE + ".");
        }
        return new RepoInfo(path.substring(0, slash), path.substring(slash + 1), ref);
    }

    /**
     * Returns this repository with another ref.
     *
     * @param newRef the branch, tag or commit to use
     * @return a new value
     * @throws NullPointerException if {@code newRef} is null
     * @since 0.2
     */
    public RepoInfo withRef(String newRef) {
        return new RepoInfo(owner, name, Optional.of(Objects.requireNonNull(newRef, "newRef")));
    }

    /**
     * Returns this repository without a ref, meaning the remote's default branch.
     *
     * @return a new value
     * @since 0.2
     */
    public RepoInfo withoutRef() {
        return new RepoInfo(owner, name, Optional.empty());
    }

    /**
     * Returns {@code owner/name} without the ref.
     *
     * @return the repository path
     */
    public String path() {
        return owner + "/" + name;
    }

    /**
     * Formats the value so that {@link #parse(String)} gives it back.
     *
     * @return {@code owner/name} or {@code owner/name:ref}
     */
    @Override
    public String toString() {
        return path() + ref.map(r -> ":" + r).orElse("");
    }

    private static void checkSegment(String text, String segment, String what) {
        if (!SEGMENT.matcher(segment).matches() || segment.endsWith(".git") || segment.endsWith(".")) {
            throw new InvalidRepoException("Invalid repository \"" + text + "\": the " + what + " \"" + segment
                    + "\" must be 1-100 letters, digits, '.', '-' or '_', start with a letter, digit or '_', and not"
                    + " end in '.' or \".git\"; " + EXAMPLE + ".");
        }
    }

    /** Applies git's ref-name rules (git-check-ref-format) to a branch, tag or commit id. */
    private static void checkRef(String text, String ref) {
        String problem = null;
        if (ref.isEmpty()) {
            problem = "is empty (leave out the ':' for the default branch)";
        } else if (ref.startsWith("-") || ref.startsWith("/") || ref.endsWith("/") || ref.endsWith(".")
                || ref.endsWith(".lock") || ref.contains("//") || ref.contains("..") || ref.contains("@{")
                || ref.equals("@") || ref.contains("/.") || ref.startsWith(".")) {
            problem = "breaks git's ref-name rules";
        } else {
            for (int i = 0; i < ref.length() && problem == null; i++) {
                char c = ref.charAt(i);
                if (c <= ' ' || c == 0x7f || "~^:?*[\\".indexOf(c) >= 0) {
                    problem = "contains the forbidden character " + (c <= ' ' || c == 0x7f
                            ? String.format("U+%04X", (int) c) : "'" + c + "'");
                }
            }
        }
        if (problem != null) {
            throw new InvalidRepoException("Invalid repository \"" + text + "\": the ref \"" + ref + "\" " + problem
                    + "; " + EXAMPLE + ".");
        }
    }
}
