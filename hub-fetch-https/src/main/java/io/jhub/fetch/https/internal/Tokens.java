package io.jhub.fetch.https.internal;

import io.jhub.api.GitHost;
import io.jhub.api.InvalidGitHostException;
import io.jhub.api.FetchException;
import io.jhub.api.spi.FetchContext;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Finds the token of a git host, bound to the exact authorities it belongs to (see {@link Token}), in this order:
 * the setting {@code https.token.<host[:port]>} (what the builder sets), the environment variable
 * {@link #envName(GitHost)}, then {@code GITHUB_TOKEN} for github.com only, or {@code GITLAB_TOKEN} for gitlab.com
 * and the hosts listed in the setting {@value #GITLAB_HOSTS}. A token of github.com also goes to its API host
 * api.github.com; any other token goes to its own host and port only (a GitHub Enterprise API under
 * {@code <host>/api/v3} is the same host).
 */
public final class Tokens {
    /** The setting listing further GitLab hosts ({@code host} or {@code host:port}, comma separated). */
    public static final String GITLAB_HOSTS = "https.gitlabHosts";
    private static final System.Logger LOG = System.getLogger(Tokens.class.getName());
    private static final Set<String> WARNED = ConcurrentHashMap.newKeySet();

    private Tokens() {
    }

    /**
     * Returns the environment variable name of the token for a host: {@code JHUB_TOKEN_} followed by the host
     * (and {@code :port} unless 443) in upper case, with every character other than {@code A-Z} and {@code 0-9}
     * written as {@code _} and its two hex digits. Two hosts never share a name.
     *
     * @param host the host, with its port if any
     * @return e.g. {@code JHUB_TOKEN_GIT_2EEXAMPLE_2EORG_3A8443} for {@code git.example.org:8443}
     */
    public static String envName(GitHost host) {
        StringBuilder b = new StringBuilder("JHUB_TOKEN_");
        for (char c : Authority.of(host).toUpperCase(Locale.ROOT).toCharArray()) {
            if (c >= 'A' && c <= 'Z' || c >= '0' && c <= '9') {
                b.append(c);
            } else {
                b.append('_').append(HexFormat.of().withUpperCase().toHexDigits((byte) c));
            }
        }
        return b.toString();
    }

    /**
     * Finds the token for a host.
     *
     * @param ctx the context with settings and environment
     * @param host the git host
     * @return the token with its source and authorities, if any
     * @throws FetchException if the setting {@value #GITLAB_HOSTS} names a malformed host
     */
    public static Optional<Token> forHost(FetchContext ctx, GitHost host) {
        String authority = Authority.of(host);
        Set<String> scope = authority.equals("github.com") ? Set.of("github.com", "api.github.com")
                : Set.of(authority);
        String key = "https.token." + authority;
        Optional<Token> t = ctx.setting(key).or(() -> ctx.setting("https.token." + host))
                .filter(v -> !v.isBlank()).map(v -> new Token(v.trim(), "setting " + key, scope));
        if (t.isPresent()) {
            return t;
        }
        String env = envName(host);
        t = ctx.env(env).filter(v -> !v.isBlank()).map(v -> new Token(v.trim(), "environment variable " + env, scope));
        if (t.isPresent()) {
            return t;
        }
        warnAboutOldName(ctx, host, env);
        if (authority.equals("github.com")) {
            return ctx.env("GITHUB_TOKEN").filter(v -> !v.isBlank())
                    .map(v -> new Token(v.trim(), "environment variable GITHUB_TOKEN", scope));
        }
        if (isGitLab(ctx, host)) {
            return ctx.env("GITLAB_TOKEN").filter(v -> !v.isBlank())
                    .map(v -> new Token(v.trim(), "environment variable GITLAB_TOKEN", scope));
        }
        return Optional.empty();
    }

    /**
     * Tells whether {@code GITLAB_TOKEN} belongs to a host: gitlab.com, or a host listed in {@value #GITLAB_HOSTS}.
     *
     * @param ctx the settings
     * @param host the git host
     * @return true for gitlab.com and the listed hosts (exact host and port)
     * @throws FetchException if the setting names a malformed host
     */
    public static boolean isGitLab(FetchContext ctx, GitHost host) {
        String authority = Authority.of(host);
        if (authority.equals("gitlab.com")) {
            return true;
        }
        String list = ctx.setting(GITLAB_HOSTS).orElse("");
        return Arrays.stream(list.split(",")).map(String::trim).filter(s -> !s.isEmpty())
                .anyMatch(s -> Authority.of(parseListed(s, list)).equals(authority));
    }

    /**
     * Names where a token for this host could be given, for error messages.
     *
     * @param host the git host
     * @return a short hint
     */
    public static String hint(GitHost host) {
        String authority = Authority.of(host);
        String specific = authority.equals("github.com") ? "GITHUB_TOKEN, "
                : authority.equals("gitlab.com") ? "GITLAB_TOKEN, "
                : authority.contains("gitlab") ? "GITLAB_TOKEN with the setting " + GITLAB_HOSTS + "=" + authority
                        + ", " : "";
        return "set " + specific + envName(host) + " or the setting https.token." + authority;
    }

    private static GitHost parseListed(String entry, String list) {
        try {
            return GitHost.parse(entry);
        } catch (InvalidGitHostException e) {
            throw new FetchException("Invalid setting " + GITLAB_HOSTS + "=\"" + list + "\": \"" + entry
                    + "\" is not a host or host:port (" + e.getMessage() + ").", e);
        }
    }

    /** The old variable name (every other character as {@code _}) could name several hosts: it is not read. */
    private static void warnAboutOldName(FetchContext ctx, GitHost host, String env) {
        String old = "JHUB_TOKEN_" + host.toString().toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
        if (!old.equals(env) && ctx.env(old).isPresent() && WARNED.add(old)) {
            LOG.log(System.Logger.Level.WARNING, "The environment variable {0} is no longer read, because that"
                    + " form could name several hosts. If it holds the token of {1}, rename it to {2}.", old, host,
                    env);
        }
    }
}
