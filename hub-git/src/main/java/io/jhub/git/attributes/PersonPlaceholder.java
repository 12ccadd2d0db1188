package io.jhub.git.attributes;

/** {@code %a?} and {@code %c?}: a part of the author or committer line. */
final class PersonPlaceholder {
    private PersonPlaceholder() {
    }

    /**
     * Expands one part.
     *
     * @param part the letter after {@code a} or {@code c}
     * @param line the header line's value, null if the commit has none
     * @return 2 if expanded (possibly to nothing), 0 if git leaves the placeholder as text
     */
    static int expand(int part, byte[] line, BoundedOutput out, ExportOptions options) {
        IdentLine id = line == null ? null : IdentLine.split(line);
        if (id != null) {
            switch (part) {
                case 'n', 'N' -> {
                    out.write(line, 0, id.nameEnd());
                    return 2;
                }
                case 'e', 'E' -> {
                    out.write(line, id.mailBegin(), id.mailEnd() - id.mailBegin());
                    return 2;
                }
                case 'l', 'L' -> {
                    int end = id.mailBegin();
                    while (end < id.mailEnd() && line[end] != '@') {
                        end++;
                    }
                    out.write(line, id.mailBegin(), end - id.mailBegin());
                    return 2;
                }
                default -> {
                    // a date part, below
                }
            }
            if (id.hasDate() && date(part, id, line, out, options)) {
                return 2;
            }
        }
        return "netdDri".indexOf(part) >= 0 && part != 0 ? 2 : 0;
    }

    private static boolean date(int part, IdentLine id, byte[] line, BoundedOutput out, ExportOptions options) {
        long time = Math.max(0, id.timestamp());
        int tz = id.timestamp() < 0 ? 0 : id.zone();
        long now = options.clock().instant().getEpochSecond();
        switch (part) {
            case 't' -> out.write(line, id.dateBegin(), id.dateEnd() - id.dateBegin());
            case 'd' -> out.write(GitDates.normal(time, tz));
            case 'D' -> out.write(GitDates.rfc2822(time, tz));
            case 'r' -> out.write(GitDates.relative(time, now));
            case 'i' -> out.write(GitDates.iso(time, tz));
            case 'I' -> out.write(GitDates.isoStrict(time, tz));
            case 'h' -> out.write(GitDates.human(time, tz, now));
            case 's' -> out.write(GitDates.shortDate(time, tz));
            default -> {
                return false;
            }
        }
        return true;
    }
}
