package io.jhub.fetch.ssh.internal;

import io.jhub.api.FetchException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * The entries of one known_hosts file, matched as OpenSSH matches them: the server on port 22 is looked up as
 * {@code host} (or {@code [host]:22}), on any other port only as {@code [host]:port}. Host fields may be
 * comma-separated patterns with {@code *}, {@code ?} and {@code !} negation, or one hashed {@code |1|salt|hash}
 * name. Lines that cannot be parsed are skipped, as OpenSSH does.
 */
final class KnownHostsFile {
    /** What a line's leading marker says. */
    enum Marker { NONE, REVOKED, CERT_AUTHORITY }

    /**
     * One parsed line.
     *
     * @param line its 1-based line number
     * @param marker its marker
     * @param hosts the host field as written
     * @param key the public key blob
     */
    record Entry(int line, Marker marker, String hosts, byte[] key) {
        /** Tells whether this entry names the lookup name (already lower-case). */
        boolean names(String name) {
            return HostPatterns.matches(hosts, name);
        }
    }

    private final Path file;
    private final List<Entry> entries;

    private KnownHostsFile(Path file, List<Entry> entries) {
        this.file = file;
        this.entries = List.copyOf(entries);
    }

    /**
     * Reads a known_hosts file; a missing file has no entries.
     *
     * @throws FetchException if the file exists but cannot be read
     */
    static KnownHostsFile read(Path file) {
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.ISO_8859_1);
        } catch (NoSuchFileException e) {
            lines = List.of();
        } catch (IOException e) {
            throw new FetchException("Cannot read the known_hosts file " + file + ": " + e.getMessage()
                    + ". Fix its permissions or point the setting " + SshSettings.KNOWN_HOSTS + " elsewhere.", e);
        }
        List<Entry> out = new ArrayList<>();
        for (int n = 0; n < lines.size(); n++) {
            Entry e = parse(n + 1, lines.get(n));
            if (e != null) {
                out.add(e);
            }
        }
        return new KnownHostsFile(file, out);
    }

    Path file() {
        return file;
    }

    /** The names a server is looked up by: {@code host} and {@code [host]:22} for port 22, else {@code [host]:port}. */
    static List<String> lookupNames(String host, int port) {
        String h = host.toLowerCase(Locale.ROOT);
        return port == 22 ? List.of(h, "[" + h + "]:22") : List.of("[" + h + "]:" + port);
    }

    /** The entries that apply to the server at host:port. */
    List<Entry> matching(String host, int port) {
        List<String> names = lookupNames(host, port);
        return entries.stream().filter(e -> names.stream().anyMatch(e::names)).toList();
    }

    /** The plain-key entries that name {@code name} exactly as a lookup would (for hints in messages). */
    List<Entry> naming(String name) {
        String n = name.toLowerCase(Locale.ROOT);
        return entries.stream().filter(e -> e.marker() == Marker.NONE && e.names(n)).toList();
    }

    /** The entries with no marker. */
    List<Entry> plainEntries() {
        return entries.stream().filter(e -> e.marker() == Marker.NONE).toList();
    }

    private static Entry parse(int lineNo, String line) {
        String[] f = line.strip().split("[ \t]+");
        if (f.length == 0 || f[0].isEmpty() || f[0].startsWith("#")) {
            return null;
        }
        int i = 0;
        Marker marker = Marker.NONE;
        if (f[0].startsWith("@")) {
            marker = switch (f[0]) {
                case "@revoked" -> Marker.REVOKED;
                case "@cert-authority" -> Marker.CERT_AUTHORITY;
                default -> null;
            };
            if (marker == null) {
                return null;
            }
            i = 1;
        }
        if (f.length < i + 3) {
            return null;
        }
        byte[] key;
        try {
            key = Base64.getDecoder().decode(f[i + 2]);
        } catch (IllegalArgumentException e) {
            return null;
        }
        if (!CheckedHostKeys.keyType(key).equals(f[i + 1])) {
            return null; // the blob's own type must agree with the type field
        }
        return new Entry(lineNo, marker, f[i], key);
    }
}
