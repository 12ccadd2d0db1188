package io.jhub.git.attributes;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * A commit's text as git's pretty-printer sees it: re-encoded to UTF-8 when the commit names another encoding
 * (kept as stored when that fails), cut at the first NUL, with the offsets of author, committer, message, subject
 * and body.
 */
final class CommitText {
    final byte[] msg;
    final byte[] author;
    final byte[] committer;
    final int messageOff;
    final int subjectOff;
    final int bodyOff;

    CommitText(CommitInfo commit) {
        byte[] text = commit.rawBytes();
        Optional<Charset> cs = foreignCharset(commit.encoding());
        if (cs.isPresent()) {
            text = recode(text, cs.get(), StandardCharsets.UTF_8).orElse(text);
        }
        int nul = 0;
        while (nul < text.length && text[nul] != 0) {
            nul++;
        }
        msg = Arrays.copyOf(text, nul);
        author = headerValue(msg, "author ");
        committer = headerValue(msg, "committer ");
        int m = CommitInfo.messageStart(msg);
        messageOff = m < 0 ? msg.length : m - 1;
        subjectOff = skipBlankLines(messageOff);
        bodyOff = skipBlankLines(endOfSubject(subjectOff));
    }

    /** The charset to convert from and back to, if the commit names one other than UTF-8 that Java knows. */
    static Optional<Charset> foreignCharset(Optional<String> encoding) {
        if (encoding.isEmpty()) {
            return Optional.empty();
        }
        String e = encoding.get().toLowerCase(Locale.ROOT);
        if (e.equals("utf-8") || e.equals("utf8")) {
            return Optional.empty();
        }
        try {
            return Optional.of(Charset.forName(encoding.get()));
        } catch (IllegalArgumentException unknown) {
            return Optional.empty();
        }
    }

    static Optional<byte[]> recode(byte[] in, Charset from, Charset to) {
        try {
            var chars = from.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(in));
            ByteBuffer out = to.newEncoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).encode(chars);
            byte[] b = new byte[out.remaining()];
            out.get(b);
            return Optional.of(b);
        } catch (CharacterCodingException | UnsupportedOperationException e) {
            return Optional.empty();
        }
    }

    /** The value of the last header line starting with {@code key}, or null. */
    static byte[] headerValue(byte[] raw, String key) {
        byte[] k = key.getBytes(StandardCharsets.US_ASCII);
        byte[] found = null;
        int i = 0;
        while (i < raw.length && raw[i] != '\n') {
            int eol = i;
            while (eol < raw.length && raw[eol] != '\n') {
                eol++;
            }
            if (eol - i >= k.length && Arrays.equals(raw, i, i + k.length, k, 0, k.length)) {
                found = Arrays.copyOfRange(raw, i + k.length, eol);
            }
            i = eol + 1;
        }
        return found;
    }

    /** The end of the line starting at {@code from}, after its {@code \n} if it has one. */
    int lineEnd(int from) {
        int i = from;
        while (i < msg.length && msg[i] != '\n') {
            i++;
        }
        return i < msg.length ? i + 1 : i;
    }

    /** The length of a line without its trailing white space (git's is_blank_line). */
    int trimmedLength(int from, int end) {
        int e = end;
        while (e > from && IdentLine.isSpace(msg[e - 1])) {
            e--;
        }
        return e - from;
    }

    private int skipBlankLines(int from) {
        int at = from;
        while (at < msg.length) {
            int end = lineEnd(at);
            if (trimmedLength(at, end) != 0) {
                break;
            }
            at = end;
        }
        return at;
    }

    /** Past the subject paragraph and the blank line that ends it (git's format_subject). */
    private int endOfSubject(int from) {
        int at = from;
        while (true) {
            int start = at;
            at = lineEnd(start);
            if (at == start || trimmedLength(start, at) == 0) {
                return at;
            }
        }
    }
}
