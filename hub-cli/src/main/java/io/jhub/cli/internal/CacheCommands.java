package io.jhub.cli.internal;

import io.jhub.api.CacheException;
import io.jhub.core.ByteSize;
import io.jhub.core.CacheRemoval;
import io.jhub.core.Hub;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/**
 * {@code jhub cache ls [--json] | rm <owner/name[@commit]> | rm --weights NAME|URL | clean [--dry-run] |
 * prune [--max-size SIZE] [--older-than DAYS] [--dry-run]}: every removal reports what went and the bytes freed.
 */
final class CacheCommands {
    private CacheCommands() {
    }

    /** {@code jhub cache ls}: a table (or JSON) of cached commits, compiled classes and weights. */
    static final class Ls implements Command {
        private static final Spec SPEC = new Spec("cache ls", "",
                "list cached commits, compiled classes and weights, with sizes", List.of("json"), 0, 0, "");

        @Override
        public Spec spec() {
            return SPEC;
        }

        @Override
        public void run(Invocation in) {
            Hub hub = in.hub();
            in.out().println(in.json() ? CacheListing.json(hub.cacheInfo()) : CacheListing.table(hub.cacheInfo()));
        }
    }

    /** {@code jhub cache rm}: one repository, one commit of it, or a weights file. */
    static final class Rm implements Command {
        private static final Spec SPEC = new Spec("cache rm", "<owner/name[@commit]> | --weights NAME|URL",
                "remove from the cache; prints the bytes freed", List.of("host", "weights"), 0, 1, "");

        @Override
        public Spec spec() {
            return SPEC;
        }

        @Override
        public void run(Invocation in) {
            Hub hub = in.hub();
            CliArgs cli = in.args();
            Optional<String> weights = cli.option("weights");
            if (cli.all("weights").size() > 1) {
                throw new UsageException("jhub cache rm takes one --weights at a time");
            }
            CacheRemoval r;
            String what;
            if (weights.isPresent()) {
                if (!cli.words().isEmpty()) {
                    throw new UsageException("jhub cache rm takes a repository or --weights, not both");
                }
                what = "weights " + weights.get();
                r = hub.removeWeights(weights.get());
            } else {
                String repo = cli.word(0, "a repository (owner/name or owner/name@commit) or --weights NAME|URL");
                Optional<String> host = cli.option("host");
                what = host.orElse(hub.defaultHost().toString()) + "/" + repo;
                r = host.isPresent() ? hub.removeRepo(repo, host.get()) : hub.removeRepo(repo);
            }
            if (r.removed().isEmpty() && r.inUse().isEmpty()) {
                throw new CacheException(what + " is not in the cache at " + hub.cacheDir()
                        + " (jhub cache ls lists what is).");
            }
            report(r, "", in.out());
            if (!r.inUse().isEmpty()) {
                throw new CacheException("Kept " + String.join(", ", r.inUse()) + ": a running jhub process uses"
                        + " it; stop that process and run the command again.");
            }
        }
    }

    /** {@code jhub cache clean}: everything not in use. */
    static final class Clean implements Command {
        private static final Spec SPEC = new Spec("cache clean", "",
                "empty the cache (entries in use and the trusted list stay)", List.of("dry-run"), 0, 0, "");

        @Override
        public Spec spec() {
            return SPEC;
        }

        @Override
        public void run(Invocation in) {
            report(in.hub().cleanCache(in.args().flag("dry-run")), "the cache is empty", in.out());
        }
    }

    /** {@code jhub cache prune}: least recently used entries above a size, or older than some days. */
    static final class Prune implements Command {
        private static final Spec SPEC = new Spec("cache prune", "",
                "remove least recently used entries",
                List.of("max-size", "older-than", "dry-run"), 0, 0,
                "Down to --max-size (or the setting cache.maxSize), or those unused for --older-than days.");

        @Override
        public Spec spec() {
            return SPEC;
        }

        @Override
        public void run(Invocation in) {
            Hub hub = in.hub();
            CliArgs cli = in.args();
            Optional<String> size = cli.option("max-size");
            Optional<String> days = cli.option("older-than");
            if (size.isEmpty() && days.isEmpty() && hub.cacheMaxSize().isEmpty()) {
                throw new UsageException("jhub cache prune needs --max-size SIZE (such as 20G) or --older-than DAYS,"
                        + " or the setting cache.maxSize (JHUB_CACHE_MAX_SIZE)");
            }
            long max = size.isPresent() ? parseSize(size.get())
                    : days.isPresent() ? Long.MAX_VALUE : hub.cacheMaxSize().getAsLong();
            Duration age = days.isPresent() ? Duration.ofDays(parseDays(days.get()))
                    : ChronoUnit.FOREVER.getDuration();
            report(hub.pruneCache(max, age, cli.flag("dry-run")), "nothing to prune", in.out());
        }
    }

    private static void report(CacheRemoval r, String whenNothing, PrintStream out) {
        String verb = r.dryRun() ? "would remove " : "removed ";
        r.removed().forEach(e -> out.println(verb + e));
        r.inUse().forEach(e -> out.println("kept " + e + " (in use by a running process)"));
        if (r.removed().isEmpty() && !whenNothing.isEmpty() && r.inUse().isEmpty()) {
            out.println(whenNothing);
        }
        out.println((r.dryRun() ? "would free " : "freed ") + r.bytesFreed() + " bytes ("
                + ByteSize.format(r.bytesFreed()) + ")");
    }

    private static long parseSize(String text) {
        try {
            return ByteSize.parse(text, "--max-size");
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private static long parseDays(String text) {
        String s = text.endsWith("d") ? text.substring(0, text.length() - 1) : text;
        if (!s.matches("[0-9]{1,6}")) {
            throw new UsageException("--older-than takes a whole number of days, such as 30, got \"" + text + "\"");
        }
        return Long.parseLong(s);
    }
}
