package io.jhub.fetch.https.internal;

import io.jhub.api.GitHost;
import io.jhub.api.RefNotFoundException;
import io.jhub.api.RepoInfo;
import io.jhub.git.wire.PktLineReader;
import io.jhub.git.wire.ReachabilityProbe;
import io.jhub.http.HttpCall;
import io.jhub.http.HttpEngine;
import java.net.URI;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks that a pinned commit is reachable from a branch or tag of the repository before its archive is fetched,
 * with one small smart-HTTP request ({@link ReachabilityProbe}); hosts such as GitHub serve the archives of fork
 * commits under the parent repository's URL.
 */
public final class CommitCheck {
    private static final System.Logger LOG = System.getLogger(CommitCheck.class.getName());

    private CommitCheck() {
    }

    /**
     * Checks a commit.
     *
     * @param engine the HTTP engine
     * @param git the repository's smart-HTTP URL and credential
     * @param settings the host's settings
     * @param host the git host
     * @param repo the repository
     * @param token the token, for messages
     * @param commit the full commit id
     * @throws RefNotFoundException if the server says no branch or tag reaches the commit
     * @throws io.jhub.api.AuthenticationException on 401/403
     */
    public static void check(HttpEngine engine, ArchiveUrls.Target git, HttpsSettings settings, GitHost host,
            RepoInfo repo, Optional<Token> token, String commit) {
        String where = repo.path() + " on " + host;
        if (!settings.smartHttp()) {
            warn(commit, where, "the setting https.smartHttp is false");
            return;
        }
        URI post = URI.create(git.uri() + "/git-upload-pack");
        HttpCall call = HttpCall.post(post, "application/x-git-upload-pack-request", ReachabilityProbe.request(commit))
                .header("Accept", "application/x-git-upload-pack-result");
        call = git.credential().map(call::credential).orElse(call);
        Optional<ReachabilityProbe.Answer> answer = engine.send(call, reply -> {
            if (reply.status() == 401 || reply.status() == 403) {
                throw HttpErrors.forStatus(reply, "the refs of " + where, host, token);
            }
            String type = reply.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (reply.status() != 200 || !type.startsWith("application/x-git-upload-pack-result")) {
                return Optional.empty();
            }
            return Optional.of(ReachabilityProbe.read(new PktLineReader(reply.body())));
        });
        if (answer.isEmpty()) {
            warn(commit, where, "the host offers no smart-HTTP git service at " + git.uri());
        } else if (!answer.get().reachable()) {
            throw new RefNotFoundException("Commit " + commit + " is not reachable from any branch or tag of "
                    + where + " (the server said: " + answer.get().refusal().orElse("") + "). It may belong to a"
                    + " fork or a deleted branch, which some hosts serve under this repository's name anyway, so"
                    + " jhub refuses it rather than run code the repository's owner never published. If you mean"
                    + " this commit, skip the check: hub.repo(...).skipValidation(true), or --skip-validation.");
        }
    }

    private static void warn(String commit, String where, String why) {
        LOG.log(System.Logger.Level.WARNING, "Commit {0} of {1} could not be checked against the repository''s"
                + " branches and tags ({2}); using it unchecked.", commit, where, why);
    }
}
