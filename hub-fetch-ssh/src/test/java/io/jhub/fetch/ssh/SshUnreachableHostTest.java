package io.jhub.fetch.ssh;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.HostUnreachableException;
import io.jhub.core.Hub;
import io.jhub.testkit.GitRepo;
import io.jhub.testkit.GitSshServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A host that cannot be reached: the fetcher says so with a {@link HostUnreachableException}, and the hub then
 * uses the commit it resolved last when that commit's tree is cached.
 */
class SshUnreachableHostTest {
    @TempDir
    Path tmp;

    @Test
    void aStoppedServerFallsBackToTheCachedTreeAndANeverFetchedRepoFailsNamingTheHost() throws IOException {
        SshFixture fx = new SshFixture(tmp.resolve("fx"));
        GitRepo repo = GitRepo.init(tmp.resolve("work"));
        repo.write("hello.txt", "hello\n");
        String commit = repo.commit("one");
        repo.bareClone(fx.repos.resolve("owner/proj.git"));
        repo.bareClone(fx.repos.resolve("owner/other.git"));
        GitSshServer server = fx.trustedServer(fx.server());
        int port = server.port();
        Path cache = tmp.resolve("cache");

        Path first = hub(fx, cache, port).repo("owner/proj").fetch();
        assertTrue(first.toString().contains(commit), first.toString());
        server.close();

        assertEquals(first, hub(fx, cache, port).repo("owner/proj").fetch(), "the cached tree of the last resolution");
        assertEquals("hello\n", Files.readString(first.resolve("hello.txt")));
        HostUnreachableException e = assertThrows(HostUnreachableException.class,
                () -> hub(fx, cache, port).repo("owner/other").fetch());
        assertEquals("127.0.0.1:" + port, e.host());
        assertTrue(e.getMessage().contains("127.0.0.1:" + port), e.getMessage());
    }

    private static Hub hub(SshFixture fx, Path cache, int port) {
        return Hub.builder().cacheDir(cache).gitHost("127.0.0.1:" + port).protocol("SSH")
                .fetcher(new SshFetcher()).serviceLoading(false)
                .environment(Map.of("HOME", fx.home.toString()))
                .setting("ssh.identity", fx.key.toString()).setting("ssh.knownHosts", fx.knownHosts.toString())
                .setting("ssh.config", "none").build();
    }
}
