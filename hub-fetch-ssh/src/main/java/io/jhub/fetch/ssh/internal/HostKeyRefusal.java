package io.jhub.fetch.ssh.internal;

import com.jcraft.jsch.HostKeyRepository;
import io.jhub.api.HostKeyException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/** Words a refused host key: what the server presented, what the file holds for it, and the line to add. */
final class HostKeyRefusal {
    private final KnownHostsFile known;
    private final String host;
    private final int port;
    private final byte[] key;
    private final String type;
    private final String name;

    HostKeyRefusal(KnownHostsFile known, String host, int port, byte[] key) {
        this.known = known;
        this.host = host;
        this.port = port;
        this.key = key;
        this.type = CheckedHostKeys.keyType(key);
        this.name = port == 22 ? host : "[" + host + "]:" + port;
    }

    HostKeyException exception(int result, KnownHostsFile.Entry revoked, Throwable cause) {
        String fp = CheckedHostKeys.fingerprint(key);
        String file = known.file().toString();
        String line = name + " " + type + " " + Base64.getEncoder().encodeToString(key);
        if (revoked != null) {
            return new HostKeyException("The SSH server at " + host + ":" + port + " presents the " + type + " key "
                    + fp + ", which line " + revoked.line() + " of " + file + " marks @revoked; jhub refuses it. "
                    + "Ask the host's administrators for its current key.", cause);
        }
        if (result == HostKeyRepository.CHANGED) {
            return new HostKeyException("The SSH host key of " + name + " has CHANGED: it no longer matches the entry"
                    + " in " + file + ". This can mean someone is intercepting the connection, or that the host was "
                    + "reinstalled. The server now presents the " + type + " key " + fp + ". Only if you have "
                    + "confirmed that this fingerprint is right, replace the old entry:\n  ssh-keygen -R '" + name
                    + "' -f " + file + "\n  echo '" + line + "' >> " + file, cause);
        }
        String keyscan = "ssh-keyscan " + (port == 22 ? "" : "-p " + port + " ") + "-t " + type + " " + host;
        return new HostKeyException("The SSH server at " + host + ":" + port + " has no entry in " + file
                + (port == 22 ? "" : " (for a port other than 22 only a line for " + name + " counts, as in OpenSSH)")
                + "; jhub never accepts unknown hosts silently." + hints() + " The server presents the " + type
                + " key " + fp + ". If that fingerprint matches the one the host publishes, add it with:\n  "
                + keyscan + " >> " + file + "\nor append this line to " + file + ":\n  " + line, cause);
    }

    /** Lines that look meant for this server but do not apply: no port, another port, another key type. */
    private String hints() {
        List<String> out = new ArrayList<>();
        if (port != 22) {
            for (KnownHostsFile.Entry e : known.naming(host)) {
                out.add("line " + e.line() + " names " + host + " without a port, which applies to port 22 only");
            }
        }
        String prefix = "[" + host.toLowerCase(Locale.ROOT) + "]:";
        for (KnownHostsFile.Entry e : known.plainEntries()) {
            for (String p : e.hosts().toLowerCase(Locale.ROOT).split(",")) {
                if (p.startsWith(prefix) && !p.equals(prefix + port) && !(port == 22 && p.equals(prefix + "22"))) {
                    out.add("line " + e.line() + " is for " + p + ", another port");
                }
            }
        }
        for (KnownHostsFile.Entry e : known.matching(host, port)) {
            if (e.marker() == KnownHostsFile.Marker.NONE) {
                out.add("line " + e.line() + " holds a " + CheckedHostKeys.keyType(e.key()) + " key for it, not a "
                        + type + " key");
            }
        }
        return out.isEmpty() ? "" : " In that file " + String.join("; ", out) + ".";
    }
}
