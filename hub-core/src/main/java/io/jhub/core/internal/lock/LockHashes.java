package io.jhub.core.internal.lock;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256 of whole files, for lockfile records and checks. */
public final class LockHashes {
    private LockHashes() {
    }

    /**
     * Hashes a file fully.
     *
     * @param path the file
     * @return its SHA-256 in lower-case hex
     * @throws IOException if it cannot be read
     */
    public static String sha256(Path path) throws IOException {
        MessageDigest md = digest();
        byte[] buf = new byte[256 * 1024];
        try (InputStream in = Files.newInputStream(path)) {
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    static MessageDigest digest() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JDK has no SHA-256", e);
        }
    }
}
