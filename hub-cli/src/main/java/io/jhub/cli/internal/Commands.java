package io.jhub.cli.internal;

import io.jhub.api.GitHost;
import io.jhub.api.InvalidRepoException;
import io.jhub.core.CachedRepo;
import io.jhub.core.Hub;
import io.jhub.core.HubRepo;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The {@code jhub} commands, each a few lines over the {@link Hub} API. */
final class Commands {
    private final Hub hub;
    private final PrintStream out;

    Commands(Hub hub, PrintStream out) {
        this.hub = hub;
        this.out = out;
    }

    void run(CliArgs cli) {
        switch (cli.command()) {
            case "list" -> repo(cli).list().forEach(out::println);
            case "help" -> out.println(repo(cli).help(cli.word(1, "an entry name")));
            case "load" -> load(cli);
            case "fetch" -> LockCommand.fetch(hub, repo(cli), cli, out);
            case "lock" -> new LockCommand(hub, out).run(cli);
            case "verify" -> VerifyCommand.run(hub, cli, out);
            case "trust" -> trust(cli);
            case "protocols" -> hub.protocols().forEach((name, description) -> out.println(name + "\t"
                    + description));
            case "cache" -> cache(cli);
            case "download" -> out.println(DownloadCommand.run(hub, cli));
            default -> throw new UsageException("unknown command \"" + cli.command() + "\" (see jhub --help)");
        }
    }

    private void load(CliArgs cli) {
        String entry = cli.word(1, "an entry name");
        List<String> positional = cli.words().subList(2, cli.words().size());
        Object result = repo(cli).importModule().invoke(entry, positional, cli.namedArgs(), TextArguments.INSTANCE);
        out.println(render(result));
    }

    private void trust(CliArgs cli) {
        String repo = cli.word(0, "a repository (owner/name)");
        boolean added = cli.option("host").map(h -> hub.trust(repo, h)).orElseGet(() -> hub.trust(repo));
        String host = cli.option("host").map(h -> GitHost.parse(h).toString()).orElse(hub.defaultHost().toString());
        out.println((added ? "trusted " : "already trusted ") + host + "/" + repo);
    }

    private void cache(CliArgs cli) {
        String sub = cli.word(0, "ls, rm <repo> or clean");
        switch (sub) {
            case "ls" -> {
                for (CachedRepo r : hub.cachedRepos()) {
                    out.println(r.key() + "\t" + String.join(",", r.commits()) + "\t" + r.dir());
                }
            }
            case "rm" -> {
                String repo = cli.word(1, "a repository (owner/name)");
                out.println(cli.option("host").map(h -> hub.removeFromCache(repo, h))
                        .orElseGet(() -> hub.removeFromCache(repo)) ? "removed " + repo
                        : repo + " is not in the cache");
            }
            case "clean" -> {
                hub.cleanCache();
                out.println("cleaned " + hub.cacheDir());
            }
            default -> throw new UsageException("jhub cache takes ls, rm <repo> or clean, not \"" + sub + "\"");
        }
    }

    private HubRepo repo(CliArgs cli) {
        String name = cli.word(0, "a repository (owner/name[:ref]) or a directory");
        Path dir = Path.of(name);
        boolean isDir = Files.isDirectory(dir);
        if (!isDir && looksLikePath(name)) {
            throw new InvalidRepoException("No directory \"" + name + "\"" + (Files.exists(dir) ? " (it is a file)"
                    : "") + ": a local repository is a directory that holds hubconf.java; a remote one is"
                    + " owner/name[:ref], such as pytorch/vision:main.");
        }
        HubRepo r = isDir ? hub.repo(dir) : hub.repo(name);
        Optional<String> commit = cli.option("commit");
        if (commit.isPresent()) {
            r = r.commit(commit.get());
        }
        if (cli.flag("no-cache")) {
            r = r.useCache(false);
        }
        if (cli.flag("skip-validation")) {
            r = r.skipValidation(true);
        }
        if (cli.option("hubconf").isPresent()) {
            r = r.hubconfEntry(cli.option("hubconf").get());
        }
        if (cli.flag("trust")) {
            r = r.trust(true);
        }
        return r;
    }

    /** A name no owner/name could be: a path (absolute, relative to . or .., or to the home directory). */
    private static boolean looksLikePath(String name) {
        return name.equals(".") || name.equals("..") || name.startsWith("/") || name.startsWith("./")
                || name.startsWith("../") || name.startsWith("~") || name.indexOf('\\') >= 0;
    }

    static String render(Object result) {
        if (result == null) {
            return "null";
        }
        if (result instanceof Object[] a) {
            return Arrays.deepToString(a);
        }
        if (result.getClass().isArray()) {
            return Arrays.deepToString(new Object[] {result}).replaceAll("^\\[|\\]$", "");
        }
        if (result instanceof Map<?, ?> m) {
            return m.toString();
        }
        return String.valueOf(result);
    }
}
