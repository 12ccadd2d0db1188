package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.core.Hub;
import io.jhub.core.RefreshPolicy;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.HttpsFixtures;
import io.jhub.testkit.TestCertificates;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15, refresh policy: how many requests a second call for a branch makes. */
class RefreshPolicyTest {
    @TempDir
    Path tmp;

    TestCertificates certs;
    GitHttpsServer server;
    HttpsFixtures.Sample sample;

    @BeforeEach
    void start() throws IOException {
        certs = TestCertificates.generate(tmp.resolve("certs"));
        sample = HttpsFixtures.sample(tmp.resolve("repo"));
        server = GitHttpsServer.start(certs, tmp.resolve("server"));
        server.addRepo("owner/sample", sample.bare());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    Hub hub(String refresh) {
        return Hub.builder().cacheDir(tmp.resolve("cache")).gitHost(server.hostAndPort())
                .sslContext(certs.clientContext()).environment(Map.of()).serviceLoading(false)
                .fetcher(new HttpsFetcher()).setting(RefreshPolicy.SETTING, refresh).build();
    }

    long secondCallRequests(String refresh) {
        return secondCall(refresh).size();
    }

    List<GitHttpsServer.Request> secondCall(String refresh) {
        hub(refresh).repo("owner/sample:main").fetch();
        int before = server.requests().size();
        Path tree = hub(refresh).repo("owner/sample:main").fetch();
        assertTrue(tree.endsWith(sample.main()), tree.toString());
        List<GitHttpsServer.Request> all = server.requests();
        return all.subList(before, all.size());
    }

    /**
     * One ref lookup over smart HTTP by a hub whose cache already holds the repository's v2 capabilities (an
     * earlier hub on the same cache asked info/refs and kept them in the cache's state directory): the v2 ls-refs
     * command (POST) alone.
     */
    static boolean isOneRefLookup(List<GitHttpsServer.Request> requests) {
        return requests.size() == 1 && requests.get(0).method().equals("POST")
                && requests.get(0).pathAndQuery().endsWith("/owner/sample.git/git-upload-pack");
    }

    @Test
    void alwaysAsksTheRemoteOnEveryCall() {
        assertEquals(RefreshPolicy.always(), hub("always").refreshPolicy());
        List<GitHttpsServer.Request> second = secondCall("always");
        assertTrue(isOneRefLookup(second), second.toString());
    }

    @Test
    void neverResolvesABranchOnce() {
        assertEquals(0, secondCallRequests("never"));
    }

    @Test
    void minutesReuseAYoungResolution() {
        assertEquals(RefreshPolicy.minutes(60), hub("60").refreshPolicy());
        assertEquals(0, secondCallRequests("60"));
    }

    @Test
    void noCacheStillFetchesAndAMovedBranchIsSeenOnlyWhenAsked() {
        hub("never").repo("owner/sample:main").fetch();
        sample.work().write("moved.txt", "moved\n");
        String moved = sample.work().commit("moved");
        sample.push();
        assertTrue(hub("never").repo("owner/sample:main").fetch().endsWith(sample.main()));
        Hub never = hub("never");
        assertEquals(moved, never.lockRecord(never.repo("owner/sample:main")).commit(),
                "jhub lock asks the remote whatever the policy");
        long before = server.requests().size();
        assertTrue(hub("never").repo("owner/sample:main").useCache(false).fetch().endsWith(moved));
        assertTrue(server.requests().size() > before, "--no-cache goes to the remote");
        assertTrue(hub("always").repo("owner/sample:main").fetch().endsWith(moved));
    }

    @Test
    void aMinutesResolutionOlderThanTheIntervalIsCheckedAgain() throws IOException {
        hub("always").repo("owner/sample:main").fetch();
        Path ref = tmp.resolve("cache/repos/127.0.0.1@" + server.port() + "/owner/sample/refs/main");
        String old = java.nio.file.Files.readString(ref).lines().findFirst().orElseThrow() + "\n"
                + (System.currentTimeMillis() - 11 * 60_000L) + "\n";
        java.nio.file.Files.writeString(ref, old);
        int before = server.requests().size();
        hub("10").repo("owner/sample:main").fetch();
        List<GitHttpsServer.Request> all = server.requests();
        assertTrue(isOneRefLookup(all.subList(before, all.size())), "an 11-minute-old resolution is too old for 10: "
                + all.subList(before, all.size()));
        before = server.requests().size();
        hub("10").repo("owner/sample:main").fetch();
        assertEquals(0, server.requests().size() - before, "and the check just made is young again");
    }
}
