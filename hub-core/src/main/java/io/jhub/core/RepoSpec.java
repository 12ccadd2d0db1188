package io.jhub.core;

import io.jhub.api.GitHost;
import io.jhub.api.InvalidGitHostException;
import io.jhub.api.InvalidRepoException;
import io.jhub.api.RepoInfo;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A repository as people write or paste it, with the host, protocol and login user the text names:
 * <ul>
 *   <li>{@code owner/name[:ref]}: no host or protocol (the hub's defaults apply);</li>
 *   <li>{@code https://host[:port]/owner/name[.git][/tree/REF]} (also GitLab's {@code /-/tree/REF}): protocol
 *       {@code HTTPS};</li>
 *   <li>{@code [user@]host:owner/name[.git]} (git's scp-like form, such as {@code git@github.com:o/r.git}) and
 *       {@code ssh://[user@]host[:port]/owner/name[.git]}: protocol {@code SSH}.</li>
 * </ul>
 * Refused, with a message that says why: passwords or user names in an {@code https} URL (tokens are settings,
 * never part of a repository name), query strings and fragments, empty, {@code .} or {@code ..} segments, other
 * schemes, and a host written without a scheme ({@code github.com/owner/name}, which would otherwise read as an
 * owner called {@code github.com}).
 *
 * @param repo the repository and its ref
 * @param host the host the text names, if any
 * @param protocol {@code HTTPS} or {@code SSH} when the text names one
 * @param user the SSH login user the text names, if any
 * @since 0.2
 */
public record RepoSpec(RepoInfo repo, Optional<GitHost> host, Optional<String> protocol, Optional<String> user) {

    /**
     * Checks the components.
     *
     * @throws NullPointerException if a component is null
     */
    public RepoSpec {
        Objects.requireNonNull(repo, "repo");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(protocol, "protocol");
        Objects.requireNonNull(user, "user");
    }

    /**
     * Parses any of the forms above.
     *
     * @param text the repository as written
     * @return the parsed value
     * @throws InvalidRepoException if the text is malformed; the message quotes it (without any password) and
     *         shows the accepted forms
     * @throws NullPointerException if {@code text} is null
     */
    public static RepoSpec parse(String text) {
        Objects.requireNonNull(text, "text");
        int scheme = text.indexOf("://");
        if (scheme >= 0) {
            return url(text, text.substring(0, scheme), text.substring(scheme + 3));
        }
        int colon = text.indexOf(':');
        int slash = text.indexOf('/');
        if (colon >= 0 && (slash < 0 || colon < slash)) {
            return scpLike(text, colon);
        }
        RepoInfo repo = RepoInfo.parse(text);
        String first = repo.owner().split("/", 2)[0];
        if (repo.owner().contains("/") && looksLikeDomain(first)) {
            String rest = text.substring(first.length() + 1);
            throw invalid(text, "it starts with what looks like a host; write https://" + text + ", or " + rest
                    + " with the host given apart (--host " + first + " on the command line)");
        }
        return new RepoSpec(repo, Optional.empty(), Optional.empty(), Optional.empty());
    }

    private static RepoSpec url(String text, String scheme, String rest) {
        String s = scheme.toLowerCase(java.util.Locale.ROOT);
        if (!s.equals("https") && !s.equals("ssh")) {
            throw invalid(text, "the scheme \"" + scheme + "\" is not supported; use https://, ssh:// or"
                    + " git@host:owner/name.git" + (s.equals("http") ? " (plain http is not used for code)" : ""));
        }
        int q = firstOf(rest, "?#");
        if (q >= 0) {
            throw invalid(text, "a repository URL takes no query string or fragment (\"" + rest.substring(q)
                    + "\"); remove it");
        }
        int pathStart = rest.indexOf('/');
        String authority = pathStart < 0 ? rest : rest.substring(0, pathStart);
        String path = pathStart < 0 ? "" : rest.substring(pathStart + 1);
        Optional<String> user = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String info = authority.substring(0, at);
            if (info.contains(":")) {
                throw invalid(text, "it holds a password; never put one in a repository URL: give a token with"
                        + " the setting https.token.<host> or an environment variable (see the README)");
            }
            if (s.equals("https")) {
                throw invalid(text, "an https repository URL takes no user name; give a token with the setting"
                        + " https.token.<host> or an environment variable");
            }
            user = Optional.of(checkUser(text, info));
            authority = authority.substring(at + 1);
        }
        GitHost host = host(text, authority);
        List<String> segments = segments(text, path);
        Optional<String> ref = Optional.empty();
        int tree = treeMarker(segments);
        if (s.equals("https") && tree >= 0) {
            int refStart = tree + (segments.get(tree).equals("-") ? 2 : 1);
            if (refStart >= segments.size()) {
                throw invalid(text, "/tree/ is not followed by a branch, tag or commit");
            }
            ref = Optional.of(String.join("/", segments.subList(refStart, segments.size())));
            segments = segments.subList(0, tree);
        }
        return new RepoSpec(repoOf(text, segments, ref), Optional.of(host), Optional.of(s.equals("https")
                ? "HTTPS" : "SSH"), user);
    }

    private static RepoSpec scpLike(String text, int colon) {
        String authority = text.substring(0, colon);
        String path = text.substring(colon + 1);
        Optional<String> user = Optional.empty();
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            user = Optional.of(checkUser(text, authority.substring(0, at)));
            authority = authority.substring(at + 1);
        }
        if (authority.isEmpty() || path.isEmpty()) {
            throw invalid(text, "expected owner/name[:ref], or host:owner/name.git for SSH");
        }
        if (firstOf(path, "?#:") >= 0) {
            throw invalid(text, "an SSH repository path takes no '?', '#' or ':'; a ref goes in --commit or the"
                    + " owner/name:ref form");
        }
        GitHost host = host(text, authority);
        return new RepoSpec(repoOf(text, segments(text, path), Optional.empty()), Optional.of(host),
                Optional.of("SSH"), user);
    }

    private static GitHost host(String text, String authority) {
        try {
            return GitHost.parse(authority);
        } catch (InvalidGitHostException e) {
            throw new InvalidRepoException("Invalid repository \"" + text + "\": " + e.getMessage(), e);
        }
    }

    private static String checkUser(String text, String user) {
        if (user.isEmpty() || firstOf(user, "/:%@ \t") >= 0) {
            throw invalid(text, "the user name \"" + user + "\" is empty or holds '/', ':', '%', '@' or spaces");
        }
        return user;
    }

    /** The path's segments, one trailing slash allowed; empty, "." and ".." segments refused. */
    private static List<String> segments(String text, String path) {
        String p = path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
        List<String> out = new ArrayList<>(Arrays.asList(p.split("/", -1)));
        for (String seg : out) {
            if (seg.isEmpty() || seg.equals(".") || seg.equals("..")) {
                throw invalid(text, "the path \"" + path + "\" has an empty, \".\" or \"..\" segment");
            }
        }
        return out;
    }

    private static RepoInfo repoOf(String text, List<String> segments, Optional<String> ref) {
        if (segments.size() < 2) {
            throw invalid(text, "the path names no owner/name");
        }
        String name = segments.get(segments.size() - 1);
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        try {
            return new RepoInfo(String.join("/", segments.subList(0, segments.size() - 1)), name, ref);
        } catch (InvalidRepoException e) {
            throw new InvalidRepoException("Invalid repository \"" + text + "\": " + e.getMessage(), e);
        }
    }

    /** The index of "tree" (or GitLab's "-" before it) after owner/name, else -1. */
    private static int treeMarker(List<String> segments) {
        for (int i = 2; i < segments.size(); i++) {
            if (segments.get(i).equals("tree")) {
                return i > 2 && segments.get(i - 1).equals("-") ? i - 1 : i;
            }
        }
        return -1;
    }

    /** A first segment such as github.com or gitlab.example.org:8443: a dot and a letter-only last label. */
    private static boolean looksLikeDomain(String segment) {
        int dot = segment.lastIndexOf('.');
        if (dot <= 0 || dot == segment.length() - 1) {
            return false;
        }
        String tld = segment.substring(dot + 1);
        for (int i = 0; i < tld.length(); i++) {
            if (!Character.isLetter(tld.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    private static int firstOf(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    private static InvalidRepoException invalid(String text, String why) {
        return new InvalidRepoException("Invalid repository \"" + redact(text) + "\": " + why + ". Accepted forms:"
                + " owner/name[:ref], https://host[:port]/owner/name[.git][/tree/REF], git@host:owner/name.git,"
                + " ssh://[user@]host[:port]/owner/name.git.");
    }

    /** The text with the user information replaced when it holds a password, so none reaches a message. */
    static String redact(String text) {
        int scheme = text.indexOf("://");
        int start = scheme < 0 ? 0 : scheme + 3;
        int slash = text.indexOf('/', start);
        int at = text.lastIndexOf('@', slash < 0 ? text.length() : slash);
        if (at < start || text.substring(start, at).indexOf(':') < 0) {
            return text;
        }
        return text.substring(0, start) + "***" + text.substring(at);
    }

    /**
     * Formats the value in the form it was most likely written in.
     *
     * @return {@code owner/name[:ref]} without a host, else an {@code https://} or {@code ssh://} URL
     */
    @Override
    public String toString() {
        if (host.isEmpty()) {
            return repo.toString();
        }
        if (protocol.orElse("").equals("SSH")) {
            return "ssh://" + user.map(u -> u + "@").orElse("") + host.get() + "/" + repo.path() + ".git";
        }
        return "https://" + host.get() + "/" + repo.path() + repo.ref().map(r -> "/tree/" + r).orElse("");
    }
}
