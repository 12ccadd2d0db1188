package io.jhub.fetch.ssh.internal;

import io.jhub.api.RefNotFoundException;
import io.jhub.git.wire.RefAdvertisement;
import io.jhub.git.wire.ReachabilityProbe;
import java.io.IOException;

/**
 * Checks over SSH that a pinned commit is reachable from a branch or tag. A ref tip passes at once. Otherwise, as
 * protocol v2 serves any object the server holds, a second, v0 conversation asks the server with
 * {@link ReachabilityProbe} when it advertises {@code allow-reachable-sha1-in-want}; a v0 server without it only
 * hands out tips, so it cannot tell, and a warning says so.
 */
public final class SshCommitCheck {
    private static final System.Logger LOG = System.getLogger(SshCommitCheck.class.getName());

    private SshCommitCheck() {
    }

    /**
     * Checks a commit.
     *
     * @param refs the repository's refs from the first conversation
     * @param settings how to open a second connection
     * @param commit the full commit id
     * @throws RefNotFoundException if the server says no branch or tag reaches the commit
     * @throws IOException if the second conversation fails
     */
    public static void check(RefAdvertisement refs, SshSettings settings, String commit) throws IOException {
        boolean tip = refs.refs().stream().anyMatch(r -> r.commitId().equals(commit)
                || r.objectId().equals(commit));
        if (tip) {
            return;
        }
        try (SshConnection c = SshConnection.open(settings, false)) {
            UploadPack up = UploadPack.start(c.in(), c.out());
            if (!up.checksReachability()) {
                LOG.log(System.Logger.Level.WARNING, "Commit {0} of {1} is no branch or tag tip, and the server"
                        + " does not offer to check reachability (allow-reachable-sha1-in-want); using it unchecked.",
                        commit, settings.where());
                return;
            }
            ReachabilityProbe.Answer answer = up.probe(commit);
            if (!answer.reachable()) {
                throw refusal(commit, settings.where(), answer.refusal().orElse(""));
            }
        }
    }

    /**
     * The error for a commit the server refused.
     *
     * @param commit the commit
     * @param where the repository
     * @param serverSaid the server's text
     * @return the exception to throw
     */
    public static RefNotFoundException refusal(String commit, String where, String serverSaid) {
        return new RefNotFoundException("Commit " + commit + " is not reachable from any branch or tag of " + where
                + " (the server said: " + serverSaid + "). It may belong to a fork or a deleted branch, or not"
                + " exist there; jhub refuses it rather than run code the repository's owner never published. If"
                + " you mean this commit, skip the check: hub.repo(...).skipValidation(true), or"
                + " --skip-validation.");
    }
}
