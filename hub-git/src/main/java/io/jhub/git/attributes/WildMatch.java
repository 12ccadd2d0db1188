package io.jhub.git.attributes;

/**
 * Git's glob matcher for attribute patterns, on bytes: {@code *}, {@code ?}, {@code [...]} with ranges, {@code !} or
 * {@code ^} negation and {@code [:class:]} names (ASCII, C locale), backslash escapes, and, in path mode,
 * {@code **} between slashes spanning any number of directories. Case-sensitive, as on a Linux host.
 */
final class WildMatch {
    private static final int MATCH = 0;
    private static final int NO_MATCH = 1;
    private static final int ABORT_ALL = -1;
    private static final int ABORT_TO_STARSTAR = -2;

    private WildMatch() {
    }

    /**
     * Matches a whole text against a whole pattern.
     *
     * @param pattern pattern bytes {@code [pFrom, pEnd)}
     * @param text text bytes {@code [tFrom, tEnd)}
     * @param pathname whether {@code *} and {@code ?} stop at {@code /} (git's WM_PATHNAME)
     * @return whether it matches
     */
    static boolean matches(byte[] pattern, int pFrom, int pEnd, byte[] text, int tFrom, int tEnd, boolean pathname) {
        return new Run(pattern, pEnd, text, tEnd, pathname).match(pFrom, tFrom) == MATCH;
    }

    static boolean isGlobSpecial(int c) {
        return c == '*' || c == '?' || c == '[' || c == '\\';
    }

    private static final class Run {
        private final byte[] p;
        private final int pe;
        private final byte[] t;
        private final int te;
        private final boolean path;

        Run(byte[] p, int pe, byte[] t, int te, boolean path) {
            this.p = p;
            this.pe = pe;
            this.t = t;
            this.te = te;
            this.path = path;
        }

        int pat(int i) {
            return i < pe ? p[i] & 0xff : 0;
        }

        int txt(int i) {
            return i < te ? t[i] & 0xff : 0;
        }

        int match(int pi, int ti) {
            final int start = pi;
            for (; pi < pe; ti++, pi++) {
                int pc = pat(pi);
                int tc = txt(ti);
                if (tc == 0 && pc != '*') {
                    return ABORT_ALL;
                }
                if (pc == '\\') {
                    pc = pat(++pi);
                    if (tc != pc) {
                        return NO_MATCH;
                    }
                } else if (pc == '?') {
                    if (path && tc == '/') {
                        return NO_MATCH;
                    }
                } else if (pc == '*') {
                    boolean matchSlash;
                    if (pat(++pi) == '*') {
                        int prev = pi - 2;
                        while (pat(++pi) == '*') {
                            // a run of stars is one
                        }
                        if (!path) {
                            matchSlash = true;
                        } else if ((prev < start || pat(prev) == '/')
                                && (pi >= pe || pat(pi) == '/' || (pat(pi) == '\\' && pat(pi + 1) == '/'))) {
                            if (pat(pi) == '/' && match(pi + 1, ti) == MATCH) {
                                return MATCH;
                            }
                            matchSlash = true;
                        } else {
                            matchSlash = false;
                        }
                    } else {
                        matchSlash = !path;
                    }
                    if (pi >= pe) {
                        return !matchSlash && indexOfSlash(ti) >= 0 ? NO_MATCH : MATCH;
                    }
                    if (!matchSlash && pat(pi) == '/') {
                        int slash = indexOfSlash(ti);
                        if (slash < 0) {
                            return NO_MATCH;
                        }
                        ti = slash;
                        continue;
                    }
                    return star(pi, ti, tc, matchSlash);
                } else if (pc == '[') {
                    int end = bracket(pi, tc);
                    if (end < 0) {
                        return end == -1 ? ABORT_ALL : NO_MATCH;
                    }
                    pi = end;
                } else if (tc != pc) {
                    return NO_MATCH;
                }
            }
            return ti < te ? NO_MATCH : MATCH;
        }

        private int star(int pi, int ti, int tc, boolean matchSlash) {
            while (tc != 0) {
                if (!isGlobSpecial(pat(pi))) {
                    int pc = pat(pi);
                    while ((tc = txt(ti)) != 0 && (matchSlash || tc != '/') && tc != pc) {
                        ti++;
                    }
                    if (tc != pc) {
                        return NO_MATCH;
                    }
                }
                int m = match(pi, ti);
                if (m != NO_MATCH) {
                    if (!matchSlash || m != ABORT_TO_STARSTAR) {
                        return m;
                    }
                } else if (!matchSlash && tc == '/') {
                    return ABORT_TO_STARSTAR;
                }
                tc = txt(++ti);
            }
            return ABORT_ALL;
        }

        /** Matches one character class starting at {@code [}; returns the index of its {@code ]}, -1 (abort) or -2. */
        private int bracket(int pi, int tc) {
            int pc = pat(++pi);
            if (pc == '^') {
                pc = '!';
            }
            boolean negated = pc == '!';
            if (negated) {
                pc = pat(++pi);
            }
            int prev = 0;
            boolean matched = false;
            do {
                if (pc == 0) {
                    return -1;
                }
                if (pc == '\\') {
                    pc = pat(++pi);
                    if (pc == 0) {
                        return -1;
                    }
                    matched |= tc == pc;
                } else if (pc == '-' && prev != 0 && pat(pi + 1) != 0 && pat(pi + 1) != ']') {
                    pc = pat(++pi);
                    if (pc == '\\') {
                        pc = pat(++pi);
                        if (pc == 0) {
                            return -1;
                        }
                    }
                    matched |= tc <= pc && tc >= prev;
                    pc = 0;
                } else if (pc == '[' && pat(pi + 1) == ':') {
                    pi += 2;
                    int s = pi;
                    while ((pc = pat(pi)) != 0 && pc != ']') {
                        pi++;
                    }
                    if (pc == 0) {
                        return -1;
                    }
                    int len = pi - s - 1;
                    if (len < 0 || pat(pi - 1) != ':') {
                        // no ":]": a plain '[' in the set
                        pi = s - 2;
                        pc = '[';
                        matched |= tc == pc;
                        continue;
                    }
                    int cls = CharClass.test(p, s, len, tc);
                    if (cls < 0) {
                        return -1;
                    }
                    matched |= cls == 1;
                    pc = 0;
                } else {
                    matched |= tc == pc;
                }
            } while ((prev = pc) >= 0 && (pc = pat(++pi)) != ']');
            if (matched == negated || (path && tc == '/')) {
                return -2;
            }
            return pi;
        }

        private int indexOfSlash(int from) {
            for (int i = from; i < te; i++) {
                if (t[i] == '/') {
                    return i;
                }
            }
            return -1;
        }
    }
}
