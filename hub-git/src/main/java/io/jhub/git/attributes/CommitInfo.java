package io.jhub.git.attributes;

import io.jhub.api.GitProtocolException;
import io.jhub.api.spi.Resolution;
import io.jhub.git.TreePaths;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A commit object as {@code export-subst} needs it: its id and its raw bytes as git stores them (without the
 * {@code commit <size>\0} object header), parsed once into tree, parents, author, committer, encoding and message.
 * Placeholders are expanded from the raw bytes, so names and messages in any encoding come out as git emits them.
 *
 * @since 0.2
 */
public final class CommitInfo {
    private final String id;
    private final byte[] raw;
    private final String tree;
    private final List<String> parents;
    private final Optional<String> encoding;

    private CommitInfo(String id, byte[] raw, String tree, List<String> parents, Optional<String> encoding) {
        this.id = id;
        this.raw = raw;
        this.tree = tree;
        this.parents = parents;
        this.encoding = encoding;
    }

    /**
     * Parses a commit object.
     *
     * @param id the commit's id, 40 (SHA-1) or 64 (SHA-256) hex digits
     * @param raw the object's content as {@code git cat-file commit} prints it
     * @return the parsed commit
     * @throws GitProtocolException if the id is not hex of a hash's length or the object does not start with a
     *     {@code tree} line and {@code parent} lines of that length, naming what was found
     * @throws NullPointerException if an argument is null
     */
    public static CommitInfo parse(String id, byte[] raw) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(raw, "raw");
        String commitId = hex(id, id.length(), "commit id");
        byte[] copy = raw.clone();
        List<String> header = headerLines(copy);
        if (header.isEmpty() || !header.get(0).startsWith("tree ")) {
            throw bad(commitId, "it does not start with a \"tree\" line");
        }
        String tree = hex(header.get(0).substring(5), commitId.length(), "tree id of commit " + commitId);
        List<String> parents = new ArrayList<>();
        for (int i = 1; i < header.size() && header.get(i).startsWith("parent "); i++) {
            parents.add(hex(header.get(i).substring(7), commitId.length(), "parent id of commit " + commitId));
        }
        Optional<String> encoding = header.stream().filter(l -> l.startsWith("encoding ")).findFirst()
                .map(l -> l.substring(9));
        return new CommitInfo(commitId, copy, tree, List.copyOf(parents), encoding);
    }

    /** @return the commit's id, lower-case hex */
    public String id() {
        return id;
    }

    /** @return the id of the commit's tree */
    public String tree() {
        return tree;
    }

    /** @return the ids of the parents, in order; empty for a root commit */
    public List<String> parents() {
        return parents;
    }

    /** @return the {@code encoding} header's value, if the commit has one */
    public Optional<String> encoding() {
        return encoding;
    }

    /** @return the author, if the commit has an author line with {@code <...>} */
    public Optional<Person> author() {
        return person("author ");
    }

    /** @return the committer, if the commit has a committer line with {@code <...>} */
    public Optional<Person> committer() {
        return person("committer ");
    }

    /** @return the message: everything after the header's blank line, decoded as UTF-8 */
    public String message() {
        int at = messageStart(raw);
        return at < 0 ? "" : new String(raw, at, raw.length - at, StandardCharsets.UTF_8);
    }

    /** @return a copy of the raw object bytes */
    public byte[] raw() {
        return raw.clone();
    }

    byte[] rawBytes() {
        return raw;
    }

    private Optional<Person> person(String key) {
        byte[] line = CommitText.headerValue(raw, key);
        IdentLine split = line == null ? null : IdentLine.split(line);
        return split == null ? Optional.empty() : Optional.of(split.toPerson());
    }

    /** The offset just after the blank line that ends the header, or -1. */
    static int messageStart(byte[] raw) {
        for (int i = 0; i < raw.length; i++) {
            if (raw[i] == '\n' && (i == 0 || raw[i - 1] == '\n')) {
                return i + 1;
            }
        }
        return -1;
    }

    private static List<String> headerLines(byte[] raw) {
        int end = messageStart(raw);
        byte[] header = Arrays.copyOf(raw, end < 0 ? raw.length : end - 1);
        String text = new String(header, StandardCharsets.UTF_8);
        return text.isEmpty() ? List.of() : List.of(text.split("\n", -1));
    }

    private static String hex(String s, int length, String what) {
        String lower = s.toLowerCase(Locale.ROOT);
        boolean ok = lower.length() == length && Resolution.isFullCommitId(lower);
        if (!ok) {
            throw new GitProtocolException("The " + what + " \"" + TreePaths.printable(s) + "\" is not "
                    + (length == 64 ? "64" : "40") + " hex digits; the host sent a malformed commit. Fetch again,"
                    + " and report the repository to its host if it persists.");
        }
        return lower;
    }

    private static GitProtocolException bad(String id, String why) {
        return new GitProtocolException("The commit " + id + " cannot be read: " + why + ". The host sent a"
                + " malformed commit object; fetch again, and report the repository to its host if it persists.");
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommitInfo c && c.id.equals(id) && Arrays.equals(c.raw, raw);
    }

    @Override
    public int hashCode() {
        return id.hashCode();
    }

    @Override
    public String toString() {
        return "CommitInfo[" + id + "]";
    }
}
