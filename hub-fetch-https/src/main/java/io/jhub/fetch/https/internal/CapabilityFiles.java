package io.jhub.fetch.https.internal;

import io.jhub.git.wire.RefAdvertisement;
import io.jhub.http.SafeUrls;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;

/**
 * One small file per repository URL in the fetcher's state directory, holding the protocol v2 capabilities the
 * URL advertised ({@link CapabilityText}). The file's name is the hex SHA-256 of the URL without its user
 * information (hub-http's {@link SafeUrls#withoutUserInfo}), so neither a token nor a user name is ever kept; the
 * content is the capabilities only. Every file is a hint: writes are atomic and a failed one is ignored; a file
 * that cannot be read, is not in the format or is larger than {@link #MAX_BYTES} is ignored and deleted.
 */
final class CapabilityFiles {
    /** The largest file read; a real advertisement is a few hundred bytes. */
    static final int MAX_BYTES = 64 * 1024;
    private static final System.Logger LOG = System.getLogger(CapabilityFiles.class.getName());

    private CapabilityFiles() {
    }

    /**
     * Reads what a repository URL advertised, as remembered in a state directory.
     *
     * @param dir the state directory (may not exist)
     * @param repo the repository's git URL
     * @return the capabilities, or empty if none are remembered or the file was unusable (then it is deleted)
     */
    static Optional<RefAdvertisement> read(Path dir, URI repo) {
        Path file = dir.resolve(name(repo));
        try {
            BasicFileAttributes attrs = Files.readAttributes(file, BasicFileAttributes.class,
                    LinkOption.NOFOLLOW_LINKS);
            if (!attrs.isRegularFile() || attrs.size() > MAX_BYTES) {
                return discard(file, attrs.isRegularFile() ? attrs.size() + " bytes" : "not a regular file");
            }
            byte[] bytes;
            try (InputStream in = Files.newInputStream(file, LinkOption.NOFOLLOW_LINKS)) {
                bytes = in.readNBytes(MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                return discard(file, "over " + MAX_BYTES + " bytes");
            }
            Optional<RefAdvertisement> caps = CapabilityText.read(new String(bytes, StandardCharsets.ISO_8859_1));
            return caps.isPresent() ? caps : discard(file, "not in the format");
        } catch (NoSuchFileException e) {
            return Optional.empty();
        } catch (IOException | RuntimeException e) {
            return discard(file, e.toString());
        }
    }

    /**
     * Remembers what a repository URL advertised: written to a temporary file in the same directory, then renamed
     * over the old one, so a reader sees the old file or the new one, never a part. Failures are logged at DEBUG
     * and otherwise ignored.
     *
     * @param dir the state directory, created if missing
     * @param repo the repository's git URL
     * @param caps its version 2 capabilities
     */
    static void write(Path dir, URI repo, RefAdvertisement caps) {
        Optional<String> text = CapabilityText.write(caps);
        if (text.isEmpty()) {
            LOG.log(System.Logger.Level.DEBUG, "not remembering capabilities that the state file cannot carry");
            return;
        }
        String name = name(repo);
        Path tmp = null;
        try {
            Files.createDirectories(dir);
            tmp = Files.createTempFile(dir, name + ".", ".tmp");
            Files.writeString(tmp, text.get(), StandardCharsets.US_ASCII);
            Files.move(tmp, dir.resolve(name), StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            tmp = null;
        } catch (IOException | UnsupportedOperationException | SecurityException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot remember capabilities in {0}: {1}", dir, e);
        } finally {
            if (tmp != null) {
                deleteQuietly(tmp);
            }
        }
    }

    /**
     * Forgets what a repository URL advertised.
     *
     * @param dir the state directory
     * @param repo the repository's git URL
     */
    static void delete(Path dir, URI repo) {
        deleteQuietly(dir.resolve(name(repo)));
    }

    /**
     * Returns the file name for a repository URL: the hex SHA-256 of the URL with its user information removed.
     *
     * @param repo the repository's git URL
     * @return 64 lower-case hex digits
     */
    static String name(URI repo) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(SafeUrls.withoutUserInfo(repo)
                    .toString().getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    private static Optional<RefAdvertisement> discard(Path file, String why) {
        LOG.log(System.Logger.Level.DEBUG, "ignoring and deleting the state file {0}: {1}", file, why);
        deleteQuietly(file);
        return Optional.empty();
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException | SecurityException e) {
            LOG.log(System.Logger.Level.DEBUG, "cannot delete the state file {0}: {1}", file, e);
        }
    }
}
