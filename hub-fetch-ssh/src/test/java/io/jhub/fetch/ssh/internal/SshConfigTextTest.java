package io.jhub.fetch.ssh.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.jcraft.jsch.ConfigRepository;
import com.jcraft.jsch.OpenSSHConfig;
import io.jhub.api.FetchException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Include directives of ~/.ssh/config, expanded for jsch's parser. */
class SshConfigTextTest {
    @TempDir
    Path home;

    private ConfigRepository.Config parse(String alias) throws IOException {
        Path ssh = home.resolve(".ssh");
        return OpenSSHConfig.parse(new SshConfigText(ssh, home).read(ssh.resolve("config"))).getConfig(alias);
    }

    private Path write(String rel, String text) throws IOException {
        Path p = home.resolve(rel);
        Files.createDirectories(p.getParent());
        return Files.writeString(p, text);
    }

    @Test
    void includedFilesInLexicalOrderWithGlobsAndTheHomeDirectory() throws IOException {
        write(".ssh/config", "Include config.d/*.conf ~/other/ssh.conf missing.conf\nUser fallback\n");
        write(".ssh/config.d/b.conf", "Host hub\n  Port 2202\n");
        write(".ssh/config.d/a.conf", "Host hub\n  HostName 127.0.0.1\n  Port 2201\n");
        write(".ssh/config.d/skip.txt", "Host hub\n  Port 9\n");
        write("other/ssh.conf", "Host other\n  HostName 10.0.0.9\n");
        ConfigRepository.Config hub = parse("hub");
        assertEquals("127.0.0.1", hub.getHostname());
        assertEquals(2201, hub.getPort(), "a.conf comes first, and the first value wins");
        assertEquals("10.0.0.9", parse("other").getHostname());
        assertEquals("fallback", hub.getUser(), "a top-level line after the Include still applies to every host");
        assertEquals("fallback", parse("other").getUser());
    }

    @Test
    void anIncludeInsideAHostBlockStaysInThatBlock() throws IOException {
        write(".ssh/config", "Host hub\n  Include hub.conf\n  User alice\nHost other\n  User bob\n");
        write(".ssh/hub.conf", "HostName 127.0.0.1\nHost inner\n  Port 2222\n");
        assertEquals("127.0.0.1", parse("hub").getHostname());
        assertEquals("alice", parse("hub").getUser(), "lines after the Include are hub's again");
        assertEquals(2222, parse("inner").getPort());
        assertEquals("bob", parse("other").getUser());
    }

    @Test
    void repeatedHostLinesMergeWithTheFirstValueWinningAsInOpenSsh() throws IOException {
        write(".ssh/config", "Host hub\n  HostName 127.0.0.1\n  Port 2201\nHost hub\n  Port 2202\n  User carol\n");
        ConfigRepository.Config hub = parse("hub");
        assertEquals("127.0.0.1", hub.getHostname(), "jsch alone keeps only the last block of a repeated line");
        assertEquals(2201, hub.getPort());
        assertEquals("carol", hub.getUser());
    }

    @Test
    void includesThatNestTooDeepAreReported() throws IOException {
        write(".ssh/config", "Include config\n");
        FetchException e = assertThrows(FetchException.class, () -> parse("hub"));
        assertTrue(e.getMessage().contains("16 levels"), e.getMessage());
    }

    @Test
    void wordsSplitOnWhitespaceAnEqualsSignAndQuotes() {
        assertEquals(List.of("Include", "a b.conf", "c.conf"), SshConfigText.words("  Include \"a b.conf\" c.conf"));
        assertEquals(List.of("Include", "x.conf"), SshConfigText.words("Include=x.conf"));
        assertEquals(List.of(), SshConfigText.words("   # Include x"));
    }
}
