package io.jhub.fetch.https.internal;

import io.jhub.api.FetchException;
import io.jhub.api.GitHost;
import io.jhub.api.RepoInfo;
import io.jhub.http.Credential;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import java.util.function.Function;

/**
 * Builds the archive and smart-HTTP URLs of a repository, and the header a token travels in for each.
 */
public final class ArchiveUrls {
    private ArchiveUrls() {
    }

    /**
     * An URL and, when a token belongs to its authority, the credential that carries it.
     *
     * @param uri the URL
     * @param credential the token's header, bound to the URL's authority; empty when there is no token or the URL
     *        goes to another host or port than the token's (e.g. an {@code https.urlTemplate} naming another host)
     */
    public record Target(URI uri, Optional<Credential> credential) {
        static Target of(String url, Optional<Token> token, String headerName, Function<Token, String> value) {
            URI u = ArchiveUrls.uri(url);
            return new Target(u, token.flatMap(t -> t.credential(u, headerName, value.apply(t))));
        }
    }

    /**
     * Returns the archive URL for a revision.
     *
     * @param settings the host's settings
     * @param host the git host
     * @param repo the repository
     * @param revision a commit id, a ref, or {@code HEAD} for the default branch
     * @param token the token, if any; with a token GitHub and GitLab styles use their APIs
     * @return the URL and auth header
     */
    public static Target archive(HttpsSettings settings, GitHost host, RepoInfo repo, String revision,
            Optional<Token> token) {
        String fmt = settings.format();
        String o = path(repo.owner());
        String r = path(repo.name());
        String rev = path(revision);
        String base = "https://" + host;
        switch (settings.style()) {
            case GITHUB: {
                if (token.isEmpty()) {
                    return new Target(uri(base + "/" + o + "/" + r + "/archive/" + rev + "." + fmt),
                            Optional.empty());
                }
                String api = host.host().equals("github.com") ? "https://api.github.com" : base + "/api/v3";
                String kind = fmt.equals("zip") ? "zipball" : "tarball";
                String ref = revision.equals("HEAD") ? "" : "/" + rev;
                return Target.of(api + "/repos/" + o + "/" + r + "/" + kind + ref, token, "Authorization",
                        t -> "Bearer " + t.value());
            }
            case GITLAB: {
                if (token.isEmpty()) {
                    String file = r + "-" + path(revision.replace('/', '-')) + "." + fmt;
                    return new Target(uri(base + "/" + o + "/" + r + "/-/archive/" + rev + "/" + file),
                            Optional.empty());
                }
                String id = URLEncoder.encode(repo.path(), StandardCharsets.UTF_8);
                String sha = revision.equals("HEAD") ? "" : "?sha=" + URLEncoder.encode(revision, StandardCharsets.UTF_8);
                return Target.of(base + "/api/v4/projects/" + id + "/repository/archive." + fmt + sha, token,
                        "PRIVATE-TOKEN", Token::value);
            }
            default: {
                String url = fill(settings.urlTemplate().orElseThrow(), host, repo, revision, fmt);
                return Target.of(url, token, "Authorization", t -> "Bearer " + t.value());
            }
        }
    }

    /**
     * Returns the smart-HTTP repository URL (without {@code /info/refs}) and the Basic auth header for git.
     *
     * @param settings the host's settings
     * @param host the git host
     * @param repo the repository
     * @param token the token, if any
     * @return the URL and auth header
     */
    public static Target git(HttpsSettings settings, GitHost host, RepoInfo repo, Optional<Token> token) {
        String url = fill(settings.gitUrlTemplate(), host, repo, "HEAD", settings.format());
        while (url.endsWith("/")) {
            url = url.substring(0, url.length() - 1);
        }
        String user = settings.style() == UrlStyle.GITLAB ? "oauth2" : "x-access-token";
        return Target.of(url, token, "Authorization", t -> "Basic " + Base64.getEncoder()
                .encodeToString((user + ":" + t.value()).getBytes(StandardCharsets.UTF_8)));
    }

    static String fill(String template, GitHost host, RepoInfo repo, String revision, String format) {
        return template.replace("{scheme}", "https").replace("{host}", host.toString())
                .replace("{owner}", path(repo.owner())).replace("{repo}", path(repo.name()))
                .replace("{path}", URLEncoder.encode(repo.path(), StandardCharsets.UTF_8))
                .replace("{ref}", path(revision)).replace("{format}", format);
    }

    /** Percent-encodes what a path may not hold, keeping {@code /}. */
    static String path(String s) {
        StringBuilder b = new StringBuilder();
        for (byte x : s.getBytes(StandardCharsets.UTF_8)) {
            int c = x & 0xff;
            if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || "-._~/!$&'()*+,;=@".indexOf(c) >= 0) {
                b.append((char) c);
            } else {
                b.append('%').append(String.format("%02X", c));
            }
        }
        return b.toString();
    }

    private static URI uri(String s) {
        try {
            URI u = new URI(s);
            if (!"https".equalsIgnoreCase(u.getScheme()) || u.getHost() == null) {
                throw new FetchException("The archive URL \"" + s + "\" is not an https URL with a host; check the "
                        + "settings https.urlTemplate and https.gitUrlTemplate.");
            }
            return u;
        } catch (java.net.URISyntaxException e) {
            throw new FetchException("The URL \"" + s + "\" built from the URL template is malformed (" + e.getReason()
                    + "); check the settings https.urlTemplate and https.gitUrlTemplate.", e);
        }
    }
}
