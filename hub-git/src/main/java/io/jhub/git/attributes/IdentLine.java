package io.jhub.git.attributes;

import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * An author or committer line split as git splits it (name, mail, date, zone), on bytes; broken lines are read
 * as far as git reads them.
 */
record IdentLine(byte[] line, int nameEnd, int mailBegin, int mailEnd, int dateBegin, int dateEnd, int tzBegin,
        int tzEnd) {

    static boolean isSpace(int c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\r';
    }

    /** Splits a line; null if it has no {@code <...>} (git then formats no name, mail or date). */
    static IdentLine split(byte[] line) {
        int lt = -1;
        for (int i = 0; i < line.length; i++) {
            if (line[i] == '<') {
                lt = i;
                break;
            }
        }
        if (lt < 0) {
            return null;
        }
        int nameEnd = lt;
        while (nameEnd > 0 && isSpace(line[nameEnd - 1])) {
            nameEnd--;
        }
        int gt = -1;
        for (int i = lt + 1; i < line.length; i++) {
            if (line[i] == '>') {
                gt = i;
                break;
            }
        }
        if (gt < 0) {
            return null;
        }
        int last = line.length - 1;
        while (line[last] != '>') {
            last--;
        }
        int cp = last + 1;
        while (cp < line.length && isSpace(line[cp])) {
            cp++;
        }
        int dateBegin = cp;
        while (cp < line.length && line[cp] >= '0' && line[cp] <= '9') {
            cp++;
        }
        if (cp == dateBegin) {
            return new IdentLine(line, nameEnd, lt + 1, gt, -1, -1, -1, -1);
        }
        int dateEnd = cp;
        while (cp < line.length && isSpace(line[cp])) {
            cp++;
        }
        if (cp >= line.length || (line[cp] != '+' && line[cp] != '-')) {
            return new IdentLine(line, nameEnd, lt + 1, gt, -1, -1, -1, -1);
        }
        int tzBegin = cp++;
        while (cp < line.length && line[cp] >= '0' && line[cp] <= '9') {
            cp++;
        }
        if (cp == tzBegin + 1) {
            return new IdentLine(line, nameEnd, lt + 1, gt, -1, -1, -1, -1);
        }
        return new IdentLine(line, nameEnd, lt + 1, gt, dateBegin, dateEnd, tzBegin, cp);
    }

    boolean hasDate() {
        return dateBegin >= 0;
    }

    /** The timestamp as git reads it: its digits, or -1 when too large (git then shows the epoch in UTC). */
    long timestamp() {
        long t = 0;
        for (int i = dateBegin; i < dateEnd; i++) {
            int d = line[i] - '0';
            if (t > (Long.MAX_VALUE - d) / 10) {
                return -1;
            }
            t = t * 10 + d;
        }
        return t;
    }

    /** The zone as git reads it: an integer such as -700 for {@code -0700}, 0 when out of int range. */
    int zone() {
        long z = 0;
        for (int i = tzBegin + 1; i < tzEnd; i++) {
            z = z * 10 + (line[i] - '0');
            if (z >= Integer.MAX_VALUE) {
                return 0;
            }
        }
        return (int) (line[tzBegin] == '-' ? -z : z);
    }

    Person toPerson() {
        return new Person(new String(line, 0, nameEnd, StandardCharsets.UTF_8),
                new String(line, mailBegin, mailEnd - mailBegin, StandardCharsets.UTF_8),
                hasDate() && timestamp() >= 0 ? Optional.of(timestamp()) : Optional.empty(),
                hasDate() ? Optional.of(new String(line, tzBegin, tzEnd - tzBegin, StandardCharsets.US_ASCII))
                        : Optional.empty());
    }
}
