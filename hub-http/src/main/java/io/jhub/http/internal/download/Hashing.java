package io.jhub.http.internal.download;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 helpers. */
public final class Hashing {
    private Hashing() {
    }

    /** @return a new SHA-256 digest */
    public static MessageDigest newSha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }

    /**
     * Hashes bytes.
     *
     * @param data the bytes
     * @return the digest
     */
    public static byte[] sha256(byte[] data) {
        return newSha256().digest(data);
    }

    /**
     * Lower-case hex.
     *
     * @param bytes bytes
     * @return hex digits
     */
    public static String hex(byte[] bytes) {
        return HexFormat.of().formatHex(bytes);
    }

    /**
     * Feeds the first {@code length} bytes of a file into a digest.
     *
     * @param file the file
     * @param length how many bytes
     * @param digest the digest to update
     * @throws IOException if reading fails or the file is shorter
     */
    public static void update(Path file, long length, MessageDigest digest) throws IOException {
        byte[] buf = new byte[io.jhub.api.HubDefaults.CHUNK_SIZE];
        long left = length;
        try (InputStream in = Files.newInputStream(file)) {
            while (left > 0) {
                int n = in.read(buf, 0, (int) Math.min(buf.length, left));
                if (n < 0) {
                    throw new IOException(file + " is shorter than " + length + " bytes");
                }
                digest.update(buf, 0, n);
                left -= n;
            }
        }
    }

    /**
     * Hashes a whole file.
     *
     * @param file the file
     * @return lower-case hex SHA-256
     * @throws IOException if reading fails
     */
    public static String sha256Hex(Path file) throws IOException {
        MessageDigest d = newSha256();
        update(file, Files.size(file), d);
        return hex(d.digest());
    }
}
