package io.jhub.core.internal;

import java.io.FileInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads the small files of a warm load (hubconf, stamps, compiled-cache metadata, class files) through
 * {@code java.io} streams rather than NIO channels: a fresh JVM has those streams ready, while its first NIO file
 * channel costs it a few milliseconds of class set-up, a large part of a warm load. Paths of other file systems
 * go through {@link Files}.
 */
public final class SmallFiles {
    private SmallFiles() {
    }

    /**
     * Opens a file for reading.
     *
     * @param file the file
     * @return a stream the caller closes
     * @throws IOException if the file cannot be opened (missing, a directory, not readable)
     */
    public static InputStream newInputStream(Path file) throws IOException {
        if (file.getFileSystem() != FileSystems.getDefault()) {
            return Files.newInputStream(file);
        }
        return new FileInputStream(file.toFile());
    }

    /**
     * Reads a whole file.
     *
     * @param file the file
     * @return its bytes
     * @throws IOException if it cannot be read
     */
    public static byte[] readAllBytes(Path file) throws IOException {
        try (InputStream in = newInputStream(file)) {
            return in.readAllBytes();
        }
    }

    /**
     * Reads a whole file as UTF-8 text.
     *
     * @param file the file
     * @return its text
     * @throws java.nio.charset.MalformedInputException if it is not valid UTF-8
     * @throws IOException if it cannot be read
     */
    public static String readUtf8(Path file) throws IOException {
        return StandardCharsets.UTF_8.newDecoder().decode(ByteBuffer.wrap(readAllBytes(file))).toString();
    }
}
