package io.jhub.git.attributes;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Expands one {@code git log --pretty=format:} string for a commit as {@code git archive} does inside
 * {@code $Format:...$}. What each placeholder gives, and where jhub must differ from a host, is listed on
 * {@link ExportFilter}.
 */
final class CommitFormatter {
    private static final int FORMATTING_LIMIT = 16 * 1024;
    private final CommitInfo commit;
    private final CommitText text;
    private final ExportOptions options;
    private final Optional<Charset> foreign;

    CommitFormatter(CommitInfo commit, ExportOptions options) {
        this.commit = commit;
        this.text = new CommitText(commit);
        this.options = options;
        this.foreign = CommitText.foreignCharset(commit.encoding());
    }

    /** Appends the expansion of {@code fmt[from, to)} (cut at a NUL, as git's C string is) to {@code out}. */
    void expand(byte[] fmt, int from, int to, BoundedOutput out) {
        int end = from;
        while (end < to && fmt[end] != 0) {
            end++;
        }
        int i = from;
        while (i < end) {
            byte c = fmt[i];
            if (c != '%') {
                out.write(c);
                i++;
                continue;
            }
            i++;
            if (i < end && fmt[i] == '%') {
                out.write('%');
                i++;
                continue;
            }
            int consumed = item(new Fmt(fmt, end), i, out);
            if (consumed == 0) {
                out.write('%');
            }
            i += consumed;
        }
        if (foreign.isPresent()) {
            // git converts its whole output buffer, file content included, back to the commit's encoding
            CommitText.recode(out.toByteArray(), StandardCharsets.UTF_8, foreign.get()).ifPresent(out::replaceAll);
        }
    }

    /** A format's bytes with an end; {@code at} beyond the end reads as NUL, like git's C string. */
    record Fmt(byte[] b, int end) {
        int at(int i) {
            return i < end ? b[i] & 0xff : 0;
        }

        int indexOf(int c, int from) {
            for (int i = from; i < end; i++) {
                if (b[i] == c) {
                    return i;
                }
            }
            return -1;
        }

        boolean startsWith(int i, String s) {
            for (int k = 0; k < s.length(); k++) {
                if (at(i + k) != s.charAt(k)) {
                    return false;
                }
            }
            return true;
        }
    }

    private int item(Fmt f, int i, BoundedOutput out) {
        int magic = f.at(i);
        if (magic != '-' && magic != '+' && magic != ' ') {
            return one(f, i, out);
        }
        if (f.at(i + 1) == 'w') {
            return 0;
        }
        int before = out.length();
        int consumed = one(f, i + 1, out);
        if (out.length() == before && magic == '-') {
            int n = out.length();
            while (n > 0 && out.byteAt(n - 1) == '\n') {
                n--;
            }
            out.truncate(n);
        } else if (out.length() != before && magic != '-') {
            out.insert(before, magic == '+' ? '\n' : ' ');
        }
        return consumed + 1;
    }

    private int one(Fmt f, int i, BoundedOutput out) {
        int c = f.at(i);
        switch (c) {
            case 'n' -> {
                out.write('\n');
                return 1;
            }
            case 'x' -> {
                int hi = Character.digit(f.at(i + 1), 16);
                int lo = f.at(i + 1) == 0 ? -1 : Character.digit(f.at(i + 2), 16);
                if (hi < 0 || lo < 0 || f.at(i + 1) > 0x7f || f.at(i + 2) > 0x7f) {
                    return 0;
                }
                out.write(hi * 16 + lo);
                return 3;
            }
            case 'C' -> {
                return color(f, i);
            }
            case 'w' -> {
                return wrap(f, i);
            }
            case '<', '>' -> {
                return padding(f, i);
            }
            default -> {
                // the placeholders below depend on the commit
            }
        }
        if (f.startsWith(i, "(describe") || f.startsWith(i, "(trailers")) {
            int close = f.indexOf(')', i);
            return close < 0 ? 0 : close - i + 1;
        }
        return CommitPlaceholders.expand(f, i, out, commit, text, options);
    }

    private static int color(Fmt f, int i) {
        if (f.at(i + 1) == '(') {
            int close = f.indexOf(')', i + 2);
            return close < 0 ? 0 : close - i + 1;
        }
        for (String name : new String[] {"red", "green", "blue", "reset"}) {
            if (f.startsWith(i + 1, name)) {
                return 1 + name.length();
            }
        }
        return 0;
    }

    private static int wrap(Fmt f, int i) {
        if (f.at(i + 1) != '(') {
            return 0;
        }
        int close = f.indexOf(')', i + 2);
        if (close < 0) {
            return 0;
        }
        String args = new String(f.b(), i + 2, close - i - 2, StandardCharsets.ISO_8859_1);
        if (!args.isEmpty()) {
            String[] parts = args.split(",", -1);
            if (parts.length > 3) {
                return 0;
            }
            for (String p : parts) {
                if (!p.matches("[0-9]{1,9}") || Long.parseLong(p) > FORMATTING_LIMIT) {
                    return 0;
                }
            }
        }
        return close - i + 1;
    }

    private static int padding(Fmt f, int i) {
        int at = i + 1;
        int c = f.at(i);
        int next = f.at(at);
        if ((c == '<' && next == '|') || (c == '>' && (next == '<' || next == '>' || next == '|'))) {
            at++;
        }
        if (f.at(at) != '(') {
            return 0;
        }
        int close = f.indexOf(')', at + 1);
        return close < 0 ? 0 : close - i + 1;
    }
}
