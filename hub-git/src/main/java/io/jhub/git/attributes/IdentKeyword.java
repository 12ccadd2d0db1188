package io.jhub.git.attributes;

import java.nio.charset.StandardCharsets;

/**
 * The {@code ident} attribute on checkout: {@code $Id$}, and an expanded {@code $Id: ... $} without spaces inside
 * and without a line break, become {@code $Id: <blob id> $}.
 */
final class IdentKeyword {
    private IdentKeyword() {
    }

    static void apply(byte[] src, String blobId, BoundedOutput out) {
        byte[] expansion = ("Id: " + blobId + " $").getBytes(StandardCharsets.US_ASCII);
        int s = 0;
        int len = src.length;
        while (true) {
            int dollar = indexOf(src, '$', s, len);
            if (dollar < 0) {
                break;
            }
            out.write(src, s, dollar + 1 - s);
            s = dollar + 1;
            if (len - s < 3 || src[s] != 'I' || src[s + 1] != 'd') {
                continue;
            }
            if (src[s + 2] == '$') {
                s += 3;
            } else if (src[s + 2] == ':') {
                int close = indexOf(src, '$', s + 3, len);
                if (close < 0) {
                    break;
                }
                if (indexOf(src, '\n', s + 3, close) >= 0) {
                    continue;
                }
                int space = close >= s + 4 ? indexOf(src, ' ', s + 4, close) : -1;
                if (space >= 0 && space < close - 1) {
                    // another system's keyword: left alone
                    continue;
                }
                s = close + 1;
            } else {
                continue;
            }
            out.write(expansion);
        }
        out.write(src, s, len - s);
    }

    private static int indexOf(byte[] b, int c, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] == c) {
                return i;
            }
        }
        return -1;
    }
}
