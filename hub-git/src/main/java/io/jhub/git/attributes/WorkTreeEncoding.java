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

    /** Converts, or returns null when git leaves the content unchanged. */
    static byte[] apply(byte[] src, String encoding) {
        if (src.length == 0) {
            return null;
        }
        Charset to;
        try {
            to = Charset.forName(encoding);
        } catch (IllegalArgumentException unknown) {
            return null;
        }
        return CommitText.recode(src, StandardCharsets.UTF_8, to).orElse(null);
    }
}
