package io.jhub.git.attributes;

/**
 * What a tree entry is, as far as export rules care: directories (and submodules, which {@code git archive} writes
 * as empty directories) are matched with a trailing {@code /}, and only regular files have their content converted.
 *
 * @since 0.2
 */
public enum EntryKind {
    /** A regular file, executable or not (modes 100644 and 100755). */
    FILE,
    /** A symbolic link (mode 120000): may be export-ignored, never converted. */
    SYMLINK,
    /** A subtree (mode 040000). */
    DIRECTORY,
    /** A submodule commit (mode 160000), which an archive holds as an empty directory. */
    GITLINK;

    boolean matchedAsDirectory() {
        return this == DIRECTORY || this == GITLINK;
    }
}
