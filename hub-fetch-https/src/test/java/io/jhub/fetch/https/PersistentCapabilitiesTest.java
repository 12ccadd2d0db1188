package io.jhub.fetch.https;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.api.AuthenticationException;
import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.api.spi.FetchRequest;
import io.jhub.testkit.Fault;
import io.jhub.testkit.GitHttpsServer;
import io.jhub.testkit.HttpsFixtures;
import io.jhub.testkit.TestCertificates;
import io.jhub.testkit.TestFetchContext;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The v2 capabilities a repository advertised are kept in the state directory, so a fresh fetcher (a new process)
 * sends the {@code ls-refs} POST alone; a memo the host no longer honours, a corrupt file or no state directory
 * lead to today's {@code info/refs} + {@code ls-refs}, and the file never holds a token.
 */
class PersistentCapabilitiesTest {
    static final String TOKEN = "s3cr3t-memo-token";

    @TempDir
    Path dir;

    TestCertificates certs;
    GitHttpsServer server;
    HttpsFixtures.Sample sample;
    Path state;

    @BeforeEach
    void start() throws IOException {
        certs = TestCertificates.generate(dir.resolve("certs"));
        sample = HttpsFixtures.sample(dir.resolve("repo"));
        server = GitHttpsServer.start(certs, dir);
        server.addRepo("owner/sample", sample.bare());
        server.addPrivateRepo("owner/secret", sample.bare(), TOKEN);
        state = dir.resolve("state");
    }

    @AfterEach
    void stop() {
        server.close();
    }

    /** A new context, as a new process's hub would give, sharing the state root. */
    TestFetchContext process() {
        return new TestFetchContext(certs.clientContext()).withStateRoot(state);
    }

    FetchRequest request(String repo) {
        return new FetchRequest(GitHost.parse(server.hostAndPort()), RepoInfo.parse(repo), Optional.of("main"));
    }

    /** Resolves {@code main} with a fresh fetcher, as a new process does, and returns the requests it sent. */
    List<GitHttpsServer.Request> lookUp(String repo, TestFetchContext context, String expected) {
        server.clearRequests();
        assertEquals(Optional.of(expected), new HttpsFetcher().resolve(request(repo), context).commit());
        return server.requests();
    }

    String gitUrl(String repo) {
        return "https://" + server.hostAndPort() + "/" + repo + ".git";
    }

    /** The state file of a URL: the hex SHA-256 of the URL, computed here independently of the fetcher. */
    Path memo(String url) throws NoSuchAlgorithmException {
        byte[] sha = MessageDigest.getInstance("SHA-256").digest(url.getBytes(StandardCharsets.UTF_8));
        return state.resolve("https").resolve(HexFormat.of().formatHex(sha));
    }

    static boolean isGet(GitHttpsServer.Request r) {
        return r.method().equals("GET") && r.pathAndQuery().endsWith("/info/refs?service=git-upload-pack");
    }

    static boolean isPost(GitHttpsServer.Request r) {
        return r.method().equals("POST") && r.pathAndQuery().endsWith(".git/git-upload-pack");
    }

    static void assertTwoRequestLookup(List<GitHttpsServer.Request> sent) {
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(isGet(sent.get(0)) && isPost(sent.get(1)), sent.toString());
    }

    @Test
    void aSecondProcessSendsOneLsRefsPost() throws Exception {
        assertTwoRequestLookup(lookUp("owner/sample", process(), sample.main()));
        Path memo = memo(gitUrl("owner/sample"));
        String text = Files.readString(memo);
        assertTrue(text.startsWith("jhub v2-capabilities 1\n") && text.contains("\nls-refs"), text);
        try (Stream<Path> files = Files.list(state.resolve("https"))) {
            assertEquals(List.of(memo), files.toList(), "one file, no temporary file left");
        }

        List<GitHttpsServer.Request> second = lookUp("owner/sample", process(), sample.main());
        assertEquals(1, second.size(), second.toString());
        assertTrue(isPost(second.get(0)), second.toString());
        assertEquals(text, Files.readString(memo), "a lookup from the memo leaves the file as it is");
    }

    @Test
    void aHostThatNoLongerSpeaksV2IsAskedForInfoRefsAndTheMemoGoes() throws Exception {
        lookUp("owner/sample", process(), sample.main());
        Path memo = memo(gitUrl("owner/sample"));
        assertTrue(Files.exists(memo));
        server.protocolV2(false);
        // the branch moves meanwhile: the answer must come from the host, not from anything remembered
        sample.work().write("moved.txt", "moved\n");
        String moved = sample.work().commit("move main");
        sample.push();

        List<GitHttpsServer.Request> sent = lookUp("owner/sample", process(), moved);
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(isPost(sent.get(0)) && isGet(sent.get(1)), "the refused POST, then v0 info/refs: " + sent);
        assertFalse(Files.exists(memo), "a v0 host leaves nothing remembered");
        List<GitHttpsServer.Request> again = lookUp("owner/sample", process(), moved);
        assertEquals(1, again.size(), again.toString());
        assertTrue(isGet(again.get(0)), "no POST from a memo any more, v0 info/refs alone: " + again);
    }

