package io.jhub.cli.internal;

import io.jhub.api.DownloadException;
import io.jhub.api.GitHost;
import io.jhub.api.HostUnreachableException;
import io.jhub.api.HubException;
import io.jhub.api.RepoInfo;
import io.jhub.api.UntrustedRepoException;
import io.jhub.core.CachedRepo;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Optional;

/**
 * Turns a failure into the command's one line on standard error (exit status 1), worded for people at the
 * command line: the exact {@code jhub} command a hint suggests, never a Java call; with {@code --verbose} the
 * stack trace follows.
 */
final class CliErrors {
    private CliErrors() {
    }

    static int report(Throwable e, boolean verbose, Invocation in, PrintStream err) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        if (!(e instanceof HubException) && !(e instanceof IllegalArgumentException)) {
            message = e.getClass().getSimpleName() + ": " + message;
        }
        if (e instanceof UntrustedRepoException u && u.repo().isPresent() && u.host().isPresent() && in != null) {
            message = untrusted(u.repo().get(), u.host().get(), in);
        } else if (isNetworkFailure(e) && in != null) {
            message = message + offlineHint(in);
        }
        err.println("jhub: error: " + Cli.oneLine(message));
        if (verbose) {
            StringWriter trace = new StringWriter();
            e.printStackTrace(new PrintWriter(trace));
            err.print(trace);
        }
        return 1;
    }

    /** The untrusted-repository message with the command that trusts it exactly where it was loaded from. */
    static String untrusted(String repo, String host, Invocation in) {
        // the hub's default host is --host's when given; jhub trust without --host would use the other default
        boolean defaultHost = GitHost.parse(host).equals(in.hub().defaultHost()) && in.args().option("host").isEmpty();
        return "Repository " + repo + " on " + host + " is not trusted, so jhub will not compile or run its code."
                + " Review it, then run again with --trust, or add it to the trusted list once: jhub trust " + repo
                + (defaultHost ? "" : " --host " + host) + " (the list is " + in.hub().trustedListFile() + ").";
    }

    private static boolean isNetworkFailure(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof HostUnreachableException
                    || t instanceof DownloadException d && d.status().isEmpty() && !(e instanceof UntrustedRepoException)) {
                return true;
            }
        }
        return false;
    }

    /** " N commits of owner/name are cached: run again with --offline to use them." when that is so. */
    private static String offlineHint(Invocation in) {
        Optional<RepoInfo> repo = in.remoteRepo();
        Optional<GitHost> host = in.remoteHost();
        if (repo.isEmpty() || host.isEmpty() || !in.hubBuilt() || in.args().flag("offline")) {
            return "";
        }
        // as the cache names a host's directory: IPv6 colons as '-', a port after '@'
        String key = host.get().host().replace(':', '-') + host.get().port().stream().mapToObj(p -> "@" + p)
                .findFirst().orElse("") + "/" + repo.get().path();
        for (CachedRepo r : in.hub().cachedRepos()) {
            if (r.key().equals(key) && !r.commits().isEmpty()) {
                return " " + r.commits().size() + (r.commits().size() == 1 ? " commit" : " commits") + " of "
                        + repo.get().path() + " " + (r.commits().size() == 1 ? "is" : "are") + " cached: run again"
                        + " with --offline to use " + (r.commits().size() == 1 ? "it" : "the last resolved one")
                        + " (or pin one with --commit).";
            }
        }
        return "";
    }
}
