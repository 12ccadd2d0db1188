package io.jhub.cli.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The table of every option the {@code jhub} command line knows. A command names the ones it accepts in its
 * {@link Command.Spec}; the {@link #GLOBAL} ones are accepted by every command. To add an option, add one line
 * here and name it in the specs of the commands that take it.
 */
final class Options {
    /** Options every command accepts. */
    static final List<String> GLOBAL = List.of("help", "verbose", "quiet", "cache-dir", "set");
    /** Options of the commands that load or fetch a repository. */
    static final List<String> REPO = List.of("host", "protocol", "commit", "skip-validation", "no-cache", "offline",
            "hubconf", "refresh", "locked", "lockfile");
    /** {@link #REPO} plus the trust decision, for the commands that run a repository's code. */
    static final List<String> RUN = concat(REPO, List.of("trust", "no-trust"));

    private static final Map<String, Option> ALL = new LinkedHashMap<>();

    static {
        add(new Option("help", 'h', "", "show the usage (of a command: jhub <command> --help)"));
        add(new Option("version", 'V', "", "show the versions of jhub, Java and the fetchers"));
        add(Option.flag("verbose", "jhub's debug log and stack traces on errors"));
        add(new Option("quiet", 'q', "", "no progress output"));
        add(Option.flag("json", "print one JSON document on standard output"));
        add(Option.valued("cache-dir", "DIR", "cache directory (default JHUB_HOME, $XDG_CACHE_HOME/jhub,"
                + " ~/.cache/jhub)"));
        add(Option.valued("set", "key=value", "a fetcher, HTTP or download setting, e.g. --set ssh.user=git"));
        add(Option.valued("host", "H[:port]", "git host (default github.com, or JHUB_GIT_HOST)"));
        add(Option.valued("protocol", "NAME", "HTTPS (default), SSH, or another installed fetcher"));
        add(Option.valued("commit", "SHA", "pin a commit (full or abbreviated)"));
        add(Option.flag("skip-validation", "fetch a pinned commit even if no branch or tag reaches it"));
        add(Option.flag("no-cache", "fetch the tree again even if it is cached"));
        add(Option.flag("offline", "use no network at all (also JHUB_OFFLINE=1)"));
        add(Option.valued("hubconf", "PATH", "entry file relative to the repository root (default hubconf.java)"));
        add(Option.flag("trust", "trust the repository without asking, and record it in the trusted list"));
        add(Option.flag("no-trust", "never ask: fail unless the repository is in the trusted list"));
        add(Option.valued("arg", "name=value", "a named argument of the entry"));
        add(Option.valued("sha256", "HEX", "expected SHA-256 of the file"));
        add(Option.valued("file-name", "NAME", "name of the file in the cache"));
        add(Option.valued("connections", "N", "parallel connections for a large file (1 to 32)"));
        add(Option.flag("allow-http", "allow a plain http URL (give --sha256 too)"));
        add(Option.valued("package", "NAME", "package (and module) name of the new hub (default hub.<dir name>)"));
        add(Option.flag("module", "also write a module-info.java"));
        add(Option.valued("weights", "URL", "a weights URL (cache rm: or file name; lock: URL=SHA256,"
                + " repeatable)"));
        add(Option.valued("max-size", "SIZE", "prune down to this size, such as 500M or 20G"));
        add(Option.valued("older-than", "DAYS", "prune entries not used for this many days"));
        add(Option.valued("lockfile", "FILE", "the lockfile (default ./jhub.lock)"));
        add(Option.flag("locked", "use only what the lockfile records, with no ref lookup"));
        add(Option.valued("refresh", "POLICY", "when a cached branch is asked again: always (default), never,"
                + " or minutes"));
        add(Option.flag("dry-run", "show what would be removed and the bytes, remove nothing"));
    }

    private Options() {
    }

    private static void add(Option o) {
        ALL.put(o.name(), o);
    }

    static Optional<Option> byName(String name) {
        return Optional.ofNullable(ALL.get(name));
    }

    static Optional<Option> byShortName(char c) {
        return ALL.values().stream().filter(o -> o.shortName() == c).findFirst();
    }

    /** Every option, in the table's order. */
    static List<Option> all() {
        return List.copyOf(ALL.values());
    }

    /** Options that may be given more than once, each a {@code name=value} pair. */
    static boolean isPairs(String name) {
        return name.equals("arg") || name.equals("set");
    }

    /** Valued options that may be given more than once; {@link CliArgs#all(String)} returns every value. */
    static boolean isRepeatable(String name) {
        return name.equals("weights");
    }

    static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return List.copyOf(out);
    }
}
