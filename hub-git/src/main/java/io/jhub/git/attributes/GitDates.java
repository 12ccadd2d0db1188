package io.jhub.git.attributes;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;

/** Git's date formats for {@code %ad}, {@code %aD}, {@code %ai}, {@code %aI}, {@code %as} and {@code %ar}. */
final class GitDates {
    private static final String[] DAYS = {"Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"};
    private static final String[] MONTHS = {"Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct",
        "Nov", "Dec"};

    private GitDates() {
    }

    /** The wall-clock time in the writer's zone, shifting by the zone written as {@code ±hhmm}. */
    private static LocalDateTime local(long time, int tz) {
        int abs = Math.abs(tz);
        long minutes = (abs / 100) * 60L + abs % 100;
        long shifted = time + (tz < 0 ? -minutes : minutes) * 60;
        try {
            return LocalDateTime.ofEpochSecond(shifted, 0, ZoneOffset.UTC);
        } catch (java.time.DateTimeException outOfRange) {
            return LocalDateTime.ofEpochSecond(0, 0, ZoneOffset.UTC);
        }
    }

    private static String zone(int tz) {
        return String.format(Locale.ROOT, "%+05d", tz);
    }

    /** {@code Thu Apr 7 15:13:13 2005 -0700}: the default of {@code %ad} in an archive. */
    static String normal(long time, int tz) {
        LocalDateTime t = local(time, tz);
        return String.format(Locale.ROOT, "%s %s %d %02d:%02d:%02d %d", DAYS[t.getDayOfWeek().ordinal()],
                MONTHS[t.getMonthValue() - 1], t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
                t.getYear()) + (tz == -1 ? "" : " " + zone(tz));
    }

    /**
     * {@code %ah}: git's "human" date relative to {@code now} for a host whose local zone is UTC: recent dates as
     * relative ones, this year's without the year, older ones as month, day and year.
     */
    static String human(long time, int tz, long now) {
        LocalDateTime t = local(time, tz);
        LocalDateTime n = local(now, 0);
        boolean hideYear = t.getYear() == n.getYear();
        boolean hideDate = false;
        if (hideYear && t.getMonthValue() == n.getMonthValue()) {
            if (t.getDayOfMonth() == n.getDayOfMonth()) {
                return relative(time, now);
            } else if (t.getDayOfMonth() < n.getDayOfMonth() && t.getDayOfMonth() + 5 > n.getDayOfMonth()) {
                hideDate = true;
            }
        }
        boolean hideTz = tz == 0 || !hideDate;
        StringBuilder b = new StringBuilder();
        if (hideYear) {
            b.append(DAYS[t.getDayOfWeek().ordinal()]).append(' ');
        }
        if (!hideDate) {
            b.append(MONTHS[t.getMonthValue() - 1]).append(' ').append(t.getDayOfMonth()).append(' ');
        }
        if (hideYear) {
            b.append(String.format(Locale.ROOT, "%02d:%02d", t.getHour(), t.getMinute()));
        } else {
            b.setLength(b.toString().stripTrailing().length());
            b.append(' ').append(t.getYear());
        }
        if (!hideTz) {
            b.append(' ').append(zone(tz));
        }
        return b.toString();
    }

    static String rfc2822(long time, int tz) {
        LocalDateTime t = local(time, tz);
        return String.format(Locale.ROOT, "%s, %d %s %d %02d:%02d:%02d %s", DAYS[t.getDayOfWeek().ordinal()],
                t.getDayOfMonth(), MONTHS[t.getMonthValue() - 1], t.getYear(), t.getHour(), t.getMinute(),
                t.getSecond(), zone(tz));
    }

    static String iso(long time, int tz) {
        LocalDateTime t = local(time, tz);
        return String.format(Locale.ROOT, "%04d-%02d-%02d %02d:%02d:%02d %s", t.getYear(), t.getMonthValue(),
                t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(), zone(tz));
    }

    static String isoStrict(long time, int tz) {
        LocalDateTime t = local(time, tz);
        int abs = Math.abs(tz);
        return String.format(Locale.ROOT, "%04d-%02d-%02dT%02d:%02d:%02d%c%02d:%02d", t.getYear(),
                t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), t.getSecond(),
                tz >= 0 ? '+' : '-', abs / 100, abs % 100);
    }

    static String shortDate(long time, int tz) {
        LocalDateTime t = local(time, tz);
        return String.format(Locale.ROOT, "%04d-%02d-%02d", t.getYear(), t.getMonthValue(), t.getDayOfMonth());
    }

    /** {@code 3 weeks ago}, relative to {@code now} (seconds since the epoch), in git's English wording. */
    static String relative(long time, long now) {
        if (now < time) {
            return "in the future";
        }
        long diff = now - time;
        if (diff < 90) {
            return plural(diff, "second") + " ago";
        }
        diff = (diff + 30) / 60;
        if (diff < 90) {
            return plural(diff, "minute") + " ago";
        }
        diff = (diff + 30) / 60;
        if (diff < 36) {
            return plural(diff, "hour") + " ago";
        }
        diff = (diff + 12) / 24;
        if (diff < 14) {
            return plural(diff, "day") + " ago";
        }
        if (diff < 70) {
            return plural((diff + 3) / 7, "week") + " ago";
        }
        if (diff < 365) {
            return plural((diff + 15) / 30, "month") + " ago";
        }
        if (diff < 1825) {
            long totalMonths = (diff * 12 * 2 + 365) / (365 * 2);
            long years = totalMonths / 12;
            long months = totalMonths % 12;
            return months == 0 ? plural(years, "year") + " ago"
                    : plural(years, "year") + ", " + plural(months, "month") + " ago";
        }
        return plural((diff + 183) / 365, "year") + " ago";
    }

    private static String plural(long n, String unit) {
        return n + " " + unit + (n == 1 ? "" : "s");
    }
}
