package io.jhub.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.jhub.api.InvalidRepoException;
import io.jhub.api.UntrustedRepoException;
import io.jhub.testkit.GitDirFetcher;
import io.jhub.testkit.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The trust prompt hook, trust removal and repository URLs through the facade. */
class TrustPromptTest {
    @TempDir
    Path tmp;
    Path cache;
    final List<String> asked = new ArrayList<>();

    @BeforeEach
    void setUp() {
        GitRepo.init(tmp.resolve("origin/alice/demo")).write("hubconf.java", HubFacadeTest.hubconf("hi")).commit("v1");
        cache = tmp.resolve("cache");
    }

    Hub hub(boolean answer) {
        return Hub.builder().cacheDir(cache).fetcher(new GitDirFetcher("HTTPS", tmp.resolve("origin")))
                .fetcher(new GitDirFetcher("SSH", tmp.resolve("origin"))).serviceLoading(false)
                .environment(Map.of()).trustPrompt((repo, host) -> {
                    asked.add(host + "/" + repo);
                    return answer;
                }).build();
    }

    @Test
    void aNoRefusesAndRecordsNothing() {
        assertThrows(UntrustedRepoException.class, () -> hub(false).repo("https://git.example.org/alice/demo").list());
        assertEquals(List.of("git.example.org/alice/demo"), asked);
        assertEquals(List.of(), hub(false).trustedRepos());
    }

    @Test
    void aYesLoadsRecordsAndIsNotAskedAgain() {
        assertEquals("hi bob", hub(true).repo("https://git.example.org/alice/demo").load("hello", "bob"));
        assertEquals(List.of("git.example.org/alice/demo"), hub(true).trustedRepos());
        assertEquals("hi ann", hub(false).repo("git@git.example.org:alice/demo.git").load("hello", "ann"));
        assertEquals(1, asked.size(), "a trusted repo is not asked about again: " + asked);
        assertEquals(true, hub(false).untrust("alice/demo", "git.example.org"));
        assertEquals(false, hub(false).untrust("alice/demo", "git.example.org"));
        assertEquals(List.of(), hub(false).trustedRepos());
    }

    @Test
    void aCallThatTrustsIsNotAsked() {
        hub(false).repo("alice/demo").gitHost("h.example").trust(true).list();
        assertEquals(List.of(), asked);
    }

    @Test
    void theUrlsHostAndProtocolAreTheCalls() {
        Path tree = hub(false).repo("ssh://git@git.example.org:2222/alice/demo.git").fetch();
        assertEquals(cache.resolve("repos/git.example.org@2222/alice/demo"), tree.getParent());
        assertThrows(InvalidRepoException.class, () -> hub(false).repo("ssh://bob@h.example/alice/demo"));
        Hub asBob = Hub.builder().cacheDir(cache).fetcher(new GitDirFetcher("SSH", tmp.resolve("origin")))
                .serviceLoading(false).environment(Map.of()).setting("ssh.user", "bob").build();
        Path bobs = asBob.repo("ssh://bob@h.example/alice/demo").fetch();
        assertEquals(cache.resolve("repos/h.example/alice/demo"), bobs.getParent());
        assertEquals(true, Files.isRegularFile(bobs.resolve("hubconf.java")));
    }
}
