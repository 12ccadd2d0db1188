package io.jhub.git.internal;

import io.jhub.api.UnsafeArchiveException;
import io.jhub.git.TreePaths;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.OpenOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Creates the files and directories of a tree being written, each with as few system calls as it takes: a file is
 * opened with {@code O_CREAT|O_EXCL} and its final mode (0777 or 0666 less the umask, as git and tar do), so it
 * needs no separate {@code chmod}. An entry that meets one already there is an {@link UnsafeArchiveException}.
 */
public final class FileOutput {
    private static final Set<OpenOption> CREATE_NEW = Set.of(StandardOpenOption.CREATE_NEW,
            StandardOpenOption.WRITE);
    private static final FileAttribute<Set<PosixFilePermission>> EXECUTABLE =
            PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxrwxrwx"));
    private static final FileAttribute<?>[] NONE = new FileAttribute<?>[0];

    private final boolean posix;

    /**
     * Creates the output for a tree on {@code root}'s file system; execute bits are kept only where it has POSIX
     * permissions.
     *
     * @param root the tree's root directory
     */
    public FileOutput(Path root) {
        this.posix = root.getFileSystem().supportedFileAttributeViews().contains("posix");
    }

    /** Creates a new file and opens it for writing. */
    FileChannel create(Path file, String rel, boolean executable) throws IOException {
        try {
            return FileChannel.open(file, CREATE_NEW, executable && posix ? new FileAttribute<?>[] {EXECUTABLE} : NONE);
        } catch (FileAlreadyExistsException e) {
            throw conflict(rel);
        }
    }

    /** Creates a new file holding {@code data}. */
    void write(Path file, String rel, byte[] data, boolean executable) throws IOException {
        try (FileChannel out = create(file, rel, executable)) {
            writeFully(out, data, data.length);
        }
    }

    /** Writes the first {@code length} bytes of {@code data}. */
    static void writeFully(FileChannel out, byte[] data, int length) throws IOException {
        ByteBuffer buf = ByteBuffer.wrap(data, 0, length);
        while (buf.hasRemaining()) {
            out.write(buf);
        }
    }

    /**
     * Creates a directory and its parents; an entry whose parent is a file already written is a conflict
     * (Linux reports that as a plain FileSystemException "Not a directory", not a NotDirectoryException).
     *
     * @param dir the directory
     * @param rel its entry, for the message
     * @throws IOException on a write failure
     */
    public static void createDirectories(Path dir, String rel) throws IOException {
        try {
            Files.createDirectories(dir);
        } catch (FileAlreadyExistsException e) {
            throw conflict(rel);
        } catch (FileSystemException e) {
            for (Path p = dir; p != null; p = p.getParent()) {
                if (Files.exists(p, LinkOption.NOFOLLOW_LINKS)) {
                    if (!Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS)) {
                        throw conflict(rel);
                    }
                    break;
                }
            }
            throw e;
        }
    }

    /**
     * The refusal of an entry that meets one already there.
     *
     * @param rel the entry
     * @return the exception to throw
     */
    public static UnsafeArchiveException conflict(String rel) {
        return new UnsafeArchiveException("Refusing the tree: the entry \"" + TreePaths.printable(rel) + "\" appears"
                + " twice or collides with another file, directory or link of the same tree (on this file system)."
                + " Ask the repository's owner to rename one of them.");
    }
}
