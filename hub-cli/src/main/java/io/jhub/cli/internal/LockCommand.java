package io.jhub.cli.internal;

import io.jhub.core.Hub;
import io.jhub.core.HubBuilder;
import io.jhub.core.HubRepo;
import io.jhub.core.Lockfile;
import io.jhub.core.RefreshPolicy;
import io.jhub.http.download.DownloadOptions;
import java.io.PrintStream;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code jhub lock <repo>... [--weights URL[=SHA256]]... [--lockfile F]}: resolves and fetches each repository,
 * downloads each weights file, and writes their records into the lockfile (records of other repositories and
 * URLs stay). Also applies {@code --locked}, {@code --lockfile} and {@code --refresh} to the hub of every command.
 */
final class LockCommand {
    private final Hub hub;
    private final PrintStream out;

    LockCommand(Hub hub, PrintStream out) {
        this.hub = hub;
        this.out = out;
    }

    /** Applies the lock and refresh options; {@code lock} and {@code verify} themselves never run locked. */
    static void configure(HubBuilder b, CliArgs cli) {
        boolean ownCommand = cli.command().equals("lock") || cli.command().equals("verify");
        if (cli.flag("locked") && !ownCommand) {
            b.locked(true);
        }
        if (cli.option("lockfile").isPresent()) {
            b.lockFile(Path.of(cli.option("lockfile").get()));
        }
        if (cli.option("refresh").isPresent()) {
            try {
                b.refreshPolicy(RefreshPolicy.parse(cli.option("refresh").get()));
            } catch (IllegalArgumentException e) {
                throw new UsageException(e.getMessage());
            }
        }
    }

    /** {@code jhub fetch}: with {@code --verbose}, first the refresh policy (and the lockfile when locked). */
    static void fetch(Hub hub, HubRepo repo, CliArgs cli, PrintStream out) {
        if (cli.flag("verbose")) {
            out.println("refresh policy: " + hub.refreshPolicy() + " (" + RefreshPolicy.SETTING + ", --refresh)");
            hub.lockFile().ifPresent(f -> out.println("locked to: " + f));
        }
        out.println(repo.fetch());
    }

    static Path lockfilePath(CliArgs cli) {
        return Path.of(cli.option("lockfile").orElse(Lockfile.DEFAULT_NAME)).toAbsolutePath();
    }

    void run(CliArgs cli) {
        List<String> weights = cli.option("weights").map(w -> List.of(w.split("\n"))).orElse(List.of());
        if (cli.words().isEmpty() && weights.isEmpty()) {
            throw new UsageException("jhub lock needs at least one repository (owner/name[:ref]) or --weights URL");
        }
        Path file = lockfilePath(cli);
        List<Lockfile.Repo> repos = new ArrayList<>();
        for (String name : cli.words()) {
            HubRepo r = hub.repo(name);
            if (cli.option("commit").isPresent()) {
                r = r.commit(cli.option("commit").get());
            }
            r = r.useCache(!cli.flag("no-cache")).skipValidation(cli.flag("skip-validation"));
            repos.add(hub.lockRecord(r));
        }
        List<Lockfile.Weights> files = new ArrayList<>();
        for (String w : weights) {
            files.add(lockWeights(w));
        }
        // read as late as possible: a concurrent jhub lock that finished meanwhile keeps its other records
        Lockfile lock = Files.exists(file) ? Lockfile.read(file) : Lockfile.empty();
        for (Lockfile.Repo r : repos) {
            lock = lock.with(r);
            out.println(r.line());
        }
        for (Lockfile.Weights w : files) {
            lock = lock.with(w);
            out.println(w.line());
        }
        lock.write(file);
        out.println("wrote " + file);
    }

    /** {@code URL} or {@code URL=SHA256}; a URL may hold '=' itself, so only a 64-hex tail counts as a hash. */
    private Lockfile.Weights lockWeights(String spec) {
        String url = spec;
        DownloadOptions.Builder o = DownloadOptions.builder();
        int eq = spec.lastIndexOf('=');
        if (eq > 0 && spec.substring(eq + 1).matches("[0-9a-fA-F]{64}")) {
            url = spec.substring(0, eq);
            o.sha256(spec.substring(eq + 1));
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new UsageException("--weights \"" + url + "\" is not a valid URL: " + e.getMessage());
        }
        return hub.lockRecord(uri, o.build());
    }
}
