package io.jhub.cli.internal;

import io.jhub.api.GitHost;
import io.jhub.api.HubException;
import io.jhub.api.InvalidRepoException;
import io.jhub.core.HubRepo;
import io.jhub.core.RepoSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Turns a {@code <repo-or-dir>} word and the repository options into a {@link HubRepo}. A malformed repository,
 * host, protocol or commit is a wrong command line (exit 2); a path that is no directory is an error (exit 1).
 */
final class RepoArgs {
    private RepoArgs() {
    }

    static HubRepo repo(Invocation in, int index) {
        CliArgs cli = in.args();
        String name = cli.word(index, "a repository (owner/name[:ref], an https:// or git@ URL) or a directory");
        Path dir = Path.of(name);
        if (Files.isDirectory(dir)) {
            return options(in, in.hub().repo(dir));
        }
        if (looksLikePath(name)) {
            throw new InvalidRepoException("No directory \"" + name + "\"" + (Files.exists(dir) ? " (it is a file)"
                    : "") + ": a local repository is a directory that holds hubconf.java; a remote one is"
                    + " owner/name[:ref], such as pytorch/vision:main.");
        }
        RepoSpec spec = spec(in, name);
        HubRepo r;
        try {
            r = in.hub().repo(spec);
        } catch (InvalidRepoException e) {
            throw new UsageException(e.getMessage());
        }
        GitHost host = spec.host().isPresent() ? spec.host().get() : in.hub().defaultHost(); // --host is the default
        in.remote(host, spec.repo());
        return options(in, r);
    }

    /**
     * Parses a remote repository word; the host or protocol it names must agree with {@code --host} and
     * {@code --protocol}; an SSH user it names becomes the {@code ssh.user} setting.
     */
    static RepoSpec spec(Invocation in, String text) {
        CliArgs cli = in.args();
        RepoSpec spec;
        try {
            spec = RepoSpec.parse(text);
        } catch (InvalidRepoException e) {
            throw new UsageException(e.getMessage());
        }
        Optional<String> host = cli.option("host");
        if (spec.host().isPresent() && host.isPresent()
                && !usage(() -> GitHost.parse(host.get())).equals(spec.host().get())) {
            throw new UsageException("\"" + text + "\" names the host " + spec.host().get() + " but --host says "
                    + host.get() + "; give one of them");
        }
        Optional<String> protocol = cli.option("protocol");
        if (spec.protocol().isPresent() && protocol.isPresent()
                && !protocol.get().equalsIgnoreCase(spec.protocol().get())) {
            throw new UsageException("\"" + text + "\" is an " + spec.protocol().get() + " address but --protocol"
                    + " says " + protocol.get() + "; give one of them");
        }
        if (spec.user().isPresent()) {
            String given = cli.settings().get("ssh.user");
            if (given != null && !given.equals(spec.user().get())) {
                throw new UsageException("\"" + text + "\" names the SSH user " + spec.user().get() + " but --set"
                        + " ssh.user=" + given + " says otherwise; give one of them");
            }
            if (!in.hubBuilt()) {
                in.impliedSetting("ssh.user", spec.user().get());
            }
        }
        return spec;
    }

    private static HubRepo options(Invocation in, HubRepo repo) {
        CliArgs cli = in.args();
        HubRepo r = repo;
        if (cli.option("host").isPresent()) {
            String h = cli.option("host").get();
            r = usage(() -> repo.gitHost(h));
        }
        if (cli.option("protocol").isPresent()) {
            HubRepo before = r;
            r = usage(() -> before.protocol(cli.option("protocol").get()));
        }
        if (cli.option("commit").isPresent()) {
            HubRepo before = r;
            r = usage(() -> before.commit(cli.option("commit").get()));
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

    /** Runs a parse step; its malformed-input failure becomes a usage error (exit 2) with the same message. */
    static <T> T usage(java.util.function.Supplier<T> step) {
        try {
            return step.get();
        } catch (InvalidRepoException | io.jhub.api.InvalidGitHostException e) {
            throw new UsageException(e.getMessage());
        } catch (IllegalArgumentException e) {
            throw new UsageException(e.getMessage());
        } catch (HubException e) {
            throw e;
        }
    }

    /** A name no owner/name could be: a path (absolute, relative to . or .., or to the home directory). */
    static boolean looksLikePath(String name) {
        return name.equals(".") || name.equals("..") || name.startsWith("/") || name.startsWith("./")
                || name.startsWith("../") || name.startsWith("~") || name.indexOf('\\') >= 0;
    }
}
