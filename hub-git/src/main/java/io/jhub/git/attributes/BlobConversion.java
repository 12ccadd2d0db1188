package io.jhub.git.attributes;

import java.util.Objects;
import java.util.Optional;

/**
 * What {@code git archive} does to one file's content: nothing, or some of ident expansion, end-of-line
 * conversion, re-encoding and {@code export-subst} expansion, in that order.
 *
 * @since 0.2
 */
public final class BlobConversion {
    private final ExportFilter filter;
    private final String path;
    private final boolean ident;
    private final LineEndings.Action eol;
    private final Optional<String> encoding;
    private final boolean subst;

    BlobConversion(ExportFilter filter, String path, boolean ident, LineEndings.Action eol, Optional<String> encoding,
            boolean subst) {
        this.filter = filter;
        this.path = path;
        this.ident = ident;
        this.eol = eol;
        this.encoding = encoding;
        this.subst = subst;
    }

    /**
     * Whether the content must go through {@link #apply}; when false the blob's bytes are exactly what
     * {@code git archive} emits, and a walker can copy them as a stream.
     *
     * @return true if some conversion applies
     */
    public boolean needsFilter() {
        return ident || eol != LineEndings.Action.NONE || encoding.isPresent() || subst;
    }

    /**
     * Converts a blob's content.
     *
     * @param content the blob's bytes as stored
     * @param blobId the blob's id (hex), which {@code ident} writes into {@code $Id$}
     * @return the content {@code git archive} emits; {@code content} itself when nothing changes
     * @throws io.jhub.api.UnsafeArchiveException if the result would exceed the options' output limit
     * @throws NullPointerException if an argument is null
     */
    public byte[] apply(byte[] content, String blobId) {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(blobId, "blobId");
        byte[] data = content;
        if (ident) {
            BoundedOutput out = filter.output(path, data.length);
            IdentKeyword.apply(data, blobId, out);
            data = out.toByteArray();
        }
        byte[] converted = LineEndings.toWorkTree(data, eol, filter.output(path, data.length));
        data = converted == null ? data : converted;
        if (encoding.isPresent()) {
            byte[] encoded = WorkTreeEncoding.apply(data, encoding.get());
            if (encoded != null) {
                filter.output(path, encoded.length).write(encoded);
                data = encoded;
            }
        }
        if (subst) {
            data = filter.substitute(data, path);
        }
        return data;
    }
}
