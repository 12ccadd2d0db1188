package io.jhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.jhub.cli.InProcessJhub.Run;
import io.jhub.testkit.GitRepo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as people type it: help, version, suggestions, exit statuses, --json, trust commands. */
class CliFrontEndTest {
    static final Path EXAMPLE = CliTest.EXAMPLE;

    @TempDir
    Path tmp;
    Path cache;

    @BeforeEach
    void setUp() {
        cache = tmp.resolve("cache");
        GitRepo.init(tmp.resolve("git/alice/tools")).write("hubconf.java", InProcessJhub.TOOLS_HUBCONF).commit("tools");
        System.setProperty("jhub.test.gitRoot", tmp.resolve("git").toString());
    }

    @AfterEach
    void tearDown() {
        System.clearProperty("jhub.test.gitRoot");
    }

    Run jhub(String... args) {
        return InProcessJhub.run(cache, List.of(), args);
    }

    static String golden(String name) throws Exception {
        return Files.readString(Path.of("src/test/resources/usage/" + name + ".txt"));
    }

    @Test
    void helpInEveryFormShowsTheUsage() throws Exception {
        for (String[] args : new String[][] {{"--help"}, {"-h"}, {"help"}, {"--quiet", "-h"}}) {
            Run r = jhub(args);
            assertEquals(0, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(golden("jhub"), r.out(), String.join(" ", args));
        }
        assertEquals(golden("list"), jhub("list", "--help").out());
        assertEquals(golden("list"), jhub("list", "no/such", "-h", "--host", "x.example").out(),
                "--help anywhere wins over the rest of the line");
        assertEquals(golden("help"), jhub("help", "--help").out());
        assertEquals(golden("trust-ls"), jhub("trust", "ls", "--help").out());
        assertEquals(golden("trust-ls"), jhub("help", "trust", "ls").out());
        assertEquals(golden("load"), jhub("help", "load").out());
        Run group = jhub("help", "cache");
        assertTrue(group.out().contains("cache ls") && group.out().contains("cache clean"), group.out());
        Run none = jhub();
        assertEquals(2, none.status());
        assertTrue(none.err().startsWith("jhub: no command given"), none.err());
    }

    @Test
    void typosGetTheNearestNameAndStatusTwo() {
        Run cmd = jhub("lsit", EXAMPLE.toString());
        assertEquals(2, cmd.status());
        assertEquals("jhub: unknown command \"lsit\"; did you mean list? (see jhub --help)\n", cmd.err());
        Run opt = jhub("list", EXAMPLE.toString(), "--ofline");
        assertEquals(2, opt.status());
        assertTrue(opt.err().contains("did you mean --offline?"), opt.err());
        Run key = jhub("list", EXAMPLE.toString(), "--set", "ssh.knownhost=x");
        assertEquals(2, key.status());
        assertTrue(key.err().contains("unknown setting \"ssh.knownhost\"") && key.err().contains("did you mean"
                + " ssh.knownHosts?"), key.err());
        assertEquals(2, jhub("list", EXAMPLE.toString(), "--set", "frobnicate=1").status());
        assertEquals(0, jhub("list", EXAMPLE.toString(), "--set", "https.style.git.example.org=gitlab").status(),
                "a per-host key is known");
        Run entry = jhub("load", EXAMPLE.toString(), "clasify", "1", "2", "3", "4");
        assertEquals(1, entry.status());
        assertTrue(entry.err().contains("Did you mean \"classify\"?"), entry.err());
        Run sub = jhub("trust", "lss");
        assertEquals(2, sub.status());
    }

    @Test
    void wrongCommandLinesExitTwoWithoutTheDoubledPrefix() {
        for (String[] args : new String[][] {
            {"list", EXAMPLE.toString(), "extra", "words"}, {"list"}, {"list", EXAMPLE.toString(), "-x"},
            {"list", EXAMPLE.toString(), "--quiet=yes"}, {"download", "https://x.example/f", "--trust"},
            {"list", "not-a-repo"}, {"list", "https://bob:hunter2@github.com/o/r"}, {"list", "github.com/o/r"},
            {"list", "a/b", "--host", "bad_host_"}, {"list", "a/b", "--commit", "xyz"},
            {"fetch", "https://github.com/o/r", "--host", "gitlab.com"}, {"trust", "o/r:"}, {"help", "nothing"},
            {"load", EXAMPLE.toString(), "classify", "--trust", "--no-trust"}, {"completion", "fish"},
            {"list", EXAMPLE.toString(), "--set", "log.jdk=maybe"}}) {
            Run r = jhub(args);
            assertEquals(2, r.status(), String.join(" ", args) + ": " + r.err());
            assertEquals(1, r.err().lines().count(), r.err());
            assertTrue(r.err().startsWith("jhub: ") && !r.err().startsWith("jhub: jhub"), r.err());
            assertFalse(r.err().contains("hunter2"), "a password is never repeated: " + r.err());
        }
    }

    @Test
    void quietHasAShortFormAndNegativeNumbersAreWords() {
        Run r = jhub("load", EXAMPLE.toString(), "classify", "-q", "5.1", "3.5", "1.4", "0.2");
        assertEquals("setosa", r.out().strip(), r.err());
        assertEquals("", r.err());
        Run negative = jhub("load", "-q", tmp.resolve("git/alice/tools").toString(), "add", "-2", "-3");
        assertEquals("-5", negative.out().strip(), negative.err());
    }

    @Test
    void versionAsTextAndAsJson() {
        for (String flag : List.of("--version", "-V")) {
            Run r = jhub(flag);
            assertEquals(0, r.status(), r.err());
            assertTrue(r.out().startsWith("jhub "), r.out());
            assertTrue(r.out().contains("Java " + System.getProperty("java.version") + " ("
                    + System.getProperty("java.vendor") + ")"), r.out());
            assertTrue(r.out().contains("LOCALGIT"), r.out());
        }
        Map<String, Object> v = JsonReader.object(jhub("--version", "--json").out());
        assertTrue(v.get("jhub") instanceof String s && !s.isBlank(), v.toString());
        @SuppressWarnings("unchecked")
        Map<String, Object> java = (Map<String, Object>) v.get("java");
        assertEquals(System.getProperty("java.version"), java.get("version"));
        assertEquals(System.getProperty("java.vendor"), java.get("vendor"));
        assertEquals(System.getProperty("java.home"), java.get("home"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> fetchers = (List<Map<String, Object>>) v.get("fetchers");
        Map<String, Object> local = fetchers.stream().filter(f -> f.get("protocol").equals("LOCALGIT")).findFirst()
                .orElseThrow();
        assertEquals("test fetcher over local git repositories", local.get("description"));
        assertTrue(((String) local.get("module")).startsWith("class path: "), local.toString());
        assertTrue(fetchers.stream().anyMatch(f -> f.get("protocol").equals("HTTPS")), fetchers.toString());
    }

    @Test
    void jsonOutputsParseBackFieldByField() throws Exception {
        Map<String, Object> list = JsonReader.object(jhub("list", EXAMPLE.toString(), "--json").out());
        assertEquals(EXAMPLE.toString(), list.get("repo"));
        assertEquals(List.of("classify", "model"), list.get("entries"));
        Map<String, Object> help = JsonReader.object(jhub("help", EXAMPLE.toString(), "classify", "--json").out());
        assertEquals("classify", help.get("entry"));
        assertTrue(((String) help.get("doc")).contains("Classifies one flower"), help.toString());
        Map<String, Object> usage = JsonReader.object(jhub("help", "--json").out());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> commands = (List<Map<String, Object>>) usage.get("commands");
        Map<String, Object> download = commands.stream().filter(c -> c.get("name").equals("download")).findFirst()
                .orElseThrow();
        assertEquals("<url>", download.get("arguments"));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> options = (List<Map<String, Object>>) download.get("options");
        Map<String, Object> sha = options.stream().filter(o -> o.get("name").equals("--sha256")).findFirst()
                .orElseThrow();
        assertEquals("HEX", sha.get("value"));
        assertNull(sha.get("short"));
        assertTrue(options.stream().anyMatch(o -> "-q".equals(o.get("short"))), options.toString());

        Run fetched = jhub("fetch", "alice/tools", "--protocol", "LOCALGIT", "--json", "-q");
        Map<String, Object> fetch = JsonReader.object(fetched.out());
        assertEquals("alice/tools", fetch.get("repo"));
        assertEquals("github.com", fetch.get("host"));
        String commit = GitRepo.init(tmp.resolve("git/alice/tools")).git("rev-parse", "HEAD").strip();
        assertEquals(commit, fetch.get("commit"));
        assertTrue(Files.isRegularFile(Path.of((String) fetch.get("path")).resolve("hubconf.java")));

        Path file = Files.writeString(tmp.resolve("weights.bin"), "0123456789");
        Map<String, Object> dl = JsonReader.object(jhub("download", file.toUri().toString(), "--json").out());
        assertEquals(file.toUri().toString(), dl.get("url"));
        assertEquals(10L, dl.get("size"));
        assertEquals("0123456789", Files.readString(Path.of((String) dl.get("path"))));

        jhub("trust", "alice/tools");
        jhub("trust", "https://git.example.org:8443/team/models");
        Map<String, Object> trust = JsonReader.object(jhub("trust", "ls", "--json").out());
        assertEquals(cache.resolve("trusted_list").toString(), trust.get("file"));
        assertEquals(List.of(Map.of("host", "github.com", "repo", "alice/tools"),
                Map.of("host", "git.example.org:8443", "repo", "team/models")), trust.get("trusted"));
    }

    @Test
    void theUntrustedHintIsTheExactCommandThatWorks() {
        Run refused = jhub("load", "alice/tools", "add", "2", "3", "--protocol", "LOCALGIT", "--host",
                "other.example:2222");
        assertEquals(1, refused.status());
        assertTrue(refused.err().contains("jhub trust alice/tools --host other.example:2222 "), refused.err());
        assertTrue(refused.err().contains("--trust"), refused.err());
        assertFalse(refused.err().contains("hub.repo") || refused.err().contains("trust(true)"),
                "no Java call for people at the command line: " + refused.err());
        Run trusted = jhub("trust", "alice/tools", "--host", "other.example:2222");
        assertEquals("trusted other.example:2222/alice/tools\n", trusted.out());
        Run loaded = jhub("load", "alice/tools", "add", "2", "3", "--protocol", "LOCALGIT", "--host",
                "other.example:2222");
        assertEquals("5", loaded.out().strip(), loaded.err());
        Run defaultHost = jhub("load", "alice/tools", "add", "2", "3", "--protocol", "LOCALGIT");
        assertTrue(defaultHost.err().contains("jhub trust alice/tools (the list"), defaultHost.err());
        Run noTrust = jhub("load", "alice/tools", "add", "2", "3", "--protocol", "LOCALGIT", "--no-trust");
        assertEquals(1, noTrust.status());
    }

    @Test
    void trustListAndRemove() {
        assertEquals("", jhub("trust", "ls").out());
        assertEquals("trusted github.com/alice/tools\n", jhub("trust", "git@github.com:alice/tools.git").out());
        assertEquals("already trusted github.com/alice/tools\n", jhub("trust", "alice/tools").out());
        assertEquals("github.com/alice/tools\n", jhub("trust", "ls").out());
        Run rm = jhub("trust", "rm", "https://github.com/alice/tools");
        assertEquals("removed github.com/alice/tools from the trusted list\n", rm.out());
        Run again = jhub("trust", "rm", "alice/tools");
        assertEquals(1, again.status());
        assertTrue(again.err().contains("github.com/alice/tools is not in the trusted list"), again.err());
        assertEquals("", jhub("trust", "ls").out());
    }

    @Test
    void plainHttpDownloadNamesTheCommandLineFlag() {
        Run r = jhub("download", "http://127.0.0.1:1/weights.bin");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("--allow-http"), r.err());
        assertFalse(r.err().contains("allowPlainHttp"), r.err());
    }

    @Test
    void anUnreachableHostNamesOfflineWhenACommitIsCached() {
        // the cache is keyed by host, not protocol: fill it for 127.0.0.1:1 with the local fetcher
        assertEquals(0, jhub("fetch", "alice/tools", "--protocol", "LOCALGIT", "--host", "127.0.0.1:1").status());
        Run r = jhub("fetch", "alice/tools:other", "--host", "127.0.0.1:1", "--set", "http.retries=0");
        assertEquals(1, r.status());
        assertTrue(r.err().contains("1 commit of alice/tools is cached: run again with --offline"), r.err());
        Run never = jhub("fetch", "bob/none", "--host", "127.0.0.1:1", "--set", "http.retries=0");
        assertEquals(1, never.status());
        assertFalse(never.err().contains("--offline"), never.err());
    }

    @Test
    void repoUrlsWorkOnTheCommandLine() {
        Run r = jhub("load", "https://github.com/alice/tools/tree/master", "add", "1", "2", "--protocol",
                "LOCALGIT", "--trust");
        // the URL says HTTPS and --protocol says LOCALGIT: refused, one must win explicitly
        assertEquals(2, r.status(), r.err());
        String branch = GitRepo.init(tmp.resolve("git/alice/tools")).git("rev-parse", "--abbrev-ref", "HEAD").strip();
        Run viaHost = jhub("fetch", "alice/tools:" + branch, "--protocol", "LOCALGIT", "--json");
        assertEquals(0, viaHost.status(), viaHost.err());
    }
}
