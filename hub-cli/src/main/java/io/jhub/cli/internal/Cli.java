package io.jhub.cli.internal;

import io.jhub.api.HubException;
import io.jhub.api.ProgressListener;
import io.jhub.core.Hub;
import io.jhub.core.HubBuilder;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Runs one {@code jhub} command line: parses it, builds the hub from the options, dispatches to the command,
 * and turns every failure into one line on standard error and an exit status.
 */
public final class Cli {
    static final String USAGE = """
            usage: jhub <command> [arguments] [options]

            commands:
              list  <repo-or-dir>                       list the entries of a hub repository
              help  <repo-or-dir> <entry>               show an entry's documentation
              load  <repo-or-dir> <entry> [args...] [--arg name=value]...
                                                        call an entry and print what it returns
              fetch <repo>                              fetch into the cache only; prints the tree's path last
              trust <repo>                              add a repository to the trusted list
              protocols                                 list the installed fetchers
              cache ls | cache rm <repo> | cache clean  show or empty the cache
              download <url> [--sha256 HEX] [--file-name NAME] [--connections N] [--allow-http]
                                                        download a file into the cache; prints its path
              lock <repo>... [--weights URL[=SHA256]]... [--lockfile F]
                                                        resolve, fetch and record commits and hashes in F
              verify [--lockfile F]                     re-hash what F records in the cache; exit 1 on a difference

            <repo> is owner/name[:ref]; a <repo-or-dir> naming an existing directory is a local repository.

            options:
              --host H[:port]     git host (default github.com, or JHUB_GIT_HOST)
              --protocol NAME     HTTPS (default), SSH, or another installed fetcher
              --commit SHA        pin a commit (full or abbreviated)
              --skip-validation   fetch a pinned commit even if no branch or tag of the repository reaches it
              --no-cache          fetch the tree again even if it is cached
              --offline           use no network at all (also JHUB_OFFLINE=1)
              --locked            use exactly what the lockfile records, no ref lookup (load, list, help, fetch,
                                  download); refuse anything else     --lockfile F   default ./jhub.lock
              --refresh P         when a branch is looked up again: always (default), never, or minutes
              --cache-dir DIR     cache directory (default JHUB_HOME, $XDG_CACHE_HOME/jhub, ~/.cache/jhub)
              --hubconf PATH      entry file relative to the repository root (default hubconf.java)
              --trust             trust the repository for this call and record it in the trusted list
              --set key=value     a fetcher or download setting, e.g. --set ssh.user=git
              --quiet             no progress output      --verbose   stack traces on errors
            """;

    private final PrintStream out;
    private final PrintStream err;
    private final boolean terminal;

    /**
     * Creates a CLI that writes to the given streams.
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
     * Runs a command line.
     *
     * @param args the arguments
     * @return the exit status: 0 success, 1 error, 2 usage error
     */
    public int run(String[] args) {
        boolean verbose = false;
        TerminalProgress progress = null;
        try {
            CliArgs cli = CliArgs.parse(args);
            verbose = cli.flag("verbose");
            CliLoggerFinder.configure(verbose, cli.flag("quiet"));
            if (cli.command().equals("help-usage") || (cli.flag("help") && !cli.command().equals("help"))) {
                out.print(USAGE);
                return 0;
            }
            progress = terminal && !cli.flag("quiet") ? new TerminalProgress(err) : null;
            ProgressListener listener = progress != null ? progress
                    : cli.flag("quiet") ? ProgressListener.NONE : new LoggedProgress();
            Hub hub = hub(cli, listener);
            new Commands(hub, out).run(cli);
            return 0;
        } catch (UsageException e) {
            err.println("jhub: " + e.getMessage());
            return 2;
        } catch (RuntimeException | Error e) {
            return fail(e, verbose, progress);
        } finally {
            if (progress != null) {
                progress.finish();
            }
        }
    }

    private int fail(Throwable e, boolean verbose, TerminalProgress progress) {
        if (progress != null) {
            progress.finish();
        }
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!(e instanceof HubException) && !(e instanceof IllegalArgumentException)) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        err.println("jhub: error: " + oneLine(message));
        if (verbose) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        return 1;
    }

    /** Joins a multi-line message into one line: "a:\n b\n c" becomes "a: b; c". */
    static String oneLine(String message) {
        return message.strip().replaceAll(":\\s*\\R\\s*", ": ").replaceAll("\\s*\\R\\s*", "; ");
    }

    private static Hub hub(CliArgs cli, ProgressListener progress) {
        HubBuilder b = Hub.builder().progress(progress);
        Optional<String> cacheDir = cli.option("cache-dir");
        Optional<String> host = cli.option("host");
        Optional<String> protocol = cli.option("protocol");
        if (cacheDir.isPresent()) {
            b.cacheDir(Path.of(cacheDir.get()));
        }
        if (host.isPresent()) {
            b.gitHost(host.get());
        }
        if (protocol.isPresent()) {
            b.protocol(protocol.get());
        }
        if (cli.flag("offline")) {
            b.offline(true);
        }
        for (Map.Entry<String, String> s : cli.settings().entrySet()) {
            b.setting(s.getKey(), s.getValue());
        }
        LockCommand.configure(b, cli);
        return b.build();
    }
}
