package io.jhub.cli.internal;

import io.jhub.api.ConsoleProgress;
import io.jhub.api.ProgressListener;
import io.jhub.core.Hub;
import io.jhub.core.HubBuilder;
import io.jhub.core.Suggestions;
import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Runs one {@code jhub} command line: parses it against the option table, finds the command in the registry,
 * checks its options and words, builds the hub when the command needs one, and turns every failure into one line
 * on standard error and an exit status (0 success, 1 error, 2 wrong command line).
 */
public final class Cli {
    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;
    private InputStream stdin = InputStream.nullInputStream();
    private boolean interactive;

    /**
     * Creates a CLI that writes to the given streams and never asks questions.
     *
     * @param out where results go
     * @param err where progress and errors go
     * @param terminal whether {@code err} is a terminal (progress is drawn only then)
     */
    public Cli(PrintStream out, PrintStream err, boolean terminal) {
        this.out = out;
        this.err = err;
        this.terminal = terminal;
    }

    /**
     * Lets the CLI ask whether to trust an untrusted repository (see {@link TrustQuestion}), which it does only
     * when {@code interactive}: standard input and standard error are both terminals, as the launchers tell
     * through {@code JHUB_INTERACTIVE=1}.
     *
     * @param in where answers are read
     * @param isInteractive whether a person is there to answer
     * @return this CLI
     */
    public Cli interactive(InputStream in, boolean isInteractive) {
        this.stdin = in;
        this.interactive = isInteractive;
        return this;
    }

    /**
     * Runs a command line.
     *
     * @param args the arguments
     * @return the exit status: 0 success, 1 error, 2 usage error
     */
    public int run(String[] args) {
        boolean verbose = false;
        ConsoleProgress progress = null;
        Invocation in = null;
        try {
            CliArgs cli = CliArgs.parse(args);
            verbose = cli.flag("verbose");
            CliLoggerFinder.configure(verbose, cli.flag("quiet"));
            CliLoggerFinder.jdkLogs(CliSettings.jdkLogs(cli.settings()));
            Optional<Command> command = command(cli);
            if (command.isEmpty()) {
                out.print(Usage.global());
                return 0;
            }
            Command.Spec spec = command.get().spec();
            if (cli.flag("help")) {
                out.print(Usage.of(spec));
                return 0;
            }
            check(spec, cli);
            progress = terminal && !cli.flag("quiet") ? ConsoleProgress.create(err, true, ConsoleProgress.terminalWidth()) : null;
            ProgressListener listener = progress != null ? progress
                    : cli.flag("quiet") ? ProgressListener.NONE : ProgressListener.logging();
            ConsoleProgress shown = progress;
            // an anonymous class, not a lambda: linking one costs a fresh JVM milliseconds on every command
            in = new Invocation(cli, out, err, new Function<>() {
                @Override
                public Hub apply(Map<String, String> settings) {
                    return hub(cli, settings, listener, shown);
                }
            });
            if (!CliSettings.withoutOwn(cli.settings()).isEmpty()) {
                in.hub(); // checks the keys before the command does anything
            }
            command.get().run(in);
            return 0;
        } catch (UsageException e) {
            err.println("jhub: " + oneLine(e.getMessage()));
            return 2;
        } catch (RuntimeException | Error e) {
            if (progress != null) {
                progress.finish();
            }
            return CliErrors.report(e, verbose, in, err);
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
    }

    /** The command the words name; empty for {@code jhub --help} alone; a usage error for no or unknown words. */
    private static Optional<Command> command(CliArgs cli) {
        if (!cli.command().isEmpty()) {
            return Commands.byName(cli.command());
        }
        List<String> words = cli.words();
        if (words.isEmpty()) {
            if (cli.flag("version")) {
                return Commands.byName("version");
            }
            if (cli.flag("help")) {
                return Optional.empty();
            }
            throw new UsageException("no command given; jhub --help lists the commands");
        }
        String first = words.get(0);
        List<Command> group = Commands.group(first);
        if (!group.isEmpty()) {
            List<String> subs = group.stream().map(c -> c.spec().name().substring(first.length() + 1)).toList();
            if (words.size() == 1) {
                throw new UsageException(first + " needs one of: " + String.join(", ", subs)
                        + " (see jhub help " + first + ")");
            }
            throw new UsageException(first + " has no subcommand \"" + words.get(1) + "\""
                    + Suggestions.nearest(words.get(1), subs).map(s -> "; did you mean jhub " + first + " " + s + "?")
                    .orElse("; it takes " + String.join(", ", subs)));
        }
        throw new UsageException("unknown command \"" + first + "\""
                + Suggestions.nearest(first, Commands.firstWords()).map(s -> "; did you mean " + s + "?").orElse("")
                + " (see jhub --help)");
    }

    /** Refuses options the command does not take and too few or too many words. */
    private static void check(Command.Spec spec, CliArgs cli) {
        for (String option : cli.given()) {
            if (!spec.accepts(option) && !(option.equals("version") && spec.name().equals("version"))) {
                throw new UsageException(spec.name() + " does not take --" + option + " (see jhub "
                        + spec.name() + " --help)");
            }
        }
        if (cli.flag("trust") && cli.flag("no-trust")) {
            throw new UsageException("--trust and --no-trust contradict each other; give one");
        }
        int n = cli.words().size();
        if (n < spec.minWords()) {
            throw new UsageException(spec.name() + " needs " + spec.args() + " (see jhub " + spec.name()
                    + " --help)");
        }
        if (n > spec.maxWords()) {
            List<String> extra = cli.words().subList(spec.maxWords(), n);
            throw new UsageException(spec.name() + " takes " + (spec.maxWords() == 0 ? "no arguments"
                    : spec.args()) + "; unexpected: " + String.join(" ", extra) + " (see jhub " + spec.name()
                    + " --help)");
        }
    }

    /** Joins a multi-line message into one line: "a:\n b\n c" becomes "a: b; c". */
    static String oneLine(String message) {
        return message.strip().replaceAll(":\\s*\\R\\s*", ": ").replaceAll("\\s*\\R\\s*", "; ");
    }

    private Hub hub(CliArgs cli, Map<String, String> settings, ProgressListener progress, ConsoleProgress shown) {
        HubBuilder b = Hub.builder().progress(progress);
        // plain branches, not lambdas: this runs on every start (see RepoArgs.usage for the exit-2 rule)
        try {
            if (cli.option("cache-dir").isPresent()) {
                b.cacheDir(Path.of(cli.option("cache-dir").get()));
            }
            if (cli.option("host").isPresent()) {
                b.gitHost(cli.option("host").get());
            }
            if (cli.option("protocol").isPresent()) {
                b.protocol(cli.option("protocol").get());
            }
        } catch (IllegalArgumentException | io.jhub.api.InvalidGitHostException e) {
            throw new UsageException(e.getMessage());
        }
        if (cli.flag("offline")) {
            b.offline(true);
        }
        LockCommand.configure(b, cli);
        Map<String, String> forHub = CliSettings.withoutOwn(settings);
        for (Map.Entry<String, String> s : forHub.entrySet()) {
            b.setting(s.getKey(), s.getValue());
        }
        if (interactive && !cli.flag("trust") && !cli.flag("no-trust")) {
            b.trustPrompt(new TrustQuestion(new BufferedReader(new InputStreamReader(stdin, Charset.defaultCharset())),
                    err, () -> {
                        if (shown != null) {
                            shown.finish();
                        }
                    }));
        }
        Hub hub = b.build();
        CliSettings.check(forHub.keySet(), hub);
        return hub;
    }
}
