package io.jhub.cli.internal;

import io.jhub.core.Hub;
import io.jhub.core.HubBuilder;
import io.jhub.core.Lockfile;
import io.jhub.core.RefreshPolicy;
import io.jhub.http.download.DownloadOptions;
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
final class LockCommand implements Command {
    private static final Spec SPEC = new Spec("lock", "[<repo>...] [--weights URL[=SHA256]]...",
            "record commits, tree hashes and weights hashes in the lockfile",
            List.of("host", "protocol", "commit", "skip-validation", "no-cache", "offline", "weights", "lockfile"),
            0, Integer.MAX_VALUE, """
            Each repository's ref is asked on the remote (whatever the refresh policy says) and its tree
            fetched and hashed; each weights URL is downloaded and hashed. Other records in the lockfile stay.
            Commands in locked mode (load, list, help, fetch, download) then use exactly these records.""");

    @Override
    public Spec spec() {
        return SPEC;
    }

    /** Applies the lock and refresh options to the hub of any command that takes them. */
    static void configure(HubBuilder b, CliArgs cli) {
        if (cli.flag("locked")) {
            b.locked(true);
        }
        if (cli.option("lockfile").isPresent()) {
            b.lockFile(Path.of(cli.option("lockfile").get()));
        }
        if (cli.option("refresh").isPresent()) {
            b.refreshPolicy(RepoArgs.usage(() -> RefreshPolicy.parse(cli.option("refresh").get())));
        }
    }

    static Path lockfilePath(CliArgs cli) {
        return Path.of(cli.option("lockfile").orElse(Lockfile.DEFAULT_NAME)).toAbsolutePath();
    }

    @Override
    public void run(Invocation in) {
        CliArgs cli = in.args();
        List<String> weights = cli.all("weights");
        if (cli.words().isEmpty() && weights.isEmpty()) {
            throw new UsageException("jhub lock needs at least one repository (owner/name[:ref]) or --weights URL"
                    + " (see jhub lock --help)");
        }
        Hub hub = in.hub();
        Path file = lockfilePath(cli);
        List<Lockfile.Repo> repos = new ArrayList<>();
        for (int i = 0; i < cli.words().size(); i++) {
            repos.add(hub.lockRecord(RepoArgs.repo(in, i)));
        }
        List<Lockfile.Weights> files = new ArrayList<>();
        for (String w : weights) {
            files.add(lockWeights(hub, w));
        }
        // read as late as possible: a concurrent jhub lock that finished meanwhile keeps its other records
        Lockfile lock = Files.exists(file) ? Lockfile.read(file) : Lockfile.empty();
        for (Lockfile.Repo r : repos) {
            lock = lock.with(r);
            in.out().println(r.line());
        }
        for (Lockfile.Weights w : files) {
            lock = lock.with(w);
            in.out().println(w.line());
        }
        lock.write(file);
        in.out().println("wrote " + file);
    }

    /** {@code URL} or {@code URL=SHA256}; a URL may hold '=' itself, so only a 64-hex tail counts as a hash. */
    private static Lockfile.Weights lockWeights(Hub hub, String spec) {
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
