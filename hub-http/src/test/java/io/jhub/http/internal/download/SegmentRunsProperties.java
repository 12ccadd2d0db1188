package io.jhub.http.internal.download;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.TreeSet;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;

/** The run scheduler of parallel downloads: every missing segment is fetched exactly once, whatever the order. */
class SegmentRunsProperties {

    /**
     * Simulates connections that each hold at most one run and, picked at random, either finish their current
     * segment or ask for a new run when idle; records which connection finished which segment.
     */
    @Property(tries = 300)
    void everyMissingSegmentIsFetchedExactlyOnce(@ForAll @Size(max = 40) List<@IntRange(max = 60) Integer> missing,
                                                 @ForAll @IntRange(min = 1, max = 6) int connections,
                                                 @ForAll long seed) {
        List<Integer> todo = new ArrayList<>(new TreeSet<>(missing));
        SegmentRuns runs = new SegmentRuns(todo, connections);
        List<Optional<SegmentRuns.Run>> held = new ArrayList<>();
        for (int i = 0; i < connections; i++) {
            held.add(runs.next());
        }
        List<Integer> fetched = new ArrayList<>();
        Random random = new Random(seed);
        while (held.stream().anyMatch(Optional::isPresent)) {
            int c = random.nextInt(connections);
            Optional<SegmentRuns.Run> run = held.get(c);
            if (run.isEmpty()) {
                continue;
            }
            SegmentRuns.Run r = run.get();
            assertTrue(r.current() < r.end(), "a held run has its current segment left");
            fetched.add(r.current());
            if (!r.advance()) {
                held.set(c, runs.next());
            }
        }
        fetched.sort(null);
        assertEquals(todo, fetched);
    }

    @Example
    void runsAreConsecutiveGroupsSplitUntilEveryConnectionHasOne() {
        SegmentRuns runs = new SegmentRuns(List.of(0, 1, 2, 3, 4, 5, 8, 9), 3);
        assertEquals(List.of(0, 3), startAndEnd(runs.next()));
        assertEquals(List.of(3, 6), startAndEnd(runs.next()));
        assertEquals(List.of(8, 10), startAndEnd(runs.next()));
    }

    @Example
    void anIdleConnectionTakesTheLaterHalfOfTheBusiestRunsUnstartedSegments() {
        SegmentRuns runs = new SegmentRuns(List.of(0, 1, 2, 3, 4, 5, 6, 7), 2);
        SegmentRuns.Run first = runs.next().orElseThrow();
        SegmentRuns.Run second = runs.next().orElseThrow();
        assertEquals(List.of(4, 8), List.of(second.current(), second.end()));
        for (int i = 0; i < 3; i++) {
            assertTrue(first.advance());
        }
        assertTrue(!first.advance(), "segments 0 to 3 done");
        // second is on segment 4, with 5, 6 and 7 unstarted: the idle connection takes 6 and 7
        assertEquals(List.of(6, 8), startAndEnd(runs.next()));
        assertEquals(6, second.end());
        assertTrue(second.advance());
        assertTrue(!second.advance(), "segment 5 was its last");
    }

    @Example
    void nothingIsLeftToTakeWhenEveryRunIsOnItsLastSegment() {
        SegmentRuns runs = new SegmentRuns(List.of(0, 1), 2);
        runs.next().orElseThrow();
        runs.next().orElseThrow();
        assertTrue(runs.next().isEmpty());
    }

    private static List<Integer> startAndEnd(Optional<SegmentRuns.Run> run) {
        return List.of(run.orElseThrow().current(), run.orElseThrow().end());
    }
}
