package io.jhub.core.internal.lock;

import io.jhub.api.GitHost;
import io.jhub.api.HubException;
import io.jhub.api.InvalidLockfileException;
import io.jhub.api.RepoInfo;
import io.jhub.core.Lockfile;
import io.jhub.core.internal.cache.RepoCache;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Reads the text of a {@link Lockfile}; every error names {@code file:line} and what is wrong there. */
public final class LockfileParser {
    private static final String VERSION = "jhub-lock ";

    private LockfileParser() {
    }

    /**
     * Parses a lockfile's text.
     *
     * @param name the file's name, for messages
     * @param text its content
     * @return the records
     * @throws InvalidLockfileException for a missing or newer version line, a malformed or duplicate record
     */
    public static Lockfile parse(String name, String text) {
        List<Lockfile.Repo> repos = new ArrayList<>();
        List<Lockfile.Weights> weights = new ArrayList<>();
        Set<String> keys = new HashSet<>();
        boolean versioned = false;
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i].strip();
            String where = name + ":" + (i + 1) + ": ";
            if (line.isEmpty() || line.startsWith("#")) {
                continue;
            }
            if (!versioned) {
                version(where, line);
                versioned = true;
                continue;
            }
            String[] f = fields(line);
            try {
                if (f[0].equals("repo")) {
                    Lockfile.Repo r = repo(f);
                    duplicate(where, keys, "repo " + r.key());
                    repos.add(r);
                } else if (f[0].equals("weights")) {
                    Lockfile.Weights w = weights(f);
                    duplicate(where, keys, "weights " + w.url());
                    weights.add(w);
                } else {
                    throw new IllegalArgumentException("unknown record \"" + f[0] + "\"; a line starts with repo,"
                            + " weights or #");
                }
            } catch (IllegalArgumentException | HubException e) {
                if (e instanceof InvalidLockfileException) {
                    throw e;
                }
                throw new InvalidLockfileException(where + e.getMessage() + ". Fix the line, or write the file"
                        + " again with jhub lock.");
            }
        }
        if (!versioned) {
            throw new InvalidLockfileException(name + ":" + lines.length + ": no version line \"jhub-lock "
                    + Lockfile.FORMAT + "\"; this is not a jhub lockfile, or it is empty. Write it with jhub lock.");
        }
        return new Lockfile(repos, weights);
    }

    private static void version(String where, String line) {
        if (!line.startsWith(VERSION)) {
            throw new InvalidLockfileException(where + "expected the version line \"jhub-lock " + Lockfile.FORMAT
                    + "\" before any record, found \"" + line + "\"");
        }
        String v = line.substring(VERSION.length()).strip();
        if (!v.equals(Integer.toString(Lockfile.FORMAT))) {
            throw new InvalidLockfileException(where + "format version \"" + v + "\" is not " + Lockfile.FORMAT
                    + ", the one this jhub reads; use the jhub that wrote it, or write it again with jhub lock.");
        }
    }

    private static void duplicate(String where, Set<String> keys, String key) {
        if (!keys.add(key)) {
            throw new InvalidLockfileException(where + "a second record for " + key + "; keep one of them");
        }
    }

    private static Lockfile.Repo repo(String[] f) {
        if (f.length != 6) {
            throw new IllegalArgumentException("a repo record has 6 fields (repo <host>/<owner>/<name> <ref>"
                    + " <protocol> commit=<id> tree=sha256:<hex>), this one has " + f.length);
        }
        int slash = f[1].indexOf('/');
        if (slash <= 0) {
            throw new IllegalArgumentException("\"" + f[1] + "\" is not <host>/<owner>/<name>");
        }
        String host = GitHost.parse(f[1].substring(0, slash)).toString();
        String path = RepoInfo.parse(f[1].substring(slash + 1)).path();
        String commit = value(f[4], "commit=");
        if (!RepoCache.isTreeName(commit)) {
            throw new IllegalArgumentException("commit \"" + commit + "\" is not a full commit id (40 or 64 lower-case"
                    + " hex digits, or tree- and 40 for a tree without a commit)");
        }
        String tree = value(f[5], "tree=");
        if (!tree.startsWith("sha256:") || !isHex(tree.substring(7), 64)) {
            throw new IllegalArgumentException("tree \"" + tree + "\" is not sha256: and 64 lower-case hex digits");
        }
        return new Lockfile.Repo(host, f[3], path, f[2], commit, tree);
    }

    private static Lockfile.Weights weights(String[] f) {
        if (f.length != 4) {
            throw new IllegalArgumentException("a weights record has 4 fields (weights <url> size=<bytes>"
                    + " sha256=<hex>), this one has " + f.length);
        }
        try {
            URI u = new URI(f[1]);
            if (!u.isAbsolute()) {
                throw new IllegalArgumentException("\"" + f[1] + "\" is not an absolute URL");
            }
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("\"" + f[1] + "\" is not a URL: " + e.getMessage());
        }
        long size;
        try {
            size = Long.parseLong(value(f[2], "size="));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("size \"" + f[2] + "\" is not a whole number of bytes");
        }
        if (size < 0) {
            throw new IllegalArgumentException("size " + size + " is negative");
        }
        String sha = value(f[3], "sha256=");
        if (!isHex(sha, 64)) {
            throw new IllegalArgumentException("sha256 \"" + sha + "\" is not 64 lower-case hex digits");
        }
        return new Lockfile.Weights(f[1], size, sha);
    }

    private static String value(String field, String prefix) {
        if (!field.startsWith(prefix)) {
            throw new IllegalArgumentException("expected " + prefix + "..., found \"" + field + "\"");
        }
        return field.substring(prefix.length());
    }

    private static boolean isHex(String s, int length) {
        if (s.length() != length) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!(c >= '0' && c <= '9' || c >= 'a' && c <= 'f')) {
                return false;
            }
        }
        return true;
    }

    /** The line's fields, split at runs of spaces and tabs (no regular expression: this runs in every locked load). */
    private static String[] fields(String line) {
        List<String> out = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= line.length(); i++) {
            boolean blank = i == line.length() || line.charAt(i) == ' ' || line.charAt(i) == '\t';
            if (blank && start >= 0) {
                out.add(line.substring(start, i));
                start = -1;
            } else if (!blank && start < 0) {
                start = i;
            }
        }
        return out.toArray(new String[0]);
    }
}