    @Test
    void aDirectPostAnsweredWithAnErrorFallsBackAndTheMemoIsReplaced() throws Exception {
        lookUp("owner/sample", process(), sample.main());
        Path memo = memo(gitUrl("owner/sample"));
        String fresh = Files.readString(memo);
        Files.writeString(memo, fresh + "x-stale-capability\n");
        server.inject(Fault.status(".git/git-upload-pack", 404, 1));

        List<GitHttpsServer.Request> sent = lookUp("owner/sample", process(), sample.main());
        assertEquals(3, sent.size(), sent.toString());
        assertTrue(isPost(sent.get(0)) && isGet(sent.get(1)) && isPost(sent.get(2)), sent.toString());
        assertEquals(fresh, Files.readString(memo), "the memo holds what info/refs said just now");
        assertEquals(1, lookUp("owner/sample", process(), sample.main()).size());
    }

    @Test
    void aCorruptOrOversizedFileIsIgnoredAndRewritten() throws Exception {
        lookUp("owner/sample", process(), sample.main());
        Path memo = memo(gitUrl("owner/sample"));
        String fresh = Files.readString(memo);
        List<byte[]> bad = List.of(
                "not a memo at all".getBytes(StandardCharsets.US_ASCII),
                new byte[] {0, 1, 2, (byte) 0xff},
                fresh.substring(0, fresh.length() - 1).getBytes(StandardCharsets.US_ASCII), // no final line feed
                (fresh + "agent=\u00e9\n").getBytes(StandardCharsets.UTF_8),
                (fresh + "\n").getBytes(StandardCharsets.US_ASCII), // an empty line
                (fresh + "x-padding=" + "a".repeat(64 * 1024) + "\n").getBytes(StandardCharsets.US_ASCII),
                new byte[0]);
        for (byte[] content : bad) {
            Files.write(memo, content);
            assertTwoRequestLookup(lookUp("owner/sample", process(), sample.main()));
            assertEquals(fresh, Files.readString(memo), "rewritten after " + content.length + " bad bytes");
        }
        Files.delete(memo);
        Files.createDirectory(memo);
        assertTwoRequestLookup(lookUp("owner/sample", process(), sample.main()));
        assertEquals(fresh, Files.readString(memo), "an empty directory in its place is replaced");
    }

    @Test
    void withoutAStateDirectoryEveryProcessSendsTwoRequests() {
        TestFetchContext none = new TestFetchContext(certs.clientContext());
        assertEquals(Optional.empty(), none.stateDirectory("HTTPS"));
        assertTwoRequestLookup(lookUp("owner/sample", none, sample.main()));
        assertTwoRequestLookup(lookUp("owner/sample", none.copy(), sample.main()));
        assertFalse(Files.exists(state));
    }

    @Test
    void theFileNeverHoldsTheTokenAndAMemoHitStillSendsIt() throws Exception {
        TestFetchContext withToken = process().with("https.token." + server.hostAndPort(), TOKEN);
        assertTwoRequestLookup(lookUp("owner/secret", withToken, sample.main()));
        Path memo = memo(gitUrl("owner/secret"));
        byte[] stored = Files.readAllBytes(memo);
        String text = new String(stored, StandardCharsets.ISO_8859_1);
        String basic = Base64.getEncoder().encodeToString(("x-access-token:" + TOKEN)
                .getBytes(StandardCharsets.UTF_8));
        assertFalse(text.contains(TOKEN) || text.contains(basic), text);

        List<GitHttpsServer.Request> second = lookUp("owner/secret", withToken.copy(), sample.main());
        assertEquals(1, second.size(), second.toString());
        assertTrue(second.get(0).header("Authorization").isPresent(), "the direct POST is authenticated");
    }

    @Test
    void userInformationInTheUrlIsNotPartOfTheFileName() throws Exception {
        String template = "https://someone:pa55word@{host}/{owner}/{repo}.git";
        TestFetchContext c = process().with("https.gitUrlTemplate", template);
        assertTwoRequestLookup(lookUp("owner/sample", c, sample.main()));
        Path memo = memo(gitUrl("owner/sample"));
        assertTrue(Files.isRegularFile(memo), "named after the URL without someone:pa55word@");
        try (Stream<Path> files = Files.list(state.resolve("https"))) {
            assertEquals(List.of(memo), files.toList());
        }
        assertFalse(Files.readString(memo).contains("pa55word"));
        assertEquals(1, lookUp("owner/sample", c.copy(), sample.main()).size());
    }

    @Test
    void aRefusedDirectPostStillEndsInTheAuthenticationError() throws Exception {
        TestFetchContext withToken = process().with("https.token." + server.hostAndPort(), TOKEN);
        lookUp("owner/secret", withToken, sample.main());
        Path memo = memo(gitUrl("owner/secret"));
        assertTrue(Files.exists(memo));

        server.clearRequests();
        TestFetchContext noToken = process();
        AuthenticationException e = assertThrows(AuthenticationException.class,
                () -> new HttpsFetcher().resolve(request("owner/secret"), noToken));
        assertTrue(e.getMessage().contains("401"), e.getMessage());
        List<GitHttpsServer.Request> sent = server.requests();
        assertEquals(2, sent.size(), sent.toString());
        assertTrue(isPost(sent.get(0)) && isGet(sent.get(1)), "the 401 of the POST sends it to info/refs: " + sent);
        assertFalse(Files.exists(memo), "as before, a refused direct POST forgets the memo");
    }
}
