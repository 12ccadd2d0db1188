package io.jhub.git.pack;

import io.jhub.api.spi.Resolution;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/** Pack object type codes, names and object-id hashing. */
public final class ObjectType {
    /** A commit. */
    public static final int COMMIT = 1;
    /** A tree. */
    public static final int TREE = 2;
    /** A blob. */
    public static final int BLOB = 3;
    /** An annotated tag. */
    public static final int TAG = 4;
    /** A delta against a base at an earlier offset. */
    public static final int OFS_DELTA = 6;
    /** A delta against a base named by id. */
    public static final int REF_DELTA = 7;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private ObjectType() {
    }

    /**
     * Returns git's name of a whole-object type.
     *
     * @param type 1-4
     * @return commit, tree, blob or tag
     */
    public static String name(int type) {
        switch (type) {
            case COMMIT: return "commit";
            case TREE: return "tree";
            case BLOB: return "blob";
            case TAG: return "tag";
            default: throw new IllegalArgumentException("not a whole-object type: " + type);
        }
    }

    /**
     * Starts an object-id digest: SHA-1 over {@code "<type> <size>\0"}; the content follows.
     *
     * @param type 1-4
     * @param size the content length
     * @return the digest, ready for the content
     */
    public static MessageDigest startId(int type, long size) {
        MessageDigest md = sha1();
        md.update((name(type) + " " + size + "\0").getBytes(StandardCharsets.US_ASCII));
        return md;
    }

    /**
     * Returns a new SHA-1 digest.
     *
     * @return the digest
     */
    public static MessageDigest sha1() {
        try {
            return MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no SHA-1", e);
        }
    }

    /**
     * Formats bytes as lower-case hex.
     *
     * @param b the bytes
     * @param off where to start
     * @param len how many
     * @return the hex string
     */
    public static String hex(byte[] b, int off, int len) {
        char[] c = new char[len * 2];
        for (int i = 0; i < len; i++) {
            c[2 * i] = HEX[(b[off + i] >> 4) & 15];
            c[2 * i + 1] = HEX[b[off + i] & 15];
        }
        return new String(c);
    }

    /**
     * Parses a 40-digit hex id.
     *
     * @param hex the id
     * @return 20 bytes
     * @throws IllegalArgumentException if {@code hex} is not 40 lower-case hex digits
     */
    public static byte[] parseId(String hex) {
        if (hex.length() != 40 || !Resolution.isFullCommitId(hex)) {
            throw new IllegalArgumentException("not a SHA-1 object id: " + hex);
        }
        byte[] b = new byte[20];
        for (int i = 0; i < 20; i++) {
            b[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
        }
        return b;
    }
}
