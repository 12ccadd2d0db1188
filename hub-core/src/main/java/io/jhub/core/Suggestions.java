package io.jhub.core;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Finds the known name nearest to a misspelt one, for "did you mean" hints (entries, commands, options, setting
 * keys). Distance is the optimal string alignment distance (insertions, deletions, substitutions and swaps of two
 * neighbouring characters), ignoring case.
 *
 * @since 0.2
 */
public final class Suggestions {
    private Suggestions() {
    }

    /**
     * Returns the candidate nearest to {@code word}, if one is near enough to be a likely typo: at most one edit
     * for names up to four characters, two up to eight, three beyond.
     *
     * @param word what was written
     * @param candidates the known names
     * @return the nearest candidate (the first one on a tie), or empty when none is near
     * @throws NullPointerException if an argument is null
     */
    public static Optional<String> nearest(String word, Collection<String> candidates) {
        Objects.requireNonNull(word, "word");
        Objects.requireNonNull(candidates, "candidates");
        int limit = word.length() <= 4 ? 1 : word.length() <= 8 ? 2 : 3;
        String best = null;
        int bestDistance = Integer.MAX_VALUE;
        for (String c : candidates) {
            int d = distance(word.toLowerCase(Locale.ROOT), c.toLowerCase(Locale.ROOT));
            if (d <= limit && d < bestDistance && !c.equals(word)) {
                best = c;
                bestDistance = d;
            }
        }
        return Optional.ofNullable(best);
    }

    /**
     * Returns {@code " Did you mean X?"} for the nearest candidate, or the empty string.
     *
     * @param word what was written
     * @param candidates the known names
     * @return the hint with a leading space, or ""
     */
    public static String hint(String word, Collection<String> candidates) {
        return nearest(word, candidates).map(c -> " Did you mean \"" + c + "\"?").orElse("");
    }

    static int distance(String a, String b) {
        int[][] d = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            d[i][0] = i;
        }
        for (int j = 0; j <= b.length(); j++) {
            d[0][j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                d[i][j] = Math.min(Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1), d[i - 1][j - 1] + cost);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    d[i][j] = Math.min(d[i][j], d[i - 2][j - 2] + 1);
                }
            }
        }
        return d[a.length()][b.length()];
    }
}
