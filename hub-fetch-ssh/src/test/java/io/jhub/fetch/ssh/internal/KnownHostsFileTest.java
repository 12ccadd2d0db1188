package io.jhub.fetch.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.jhub.testkit.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which lines name a server on port 22 and on another port (no server can listen on 22 in a test). */
class KnownHostsFileTest {
    @TempDir
    Path tmp;

    private List<Integer> lines(KnownHostsFile f, String host, int port) {
        return f.matching(host, port).stream().map(KnownHostsFile.Entry::line).toList();
    }

    @Test
    void port22MatchesBareAndBracketedLinesOtherPortsOnlyTheirOwn() throws IOException {
        Path key = tmp.resolve("k");
        Processes.run(tmp, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-f", key.toString());
        String pub = Files.readString(Path.of(key + ".pub")).strip().split(" ", 3)[0] + " "
                + Files.readString(Path.of(key + ".pub")).strip().split(" ", 3)[1];
        Path kh = tmp.resolve("known_hosts");
        Files.writeString(kh, String.join("\n",
                "Git.Example.org " + pub,                    // 1: port 22, case-insensitive
                "[git.example.org]:22 " + pub,               // 2: port 22 written out
                "[git.example.org]:2222 " + pub,             // 3: port 2222 only
                "*.example.org,!evil.example.org " + pub,    // 4: port 22 wildcard with an exclusion
                "git.example.org ssh-ed25519 not-base64!",   // skipped: bad key
                "git.example.org ssh-rsa " + pub.split(" ")[1], // skipped: type field and blob disagree
                "") + "\n");
        KnownHostsFile f = KnownHostsFile.read(kh);
        assertEquals(List.of(1, 2, 4), lines(f, "git.example.org", 22));
        assertEquals(List.of(3), lines(f, "git.example.org", 2222));
        assertEquals(List.of(), lines(f, "git.example.org", 2223));
        assertEquals(List.of(), lines(f, "evil.example.org", 22));
        Processes.run(tmp, "ssh-keygen", "-H", "-f", kh.toString());
        KnownHostsFile hashed = KnownHostsFile.read(kh);
        assertEquals(List.of(1, 2), lines(hashed, "git.example.org", 22).subList(0, 2));
        assertEquals(1, lines(hashed, "git.example.org", 2222).size());
    }

    @Test
    void missingFileHasNoEntries() {
        assertEquals(List.of(), KnownHostsFile.read(tmp.resolve("none")).matching("h", 22));
    }
}
