package io.jhub.fetch.ssh;

import io.jhub.testkit.TestFetchContext;
import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchRequest;
import io.jhub.testkit.GitSshServer;
import io.jhub.testkit.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** A client key pair, a home directory and helpers to start servers and build contexts; nothing from ~/.ssh. */
final class SshFixture {
    final Path dir;
    final Path home;
    final Path repos;
    final Path key;
    final Path authorizedKeys;
    final Path knownHosts;

    SshFixture(Path dir) throws IOException {
        this.dir = dir;
        this.home = Files.createDirectories(dir.resolve("home"));
        this.repos = Files.createDirectories(dir.resolve("repos"));
        this.key = newKey("client");
        this.authorizedKeys = dir.resolve("authorized_keys");
        Files.copy(Path.of(key + ".pub"), authorizedKeys);
        this.knownHosts = dir.resolve("known_hosts");
    }

    Path newKey(String name) {
        Path k = dir.resolve(name + "_ed25519");
        Processes.run(dir, "ssh-keygen", "-q", "-t", "ed25519", "-N", "", "-C", name, "-f", k.toString());
        return k;
    }

    GitSshServer.Builder server() {
        return GitSshServer.builder(repos).authorizedKeys(authorizedKeys);
    }

    /** Starts a server and trusts its host key. */
    GitSshServer trustedServer(GitSshServer.Builder b) throws IOException {
        GitSshServer s = b.start();
        Files.writeString(knownHosts, s.knownHostsLine() + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
        return s;
    }

    TestFetchContext context() {
        TestFetchContext c = new TestFetchContext();
        c.settings.put("ssh.identity", key.toString());
        c.settings.put("ssh.knownHosts", knownHosts.toString());
        c.settings.put("ssh.config", "none");
        c.env.put("HOME", home.toString());
        return c;
    }

    static FetchRequest request(GitSshServer s, String repo) {
        return new FetchRequest(GitHost.parse("127.0.0.1:" + s.port()), RepoInfo.parse(repo), Optional.empty());
    }
}
