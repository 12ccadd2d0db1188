package io.jhub.git.attributes;

/**
 * End-of-line conversion on checkout for a host with default settings ({@code core.autocrlf=false},
 * {@code core.eol} native, which is LF): only {@code eol=crlf} changes content. With {@code text} (or {@code crlf},
 * or {@code eol=crlf} alone) every LF not already after a CR becomes CRLF; with {@code text=auto} only when the
 * content has no CR at all and git's binary test says text.
 */
final class LineEndings {
    /** What a file's attributes ask for on checkout. */
    enum Action {
        /** Content unchanged: binary, {@code -text}, LF output, or nothing specified. */
        NONE,
        /** {@code text eol=crlf}: convert every lone LF. */
        TEXT_CRLF,
        /** {@code text=auto eol=crlf}: convert if text and free of CR. */
        AUTO_CRLF
    }

    private LineEndings() {
    }

    /** The counts git's text statistics take. */
    record Stats(long nul, long loneCr, long loneLf, long crlf, long printable, long nonPrintable) {
        static Stats of(byte[] b) {
            long nul = 0;
            long loneCr = 0;
            long loneLf = 0;
            long crlf = 0;
            long printable = 0;
            long nonPrintable = 0;
            for (int i = 0; i < b.length; i++) {
                int c = b[i] & 0xff;
                if (c == '\r') {
                    if (i + 1 < b.length && b[i + 1] == '\n') {
                        crlf++;
                        i++;
                    } else {
                        loneCr++;
                    }
                } else if (c == '\n') {
                    loneLf++;
                } else if (c == 127) {
                    nonPrintable++;
                } else if (c < 32) {
                    if (c == '\b' || c == '\t' || c == 033 || c == 014) {
                        printable++;
                    } else {
                        nonPrintable++;
                        nul += c == 0 ? 1 : 0;
                    }
                } else {
                    printable++;
                }
            }
            if (b.length > 0 && b[b.length - 1] == 032) {
                nonPrintable--;
            }
            return new Stats(nul, loneCr, loneLf, crlf, printable, nonPrintable);
        }

        /** Git's guess: binary with a lone CR, a NUL, or more than 1 in 128 non-printable bytes. */
        boolean binary() {
            return loneCr > 0 || nul > 0 || (printable >> 7) < nonPrintable;
        }
    }

    /** The checkout action for a file's attributes. */
    static Action action(java.util.Map<String, AttributeState> attrs) {
        String crlf = fromText(attrs.get("text"));
        if (crlf.equals("undefined")) {
            crlf = fromText(attrs.get("crlf"));
        }
        if (crlf.equals("binary")) {
            return Action.NONE;
        }
        AttributeState eol = attrs.get("eol");
        if (eol != null && eol.hasValue("crlf")) {
            return crlf.equals("auto") ? Action.AUTO_CRLF : Action.TEXT_CRLF;
        }
        return Action.NONE;
    }

    private static String fromText(AttributeState s) {
        if (s == null) {
            return "undefined";
        }
        return switch (s.kind()) {
            case SET -> "text";
            case UNSET -> "binary";
            case VALUE -> s.value().equals("input") || s.value().equals("auto") ? s.value() : "undefined";
            case UNSPECIFIED -> "undefined";
        };
    }

    /** Converts, or returns null when git leaves the content unchanged. */
    static byte[] toWorkTree(byte[] src, Action action, BoundedOutput out) {
        if (action == Action.NONE || src.length == 0) {
            return null;
        }
        Stats st = Stats.of(src);
        if (st.loneLf() == 0) {
            return null;
        }
        if (action == Action.AUTO_CRLF && (st.loneCr() > 0 || st.crlf() > 0 || st.binary())) {
            return null;
        }
        for (int i = 0; i < src.length; i++) {
            if (src[i] == '\n' && (i == 0 || src[i - 1] != '\r')) {
                out.write('\r');
            }
            out.write(src[i]);
        }
        return out.toByteArray();
    }
}
