package io.jhub.fetch.https.internal;

import io.jhub.api.AuthenticationException;
import io.jhub.api.DownloadException;
import io.jhub.api.FetchException;
import io.jhub.api.GitHost;
import io.jhub.http.HttpReply;
import io.jhub.http.SafeUrls;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** Turns an unwanted HTTP answer into an exception whose message says what to do. */
public final class HttpErrors {
    private HttpErrors() {
    }

    /**
     * Builds the exception for a non-success reply.
     *
     * @param reply the reply
     * @param what what was asked for, e.g. {@code the archive of owner/repo at main}
     * @param host the git host
     * @param token the token that was meant for the request, if any
     * @return the exception to throw
     */
    public static FetchException forStatus(HttpReply reply, String what, GitHost host, Optional<Token> token) {
        int status = reply.status();
        URI uri = SafeUrls.withoutUserInfo(reply.uri());
        String shown = SafeUrls.forDisplay(reply.uri()); // a signed redirect target carries its secret in the query
        String tokenPart = token.isEmpty() ? "no token was given (" + Tokens.hint(host) + ")"
                : reply.credentialSent() ? "the token from " + token.get().source() + " was sent"
                : "the token from " + token.get().source() + " was NOT sent, because " + uri.getAuthority()
                        + " is not the host it belongs to (" + String.join(", ", token.get().authorities().stream()
                        .sorted().toList()) + ")";
        if (status == 404) {
            return new DownloadException(uri, 404, "Not found (HTTP 404) while getting " + what + " from "
                    + shown + ": the repository or the ref does not exist on " + host
                    + ", or the repository is private and " + (token.isEmpty() ? "no token was given ("
                    + Tokens.hint(host) + ")" : "the token from " + token.get().source() + " cannot see it") + ".",
                    null);
        }
        if (status == 401 || status == 403) {
            String rate = rateLimit(reply);
            return new AuthenticationException("Access denied (HTTP " + status + ") while getting " + what + " from "
                    + shown + ": " + tokenPart + "." + rate + (rate.isEmpty() ? token.isEmpty()
                    ? " Private repositories need a token; some hosts (GitHub) also answer this way for a repository"
                    + " that does not exist, so check its name too." : " Check that the token is valid, not expired, and"
                    + " may read this repository." : ""));
        }
        return new DownloadException(uri, status, "Unexpected HTTP " + status + " while getting " + what
                + " from " + shown + " (" + tokenPart + "). Check the host and the URL style settings"
                + " (https.style, https.urlTemplate).", null);
    }

    private static String rateLimit(HttpReply reply) {
        Optional<String> remaining = reply.header("X-RateLimit-Remaining");
        if (remaining.isEmpty() || !remaining.get().trim().equals("0")) {
            return "";
        }
        String when = "";
        try {
            Optional<String> reset = reply.header("X-RateLimit-Reset");
            if (reset.isPresent()) {
                Instant at = Instant.ofEpochSecond(Long.parseLong(reset.get().trim()));
                long minutes = Math.max(0, Duration.between(Instant.now(), at).toMinutes());
                when = " It resets at " + at + " (in about " + minutes + " min).";
            }
        } catch (NumberFormatException e) {
            // no usable reset time
        }
        return " The host's API rate limit is exhausted (X-RateLimit-Remaining: 0)." + when
                + " A token raises the limit; with a token, wait for the reset.";
    }
}
