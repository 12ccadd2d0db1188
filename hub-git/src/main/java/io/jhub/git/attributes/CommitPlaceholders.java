package io.jhub.git.attributes;

/** The commit-dependent placeholders of a pretty format, as {@code git archive} expands them. */
final class CommitPlaceholders {
    private CommitPlaceholders() {
    }

    /** Expands the placeholder at {@code i}; returns the bytes it takes, 0 for one git leaves as text. */
    static int expand(CommitFormatter.Fmt f, int i, BoundedOutput out, CommitInfo commit, CommitText text,
            ExportOptions options) {
        switch (f.at(i)) {
            case 'H' -> out.write(commit.id());
            case 'h' -> out.write(abbrev(commit.id(), options));
            case 'T' -> out.write(commit.tree());
            case 't' -> out.write(abbrev(commit.tree(), options));
            case 'P' -> out.write(String.join(" ", commit.parents()));
            case 'p' -> out.write(String.join(" ", commit.parents().stream().map(p -> abbrev(p, options))
                    .toList()));
            case 'm' -> out.write('>');
            case 'd', 'D' -> {
                // ref names need the host's refs at archive time; see ExportFilter
            }
            case 'g' -> {
                return "dDsnNeE".indexOf(f.at(i + 1)) >= 0 && f.at(i + 1) != 0 ? 2 : 0;
            }
            case 'G' -> {
                return signature(f.at(i + 1), out);
            }
            case 'a' -> {
                return PersonPlaceholder.expand(f.at(i + 1), text.author, out, options);
            }
            case 'c' -> {
                return PersonPlaceholder.expand(f.at(i + 1), text.committer, out, options);
            }
            case 'e' -> commit.encoding().ifPresent(out::write);
            case 'B' -> {
                if (text.messageOff + 1 < text.msg.length) {
                    out.write(text.msg, text.messageOff + 1, text.msg.length - text.messageOff - 1);
                }
            }
            case 's' -> subject(text, out);
            case 'f' -> sanitizedSubject(text, out);
            case 'b' -> out.write(text.msg, text.bodyOff, text.msg.length - text.bodyOff);
            default -> {
                return 0;
            }
        }
        return 1;
    }

    private static String abbrev(String id, ExportOptions options) {
        return id.substring(0, Math.min(id.length(), options.abbrevLength()));
    }

    /** jhub verifies no signatures: every commit reads as unsigned ({@code %G?} is N). */
    private static int signature(int c, BoundedOutput out) {
        switch (c) {
            case '?' -> out.write('N');
            case 'T' -> out.write("undefined");
            case 'G', 'S', 'K', 'F', 'P' -> {
                // empty for an unsigned commit
            }
            default -> {
                return 0;
            }
        }
        return 2;
    }

    private static void subject(CommitText text, BoundedOutput out) {
        int at = text.subjectOff;
        boolean first = true;
        while (true) {
            int start = at;
            at = text.lineEnd(start);
            int len = text.trimmedLength(start, at);
            if (at == start || len == 0) {
                return;
            }
            if (!first) {
                out.write(' ');
            }
            out.write(text.msg, start, len);
            first = false;
        }
    }

    private static void sanitizedSubject(CommitText text, BoundedOutput out) {
        int start = out.length();
        int end = text.subjectOff;
        while (end < text.msg.length && text.msg[end] != '\n') {
            end++;
        }
        boolean space = true;
        boolean any = false;
        for (int i = text.subjectOff; i < end; i++) {
            byte c = text.msg[i];
            if (titleChar(c)) {
                if (space && any) {
                    out.write('-');
                }
                space = false;
                any = true;
                out.write(c);
                if (c == '.') {
                    while (i + 1 < end && text.msg[i + 1] == '.') {
                        i++;
                    }
                }
            } else {
                space = true;
            }
        }
        int n = out.length();
        while (n > start && (out.byteAt(n - 1) == '.' || out.byteAt(n - 1) == '-')) {
            n--;
        }
        out.truncate(n);
    }

    private static boolean titleChar(byte c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' || c == '_';
    }
}
