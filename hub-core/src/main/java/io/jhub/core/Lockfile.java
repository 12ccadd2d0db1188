package io.jhub.core;

import io.jhub.api.InvalidLockfileException;
import io.jhub.core.internal.lock.LockfileParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pinned commits, tree hashes and weights hashes of a project: a text file ({@value #DEFAULT_NAME} by default)
 * meant to be reviewed and committed. After a comment, the first line is the format version {@code jhub-lock 1};
 * then one record per line, sorted:
 * <pre>
 * repo &lt;host&gt;/&lt;owner&gt;/&lt;name&gt; &lt;ref&gt; &lt;protocol&gt; commit=&lt;id&gt; tree=sha256:&lt;hex&gt;
 * weights &lt;url&gt; size=&lt;bytes&gt; sha256=&lt;hex&gt;
 * </pre>
 * The ref is the one asked for, {@code HEAD} for the remote's default branch. The tree hash is defined in the
 * README ("Lockfile"). Immutable.
 *
 * @param repos the repository records, sorted by line
 * @param weights the weights records, sorted by line
 * @since 0.3
 */
public record Lockfile(List<Repo> repos, List<Weights> weights) {
    /** The file name used when none is given, in the working directory. */
    public static final String DEFAULT_NAME = "jhub.lock";
    /** The format version this jhub reads and writes. */
    public static final int FORMAT = 1;

    /**
     * One locked repository.
     *
     * @param host {@code host} or {@code host:port}
     * @param protocol such as {@code HTTPS}
     * @param path {@code owner/name}
     * @param ref the ref asked for, {@code HEAD} for the default branch
     * @param commit the commit id it resolved to
     * @param tree the extracted tree's hash, {@code sha256:<hex>}
     */
    public record Repo(String host, String protocol, String path, String ref, String commit, String tree) {
        /**
         * Returns the record as its lockfile line.
         *
         * @return the line, without a line break
         */
        public String line() {
            return "repo " + host + "/" + path + " " + ref + " " + protocol + " commit=" + commit + " tree=" + tree;
        }

        /**
         * Returns what identifies the record: everything before the commit.
         *
         * @return the key
         */
        public String key() {
            return host + "/" + path + " " + ref + " " + protocol;
        }
    }

    /**
     * One locked weights file.
     *
     * @param url the original URL (never a mirror's)
     * @param size the size in bytes
     * @param sha256 the SHA-256 in lower-case hex
     */
    public record Weights(String url, long size, String sha256) {
        /**
         * Returns the record as its lockfile line.
         *
         * @return the line, without a line break
         */
        public String line() {
            return "weights " + url + " size=" + size + " sha256=" + sha256;
        }
    }

    /**
     * Copies and sorts the records.
     *
     * @param repos the repository records
     * @param weights the weights records
     */
    public Lockfile {
        // plain code, no lambdas: a locked load reads the lockfile in every fresh JVM
        List<Repo> r = new ArrayList<>(repos);
        r.sort(new ByKey());
        repos = List.copyOf(r);
        List<Weights> w = new ArrayList<>(weights);
        w.sort(new ByUrl());
        weights = List.copyOf(w);
    }

    private static final class ByKey implements java.util.Comparator<Repo> {
        @Override
        public int compare(Repo a, Repo b) {
            return a.key().compareTo(b.key());
        }
    }

    private static final class ByUrl implements java.util.Comparator<Weights> {
        @Override
        public int compare(Weights a, Weights b) {
            return a.url().compareTo(b.url());
        }
    }

    /**
     * Returns a lockfile with no records.
     *
     * @return the empty lockfile
     */
    public static Lockfile empty() {
        return new Lockfile(List.of(), List.of());
    }

    /**
     * Reads a lockfile.
     *
     * @param file the file
     * @return its records
     * @throws InvalidLockfileException if it is missing, unreadable or malformed (with file:line and what is wrong)
     */
    public static Lockfile read(Path file) {
        Objects.requireNonNull(file, "file");
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new InvalidLockfileException("No lockfile at " + file.toAbsolutePath() + ": create it with jhub"
                    + " lock <repo>... (or Hub.lockRecord), or name another with --lockfile / lockFile(path).", e);
        } catch (IOException e) {
            throw new InvalidLockfileException("Cannot read the lockfile " + file + ": " + e.getMessage(), e);
        }
        return LockfileParser.parse(file.toString(), text);
    }

    /**
     * Returns the record of a repository and ref asked for.
     *
     * @param key {@code host/owner/name ref PROTOCOL}, as {@link Repo#key()}
     * @return the record, if any
     */
    public Optional<Repo> repo(String key) {
        for (Repo r : repos) {
            if (r.key().equals(key)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns the record of a weights URL.
     *
     * @param url the URL as given
     * @return the record, if any
     */
    public Optional<Weights> weights(String url) {
        for (Weights w : weights) {
            if (w.url().equals(url)) {
                return Optional.of(w);
            }
        }
        return Optional.empty();
    }

    /**
     * Returns a copy where {@code r} replaces the record with the same key (or is added).
     *
     * @param r the record
     * @return the copy
     */
    public Lockfile with(Repo r) {
        TreeMap<String, Repo> m = new TreeMap<>();
        repos.forEach(x -> m.put(x.key(), x));
        m.put(r.key(), r);
        return new Lockfile(new ArrayList<>(m.values()), weights);
    }

    /**
     * Returns a copy where {@code w} replaces the record with the same URL (or is added).
     *
     * @param w the record
     * @return the copy
     */
    public Lockfile with(Weights w) {
        TreeMap<String, Weights> m = new TreeMap<>();
        weights.forEach(x -> m.put(x.url(), x));
        m.put(w.url(), w);
        return new Lockfile(repos, new ArrayList<>(m.values()));
    }

    /**
     * Returns the file's text.
     *
     * @return the header, the version line and one line per record
     */
    public String text() {
        StringBuilder sb = new StringBuilder("# jhub lockfile: written by `jhub lock`, used by --locked. Review changes"
                + " like code.\njhub-lock " + FORMAT + "\n");
        repos.forEach(r -> sb.append(r.line()).append('\n'));
        weights.forEach(w -> sb.append(w.line()).append('\n'));
        return sb.toString();
    }

    /**
     * Writes the lockfile whole: to a temporary file beside it, then renamed over it, so a reader (or a concurrent
     * writer) sees the old file or a new one, never a torn one; the last writer wins.
     *
     * @param file the file
     * @throws InvalidLockfileException if it cannot be written
     */
    public void write(Path file) {
        Path abs = file.toAbsolutePath();
        Path tmp = null;
        try {
            tmp = Files.createTempFile(abs.getParent(), "." + abs.getFileName() + ".", ".tmp");
            Files.writeString(tmp, text(), StandardCharsets.UTF_8);
            tmp.toFile().setReadable(true, false); // a temp file is private; a lockfile is for everyone to read
            Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new InvalidLockfileException("Cannot write the lockfile " + abs + ": " + e.getMessage()
                    + ". Check that its directory is writable.", e);
        } finally {
            if (tmp != null) {
                try {
                    Files.deleteIfExists(tmp);
                } catch (IOException ignored) {
                    // only a leftover temporary file
                }
            }
        }
    }
}
