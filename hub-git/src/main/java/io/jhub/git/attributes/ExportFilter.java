package io.jhub.git.attributes;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies a commit's {@code .gitattributes} export rules to the files of its tree exactly as {@code git archive}
 * does on a host with default settings, so a tree built from git objects equals the host's archive of the commit.
 *
 * <p>A walker goes top-down: {@link AttributeRules#root} with the root's {@code .gitattributes}, then
 * {@link AttributeRules#descend} for each subdirectory; it skips entries for which
 * {@link AttributeRules#exportIgnored} is true (a directory with its whole subtree), and for each file asks
 * {@link #conversion} whether and how its content changes.
 *
 * <p>What is converted: {@code ident}, end-of-line conversion ({@code text}, {@code eol}, the legacy {@code crlf},
 * the built-in {@code binary} macro, {@code text=auto} with git's text/binary test; with {@code core.autocrlf=false}
 * and LF as native line ending only {@code eol=crlf} changes content), {@code working-tree-encoding} (with Java's
 * charsets; {@code UTF-16} and {@code UTF-32} with a byte-order mark and little-endian, as glibc's iconv writes them
 * on x86 and ARM hosts; names iconv knows and Java does not leave the content unchanged, where a host converts), then {@code export-subst}: each
 * {@code $Format:...$} (up to the next {@code $}, across lines) expanded for the commit. Symbolic links are never
 * converted; a file over {@value #BIG_FILE_THRESHOLD} bytes without {@code export-subst} is emitted as stored, as
 * git streams such files unconverted. {@code filter} drivers are not run (a host has none configured by default).
 *
 * <p>Placeholders: {@code %H %h %T %t %P %p %an %ae %al %ad %aD %ai %aI %as %at %ar %ah} and the same for the
 * committer, {@code %s %f %b %B %e %m %n %% %x00}, the {@code %+x %-x % x} forms, and {@code %C...} colours
 * (which archives never colour), exactly as git 2.39 gives them. An unknown placeholder stays as written
 * ({@code %Z} gives {@code %Z}), {@code $Format:$} gives nothing, and a {@code $Format:} without a closing
 * {@code $} stays as written. Known differences from a host, each because the value is not in the commit:
 * <ul>
 *   <li>{@code %h %t %p}: jhub cuts ids to {@link ExportOptions#abbrevLength()} (7 by default); git takes the
 *       length from the host's object count (see {@link ExportOptions#autoAbbrevLength}) and lengthens an id that
 *       is ambiguous in the host's repository;</li>
 *   <li>{@code %aN %aE %aL} (mailmap): jhub gives the name and address as in the commit; a host applies its
 *       {@code .mailmap};</li>
 *   <li>{@code %d %D} (ref names): jhub gives nothing; a host lists the refs pointing at the commit when it
 *       archives;</li>
 *   <li>{@code %(describe...)}: jhub gives nothing; a host runs {@code git describe} once per archive (nothing when
 *       no annotated tag is reachable, the text as written for every later one);</li>
 *   <li>{@code %G?} and the other signature placeholders: jhub treats every commit as unsigned ({@code N},
 *       {@code undefined} for {@code %GT}, nothing for the rest); a host checks signatures with its GnuPG;</li>
 *   <li>{@code %ar %ah}: relative to {@link ExportOptions#clock()}, as a host's are to the time it archives;
 *       {@code %ah} as on a host in UTC;</li>
 *   <li>{@code %w(...)}, {@code %<(...)}, {@code %>(...)} and {@code %(trailers...)}: consumed without wrapping,
 *       padding or trailers;</li>
 *   <li>host-wide attributes ({@code /etc/gitattributes}, {@code info/attributes}) are unknown here.</li>
 * </ul>
 * For a commit with an {@code encoding} other than UTF-8, placeholders are expanded in UTF-8 and the output
 * converted back as git does, with Java's charsets.
 *
 * @since 0.2
 */
public final class ExportFilter {
    /** Git streams files larger than this ({@code core.bigFileThreshold}, 512 MiB) without converting them. */
    public static final long BIG_FILE_THRESHOLD = 512L * 1024 * 1024;

    private final ExportOptions options;
    private final CommitFormatter formatter;

    /**
     * Creates the filter for one commit.
     *
     * @param commit the archived commit
     * @param options abbreviation length, output limit and clock
     * @throws NullPointerException if an argument is null
     */
    public ExportFilter(CommitInfo commit, ExportOptions options) {
        this.options = Objects.requireNonNull(options, "options");
        this.formatter = new CommitFormatter(Objects.requireNonNull(commit, "commit"), options);
    }

    /**
     * How one entry's content is converted.
     *
     * @param rules the rules of the directory holding the entry
     * @param name the entry's name in that directory
     * @param kind what the entry is; only {@link EntryKind#FILE} is ever converted
     * @param size the blob's size in bytes
     * @return the conversion, which may be none ({@link BlobConversion#needsFilter()} false)
     * @throws io.jhub.api.GitProtocolException if the file has {@code working-tree-encoding} without a value, which
     *     makes {@code git archive} fail too
     * @throws IllegalArgumentException if {@code name} is not one path element
     */
    public BlobConversion conversion(AttributeRules rules, String name, EntryKind kind, long size) {
        Map<String, AttributeState> attrs = rules.attributes(name, kind);
        String path = rules.directory().isEmpty() ? name : rules.directory() + "/" + name;
        AttributeState subst = attrs.get("export-subst");
        boolean exportSubst = subst != null && subst.isSet();
        if (kind != EntryKind.FILE || (!exportSubst && size > BIG_FILE_THRESHOLD)) {
            return new BlobConversion(this, path, false, LineEndings.Action.NONE, Optional.empty(), false);
        }
        AttributeState ident = attrs.get("ident");
        return new BlobConversion(this, path, ident != null && ident.isSet(), LineEndings.action(attrs),
                WorkTreeEncoding.of(attrs, path), exportSubst);
    }

    BoundedOutput output(String path, int sizeHint) {
        return new BoundedOutput(options.maxOutputBytes(), path, sizeHint + 64);
    }

    /** Expands every {@code $Format:...$} of the content. */
    byte[] substitute(byte[] src, String path) {
        BoundedOutput out = output(path, src.length);
        int s = 0;
        while (true) {
            int b = indexOf(src, s);
            if (b < 0) {
                break;
            }
            int close = -1;
            for (int i = b + 8; i < src.length; i++) {
                if (src[i] == '$') {
                    close = i;
                    break;
                }
            }
            if (close < 0) {
                break;
            }
            out.write(src, s, b - s);
            formatter.expand(src, b + 8, close, out);
            s = close + 1;
        }
        out.write(src, s, src.length - s);
        return out.toByteArray();
    }

    private static int indexOf(byte[] src, int from) {
        byte[] key = {'$', 'F', 'o', 'r', 'm', 'a', 't', ':'};
        outer:
        for (int i = from; i + key.length <= src.length; i++) {
            for (int k = 0; k < key.length; k++) {
                if (src[i + k] != key[k]) {
                    continue outer;
                }
            }
            return i;
        }
        return -1;
    }
}
