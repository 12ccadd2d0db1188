package io.jhub.fetch.https.internal;

import io.jhub.api.GitHost;
import io.jhub.api.spi.FetchContext;
import java.util.Locale;
import java.util.Optional;

/**
 * Finds the token for a host: the setting {@code https.token.<host>} (what the builder sets), then
 * {@code JHUB_TOKEN_<HOST>}, then {@code GITHUB_TOKEN} (github.com only) or {@code GITLAB_TOKEN} (hosts whose name
 * contains {@code gitlab}).
 */
public final class Tokens {
    private Tokens() {
    }

    /**
     * Returns the environment variable name of the generic token for a host.
     *
     * @param host the host, with its port if any
     * @return e.g. {@code JHUB_TOKEN_GIT_EXAMPLE_ORG_8443} for {@code git.example.org:8443}
     */
    public static String envName(GitHost host) {
        return "JHUB_TOKEN_" + host.toString().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
    }

    /**
     * Finds the token for a host.
     *
     * @param ctx the context with settings and environment
     * @param host the git host
     * @return the token and its source, if any
     */
    public static Optional<Token> forHost(FetchContext ctx, GitHost host) {
        String key = "https.token." + host;
        Optional<Token> t = ctx.setting(key).filter(v -> !v.isBlank()).map(v -> new Token(v.trim(), "setting " + key));
        if (t.isPresent()) {
            return t;
        }
        String env = envName(host);
        t = ctx.env(env).filter(v -> !v.isBlank()).map(v -> new Token(v.trim(), "environment variable " + env));
        if (t.isPresent()) {
            return t;
        }
        if (host.host().equals("github.com") || host.host().equals("api.github.com")) {
            return ctx.env("GITHUB_TOKEN").filter(v -> !v.isBlank())
                    .map(v -> new Token(v.trim(), "environment variable GITHUB_TOKEN"));
        }
        if (host.host().contains("gitlab")) {
            return ctx.env("GITLAB_TOKEN").filter(v -> !v.isBlank())
                    .map(v -> new Token(v.trim(), "environment variable GITLAB_TOKEN"));
        }
        return Optional.empty();
    }

    /**
     * Names where a token for this host could be given, for error messages.
     *
     * @param host the git host
     * @return a short hint
     */
    public static String hint(GitHost host) {
        String specific = host.host().equals("github.com") ? "GITHUB_TOKEN, "
                : host.host().contains("gitlab") ? "GITLAB_TOKEN, " : "";
        return "set " + specific + envName(host) + " or the setting https.token." + host;
    }
}
