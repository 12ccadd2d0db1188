package io.jhub.fetch.https.internal;

import java.util.Optional;

/**
 * One entry of a tar stream as {@link TarReader} reads it, its pax and GNU long-name headers applied.
 *
 * @param name the entry's name as stored (a directory's may end in {@code /})
 * @param type the header's type flag ({@code '0'} or NUL a file, {@code '5'} a directory, {@code '2'} a symbolic
 *     link, {@code '1'} a hard link, ...)
 * @param mode the permission bits
 * @param size the bytes of data that follow the header
 * @param linkName a link's target; empty for other entries
 * @param comment the {@code comment} of the pax headers that apply (git archive puts the commit id there)
 * @param sparse whether pax headers describe a GNU sparse file, whose stored data is not the file's content
 */
record TarEntry(String name, char type, int mode, long size, String linkName, Optional<String> comment,
        boolean sparse) {
    /** Whether this is a directory: its type says so, or a plain file entry's name ends in {@code /} (old tars). */
    boolean isDirectory() {
        return type == '5' || (type == '0' || type == 0) && name.endsWith("/");
    }

    /** Whether this is a regular file (types {@code 0}, NUL and contiguous {@code 7}), and no sparse one. */
    boolean isFile() {
        return (type == '0' || type == 0 || type == '7') && !name.endsWith("/") && !sparse;
    }

    /** Whether this is a symbolic link. */
    boolean isSymbolicLink() {
        return type == '2';
    }

    /** Whether this is a hard link to an earlier entry. */
    boolean isHardLink() {
        return type == '1';
    }
}
