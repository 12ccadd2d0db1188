package io.jhub.git.attributes;

import io.jhub.api.GitProtocolException;
import io.jhub.git.TreePaths;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The {@code working-tree-encoding} attribute on checkout: UTF-8 content re-encoded to the named encoding, left
 * unchanged when the conversion fails or the encoding is unknown (git reports an error and keeps the content).
 */
final class WorkTreeEncoding {
    private WorkTreeEncoding() {
    }

    /** The encoding to convert to, if any. */
    static Optional<String> of(Map<String, AttributeState> attrs, String path) {
        AttributeState s = attrs.get("working-tree-encoding");
        if (s == null) {
            return Optional.empty();
        }
        if (s.kind() != AttributeState.Kind.VALUE) {
            throw new GitProtocolException("The file \"" + TreePaths.printable(path) + "\" has the attribute"
                    + " working-tree-encoding set or unset without a value, which git archive refuses (\"true/false"
                    + " are no valid working-tree-encodings\"), so the host cannot archive this commit either."
                    + " Ask the repository's owner to fix .gitattributes.");
        }
        String v = s.value().toLowerCase(Locale.ROOT);
        if (v.isEmpty() || v.equals("utf-8") || v.equals("utf8")) {
            return Optional.empty();
        }
        return Optional.of(s.value());
    }

    /**
     * Converts, or returns null when git leaves the content unchanged. {@code UTF-16} and {@code UTF-32} without
     * an order are written as glibc's iconv on a little-endian host writes them, with a byte-order mark and
     * little-endian; git's own {@code UTF-16LE-BOM} likewise.
     */
    static byte[] apply(byte[] src, String encoding) {
        if (src.length == 0) {
            return null;
        }
        String name = encoding.toUpperCase(Locale.ROOT).replace("_", "-");
        byte[] bom = new byte[0];
        if (name.equals("UTF-16") || name.equals("UTF16") || name.equals("UTF-16LE-BOM")) {
            bom = new byte[] {(byte) 0xff, (byte) 0xfe};
            name = "UTF-16LE";
        } else if (name.equals("UTF-32") || name.equals("UTF32")) {
            bom = new byte[] {(byte) 0xff, (byte) 0xfe, 0, 0};
            name = "UTF-32LE";
        }
        Charset to;
        try {
            to = Charset.forName(name);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        byte[] prefix = bom;
        return CommitText.recode(src, StandardCharsets.UTF_8, to).map(b -> {
            byte[] out = new byte[prefix.length + b.length];
            System.arraycopy(prefix, 0, out, 0, prefix.length);
            System.arraycopy(b, 0, out, prefix.length, b.length);
            return out;
        }).orElse(null);
    }
}
