package io.jhub.fetch.ssh.internal;

import com.jcraft.jsch.HostKey;
import com.jcraft.jsch.HostKeyRepository;
import com.jcraft.jsch.UserInfo;
import io.jhub.api.HostKeyException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * A known_hosts view that remembers the key the server presented, so a refusal can show its fingerprint and
 * the exact line to add. Never adds keys itself.
 */
final class CheckedHostKeys implements HostKeyRepository {
    private final HostKeyRepository delegate;
    private final Path file;
    private volatile String host;
    private volatile byte[] key;
    private volatile int result = -1;

    CheckedHostKeys(HostKeyRepository delegate, Path file) {
        this.delegate = delegate;
        this.file = file;
    }

    @Override
    public int check(String h, byte[] k) {
        int r = delegate.check(h, k);
        host = h;
        key = k.clone();
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
        return delegate.getKnownHostsRepositoryID();
    }

    @Override
    public HostKey[] getHostKey() {
        return delegate.getHostKey();
    }

    @Override
    public HostKey[] getHostKey(String h, String type) {
        return delegate.getHostKey(h, type);
    }

    /** Builds the exception for a refused key, or returns null if no key was refused. */
    HostKeyException refusal(Throwable cause) {
        if (key == null || result == OK) {
            return null;
        }
        String type = keyType(key);
        String b64 = Base64.getEncoder().encodeToString(key);
        String line = host + " " + type + " " + b64;
        String fp = fingerprint(key);
        String bare = host.startsWith("[") ? host.substring(1, host.indexOf(']')) : host;
        String port = host.startsWith("[") ? host.substring(host.indexOf("]:") + 2) : "22";
        String keyscan = "ssh-keyscan " + (port.equals("22") ? "" : "-p " + port + " ") + "-t " + type + " " + bare
                + " >> " + file;
        if (result == CHANGED) {
            return new HostKeyException("The SSH host key of " + host + " has CHANGED: it no longer matches the entry"
                    + " in " + file + ". This can mean someone is intercepting the connection, or that the host was "
                    + "reinstalled. The server now presents the " + type + " key " + fp + ". Only if you have "
                    + "confirmed that this fingerprint is right, replace the old entry:\n  ssh-keygen -R '" + host
                    + "' -f " + file + "\n  echo '" + line + "' >> " + file, cause);
        }
        return new HostKeyException("The SSH host key of " + host + " is not known (no entry in " + file + "); "
                + "jhub never accepts unknown hosts silently. The server presents the " + type + " key " + fp
                + ". If that fingerprint matches the one the host publishes, add it with:\n  " + keyscan
                + "\nor append this line to " + file + ":\n  " + line, cause);
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
