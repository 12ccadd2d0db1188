package io.jhub.fetch.https.internal;

import io.jhub.api.GitHost;
import io.jhub.api.GitProtocolException;
import io.jhub.git.wire.PktLineReader;
import io.jhub.git.wire.PktLineWriter;
import io.jhub.git.wire.RefAdvertisement;
import io.jhub.http.HttpCall;
import io.jhub.http.HttpEngine;
import io.jhub.http.SafeUrls;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Asks a host for a repository's refs through git's smart-HTTP protocol: {@code info/refs} (v0, or v2
 * capabilities followed by an {@code ls-refs} POST). When the repository's v2 capabilities are remembered from an
 * earlier lookup (in this process, or in the state directory by an earlier process), the {@code ls-refs} POST goes
 * out alone: one request instead of two.
 */
public final class SmartHttpRefs {
    private static final System.Logger LOG = System.getLogger(SmartHttpRefs.class.getName());
    private static final String AGENT = "jhub/0.1";

    private SmartHttpRefs() {
    }

    /**
     * Fetches the advertisement, with a single {@code ls-refs} POST when {@code known} holds the repository's v2
     * capabilities; any other answer to that POST than the refs makes it forget them and ask {@code info/refs}.
     *
     * @param engine the HTTP engine
     * @param git the repository URL and the token header for git
     * @param host the git host, for messages
     * @param token the token, for messages
     * @param where the repository, for messages
     * @param known the capabilities seen before, updated by this lookup
     * @param state the fetcher's state directory where {@code known} also keeps them, if the hub offers one
     * @return the refs, or empty when the host does not speak smart-HTTP for this URL (404, other content)
     * @throws io.jhub.api.AuthenticationException on 401/403 (of {@code info/refs}, or of the {@code ls-refs} that
     *         follows it; a refused direct POST goes back to {@code info/refs}, whose answer decides)
     * @throws io.jhub.api.DownloadException on connection failures after retries
     */
    public static Optional<RefAdvertisement> discover(HttpEngine engine, ArchiveUrls.Target git, GitHost host,
            Optional<Token> token, String where, V2Capabilities known, Optional<Path> state) {
        Optional<RefAdvertisement> remembered = known.get(git.uri(), state);
        if (remembered.isPresent()) {
            Optional<RefAdvertisement> direct = lsRefs(engine, git, remembered.get(), token, false, host, where);
            if (direct.isPresent()) {
                return direct;
            }
            LOG.log(System.Logger.Level.DEBUG, "ls-refs without info/refs refused at {0}; asking info/refs",
                    SafeUrls.forDisplay(git.uri()));
            known.forget(git.uri(), state);
        }
        URI infoRefs = URI.create(git.uri() + "/info/refs?service=git-upload-pack");
        HttpCall call = withAuth(HttpCall.get(infoRefs).header("Git-Protocol", "version=2"), git, token);
        Optional<RefAdvertisement> adv = engine.send(call, reply -> {
            if (reply.status() == 401 || reply.status() == 403) {
                throw HttpErrors.forStatus(reply, "the refs of " + where, host, token);
            }
            String type = reply.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (reply.status() != 200 || !type.startsWith("application/x-git-upload-pack-advertisement")) {
                LOG.log(System.Logger.Level.DEBUG, "no smart-HTTP at {0} (HTTP {1}, {2})",
                        SafeUrls.forDisplay(infoRefs), reply.status(), type);
                return Optional.empty();
            }
            return Optional.of(RefAdvertisement.readSmartHttp(new PktLineReader(reply.body())));
        });
        if (adv.isEmpty() || adv.get().version() != 2) {
            return adv;
        }
        known.put(git.uri(), adv.get(), state);
        return lsRefs(engine, git, adv.get(), token, true, host, where);
    }

    /** The {@code ls-refs} POST; a reply other than 200 is an error when {@code strict}, else empty. */
    private static Optional<RefAdvertisement> lsRefs(HttpEngine engine, ArchiveUrls.Target git,
            RefAdvertisement caps, Optional<Token> token, boolean strict, GitHost host, String where) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        try {
            PktLineWriter w = new PktLineWriter(body);
            caps.writeLsRefs(w, AGENT, List.of("HEAD", "refs/heads/", "refs/tags/"));
            w.flushStream();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        URI post = URI.create(git.uri() + "/git-upload-pack");
        HttpCall ls = withAuth(HttpCall.post(post, "application/x-git-upload-pack-request", body.toByteArray())
                .header("Git-Protocol", "version=2").header("Accept", "application/x-git-upload-pack-result"),
                git, token);
        return engine.send(ls, reply -> {
            if (strict && reply.status() != 200) {
                throw HttpErrors.forStatus(reply, "the refs of " + where + " (ls-refs)", host, token);
            }
            if (strict) {
                return Optional.of(caps.withLsRefs(new PktLineReader(reply.body())));
            }
            String type = reply.header("Content-Type").orElse("").toLowerCase(Locale.ROOT);
            if (reply.status() != 200 || !type.startsWith("application/x-git-upload-pack-result")) {
                return Optional.empty();
            }
            try {
                return Optional.of(caps.withLsRefs(new PktLineReader(reply.body())));
            } catch (GitProtocolException e) {
                LOG.log(System.Logger.Level.DEBUG, "ls-refs without info/refs: {0}", e.getMessage());
                return Optional.empty();
            }
        });
    }

    private static HttpCall withAuth(HttpCall call, ArchiveUrls.Target target, Optional<Token> token) {
        return target.credential().map(call::credential).orElse(call);
    }

    /**
     * Attaches the token header of a target to a call, scoped to the target's authority.
     *
     * @param call the call
     * @param target the URL and header
     * @param token the token, for its source name
     * @return the call with its credential
     */
    public static HttpCall authorised(HttpCall call, ArchiveUrls.Target target, Optional<Token> token) {
        return withAuth(call, target, token);
    }
}
