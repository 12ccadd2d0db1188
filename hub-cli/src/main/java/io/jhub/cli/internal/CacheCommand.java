package io.jhub.cli.internal;

import io.jhub.api.CacheException;
import io.jhub.core.ByteSize;
import io.jhub.core.CacheRemoval;
import io.jhub.core.Hub;
import java.io.PrintStream;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;

/**
 * {@code jhub cache ls [--json] | rm <owner/name[@commit]> | rm --weights NAME|URL | clean [--dry-run] |
 * prune [--max-size SIZE] [--older-than DAYS] [--dry-run]}: every removal reports what went and the bytes freed.
 */
final class CacheCommand {
    private final Hub hub;
    private final PrintStream out;

    CacheCommand(Hub hub, PrintStream out) {
        this.hub = hub;
        this.out = out;
    }

    void run(CliArgs cli) {
        String sub = cli.word(0, "ls, rm, clean or prune");
        switch (sub) {
            case "ls" -> {
                noMoreWords(cli, 1);
                out.println(cli.flag("json") ? CacheListing.json(hub.cacheInfo()) : CacheListing.table(hub.cacheInfo()));
            }
            case "rm" -> remove(cli);
            case "clean" -> {
                noMoreWords(cli, 1);
                report(hub.cleanCache(cli.flag("dry-run")), "the cache is empty");
            }
            case "prune" -> prune(cli);
            default -> throw new UsageException("jhub cache takes ls, rm, clean or prune, not \"" + sub + "\"");
        }
    }

    private void remove(CliArgs cli) {
        Optional<String> weights = cli.option("weights");
        CacheRemoval r;
        String what;
        if (weights.isPresent()) {
            noMoreWords(cli, 1);
            what = "weights " + weights.get();
            r = hub.removeWeights(weights.get());
        } else {
            String repo = cli.word(1, "a repository (owner/name or owner/name@commit) or --weights NAME|URL");
            noMoreWords(cli, 2);
            what = cli.option("host").orElse(hub.defaultHost().toString()) + "/" + repo;
            r = cli.option("host").isPresent() ? hub.removeRepo(repo, cli.option("host").get()) : hub.removeRepo(repo);
        }
        if (r.removed().isEmpty() && r.inUse().isEmpty()) {
            throw new CacheException(what + " is not in the cache at " + hub.cacheDir() + " (jhub cache ls lists what"
                    + " is).");
        }
        report(r, "");
        if (!r.inUse().isEmpty()) {
            throw new CacheException("Kept " + String.join(", ", r.inUse()) + ": a running jhub process uses it;"
                    + " stop that process and run the command again.");
        }
    }

    private void prune(CliArgs cli) {
        noMoreWords(cli, 1);
        Optional<String> size = cli.option("max-size");
        Optional<String> days = cli.option("older-than");
        if (size.isEmpty() && days.isEmpty() && hub.cacheMaxSize().isEmpty()) {
            throw new UsageException("jhub cache prune needs --max-size SIZE (such as 20G) or --older-than DAYS, or"
                    + " the setting cache.maxSize (JHUB_CACHE_MAX_SIZE)");
        }
        long max = size.isPresent() ? parseSize(size.get())
                : days.isPresent() ? Long.MAX_VALUE : hub.cacheMaxSize().getAsLong();
        Duration age = days.isPresent() ? Duration.ofDays(parseDays(days.get())) : ChronoUnit.FOREVER.getDuration();
        report(hub.pruneCache(max, age, cli.flag("dry-run")), "nothing to prune");
    }

    private void report(CacheRemoval r, String whenNothing) {
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

    private static void noMoreWords(CliArgs cli, int expected) {
        if (cli.words().size() > expected) {
            throw new UsageException("jhub cache " + cli.words().get(0) + " takes no more words, got \""
                    + String.join(" ", cli.words().subList(expected, cli.words().size())) + "\"");
        }
    }
}
