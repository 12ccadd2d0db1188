package io.jhub.http.internal.download;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Hands out the missing segments of a parallel download as runs of consecutive segments, so each connection asks
 * for one long range instead of one range per segment (each new request costs a connection, a TLS handshake and,
 * on a real network, a slow start). A connection whose work is done takes the later half of the unstarted
 * segments of the busiest run; that run then stops at the new end. Every segment is written by exactly one run.
 */
final class SegmentRuns {
    /** A run being fetched: segments {@code [current, end)}; the owner finishes {@code current} next. */
    final class Run {
        private int current;
        private int end;

        private Run(int first, int end) {
            this.current = first;
            this.end = end;
        }

        /**
         * Returns the segment being fetched.
         *
         * @return its index
         */
        int current() {
            synchronized (SegmentRuns.this) {
                return current;
            }
        }

        /**
         * Returns the end of the run, which a stealing connection may lower.
         *
         * @return the index after its last segment
         */
        int end() {
            synchronized (SegmentRuns.this) {
                return end;
            }
        }

        /**
         * Records that the current segment is complete and moves to the next one.
         *
         * @return true when the run goes on, false when it is over (ended or its rest was taken)
         */
        boolean advance() {
            synchronized (SegmentRuns.this) {
                current++;
                if (current < end) {
                    return true;
                }
                active.remove(this);
                return false;
            }
        }
    }

    private final Deque<Run> waiting = new ArrayDeque<>();
    private final List<Run> active = new ArrayList<>();

    /**
     * Splits the missing segments into runs: maximal groups of consecutive indexes, the longest split in halves
     * until there are as many runs as connections or no run has two segments.
     *
     * @param todo missing segment indexes, ascending
     * @param connections how many connections will ask for runs
     */
    SegmentRuns(List<Integer> todo, int connections) {
        List<int[]> runs = new ArrayList<>();
        for (int i = 0; i < todo.size(); ) {
            int j = i;
            while (j + 1 < todo.size() && todo.get(j + 1) == todo.get(j) + 1) {
                j++;
            }
            runs.add(new int[] {todo.get(i), todo.get(j) + 1});
            i = j + 1;
        }
        while (runs.size() < connections) {
            int longest = 0;
            for (int k = 1; k < runs.size(); k++) {
                if (length(runs.get(k)) > length(runs.get(longest))) {
                    longest = k;
                }
            }
            if (runs.isEmpty() || length(runs.get(longest)) < 2) {
                break;
            }
            int[] r = runs.get(longest);
            int mid = r[0] + length(r) / 2;
            runs.set(longest, new int[] {r[0], mid});
            runs.add(longest + 1, new int[] {mid, r[1]});
        }
        for (int[] r : runs) {
            waiting.add(new Run(r[0], r[1]));
        }
    }

    private static int length(int[] run) {
        return run[1] - run[0];
    }

    /**
     * Returns the next run for a connection: a waiting one, else the later half of the unstarted segments of the
     * active run with the most of them.
     *
     * @return the run, or empty when every segment is fetched or being fetched
     */
    synchronized Optional<Run> next() {
        Run r = waiting.poll();
        if (r == null) {
            r = steal();
        }
        if (r != null) {
            active.add(r);
        }
        return Optional.ofNullable(r);
    }

    private Run steal() {
        Run busiest = null;
        for (Run a : active) {
            if (busiest == null || a.end - a.current > busiest.end - busiest.current) {
                busiest = a;
            }
        }
        int unstarted = busiest == null ? 0 : busiest.end - busiest.current - 1;
        if (unstarted < 1) {
            return null;
        }
        int from = busiest.end - (unstarted + 1) / 2;
        Run taken = new Run(from, busiest.end);
        busiest.end = from;
        return taken;
    }
}
