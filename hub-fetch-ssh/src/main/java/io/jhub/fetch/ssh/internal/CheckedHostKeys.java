package io.jhub.fetch.ssh.internal;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.JSchException;
import com.jcraft.jsch.UserInfo;
import io.jhub.api.HostKeyException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;

/**
 * The one host-key check of the SSH fetcher. jsch's own repository also accepts a bare {@code host} line for a
 * server on another port; this one replaces it and follows OpenSSH ({@link KnownHostsFile}): the key must be on a
 * plain line for {@code host} (port 22) or {@code [host]:port}, and not on a matching {@code @revoked} line.
 * {@code @cert-authority} lines are never taken as keys, and no CA is offered to jsch, so a host certificate is
 * only accepted through its plain key. Remembers the key the server presented, so a refusal can show its
 * fingerprint and the exact line to add. Never adds keys itself.
 */
final class CheckedHostKeys implements HostKeyRepository {
    private final KnownHostsFile known;
    private final String host;
    private final int port;
    private volatile byte[] key;
    private volatile int result = -1;
    private volatile KnownHostsFile.Entry revokedBy;

    CheckedHostKeys(KnownHostsFile known, String host, int port) {
        this.known = known;
        this.host = host;
        this.port = port;
    }

    /** Checks the presented key against the entries for this connection's host and port (not jsch's name). */
    @Override
    public int check(String ignoredName, byte[] k) {
        String type = keyType(k);
        boolean ok = false;
        boolean changed = false;
        KnownHostsFile.Entry revoked = null;
        for (KnownHostsFile.Entry e : known.matching(host, port)) {
            boolean same = Arrays.equals(e.key(), k);
            if (e.marker() == KnownHostsFile.Marker.REVOKED && same) {
                revoked = e;
            } else if (e.marker() == KnownHostsFile.Marker.NONE) {
                ok |= same;
                changed |= !same && keyType(e.key()).equals(type);
            }
        }
        int r = revoked != null ? CHANGED : ok ? OK : changed ? CHANGED : NOT_INCLUDED;
        key = k.clone();
        revokedBy = revoked;
        result = r;
        return r;
    }

    @Override
    public void add(HostKey hostkey, UserInfo ui) {
        // no silent accept: keys are only ever added by the user
    }

    @Override
    public void remove(String h, String type) {
        // read-only
    }

    @Override
    public void remove(String h, String type, byte[] k) {
        // read-only
    }

    @Override
    public String getKnownHostsRepositoryID() {
        return known.file().toString();
    }

    /** No entries for jsch's certificate check: host certificates are checked through their plain key only. */
    @Override
    public HostKey[] getHostKey() {
        return new HostKey[0];
    }

    /** The plain keys known for this host and port, so jsch asks the server for a key type we know first. */
    @Override
    public HostKey[] getHostKey(String name, String type) {
        List<HostKey> out = new ArrayList<>();
        for (KnownHostsFile.Entry e : known.matching(host, port)) {
            if (e.marker() != KnownHostsFile.Marker.NONE) {
                continue;
            }
            try {
                HostKey hk = new HostKey(name, HostKey.GUESS, e.key());
                if (type == null || type.equals(hk.getType())
                        || type.startsWith("rsa-sha2-") && hk.getType().equals("ssh-rsa")) {
                    out.add(hk);
                }
            } catch (JSchException | RuntimeException unsupported) {
                // a key type jsch does not know cannot be asked for
            }
        }
        return out.toArray(new HostKey[0]);
    }

    /** Builds the exception for a refused key, or returns null if no key was refused. */
    HostKeyException refusal(Throwable cause) {
        byte[] k = key;
        if (k == null || result == OK) {
            return null;
        }
        return new HostKeyRefusal(known, host, port, k).exception(result, revokedBy, cause);
    }

    static String fingerprint(byte[] blob) {
        try {
            byte[] d = MessageDigest.getInstance("SHA-256").digest(blob);
            return "SHA256:" + Base64.getEncoder().withoutPadding().encodeToString(d);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static String keyType(byte[] blob) {
        if (blob.length < 4) {
            return "unknown";
        }
        int n = ((blob[0] & 0xff) << 24) | ((blob[1] & 0xff) << 16) | ((blob[2] & 0xff) << 8) | (blob[3] & 0xff);
        return n <= 0 || n > blob.length - 4 ? "unknown" : new String(blob, 4, n, StandardCharsets.US_ASCII);
    }
}
