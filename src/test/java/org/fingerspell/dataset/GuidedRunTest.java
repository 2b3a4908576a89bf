package org.fingerspell.dataset;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class GuidedRunTest {

    private static ManifestRow row(String label, int n) {
        return new ManifestRow(label + "/" + n + ".png", label, Shots.SESSION, null, Instant.EPOCH, "", "", false);
    }

    /** Drives the run with a fake clock in 100 ms steps; every shot asked for is saved at once. */
    private static List<String> drive(GuidedRun run, long from, long until) {
        List<String> shots = new ArrayList<>();
        for (long now = from; now <= until && run.phase() != GuidedRun.Phase.DONE; now += 100) {
            if (run.tick(now)) {
                shots.add(run.label() + "@" + now);
                run.saved(row(run.label(), shots.size()), now);
            }
        }
        return shots;
    }

    @Test
    void tick_countsDownThenShootsABurstPerClassApart() {
        GuidedRun run = new GuidedRun(List.of("A", "B"), 2, 1000, 300, 0);

        assertEquals(1, run.secondsLeft(0));
        List<String> shots = drive(run, 0, 10_000);

        assertEquals(List.of("A@1000", "A@1300", "B@2300", "B@2600"), shots);
        assertEquals(GuidedRun.Phase.DONE, run.phase());
    }

    @Test
    void tick_whileAShotIsPending_asksForNoOther() {
        GuidedRun run = new GuidedRun(List.of("A"), 3, 0, 0, 0);

        assertTrue(run.tick(0));
        assertFalse(run.tick(100));
        run.missed(100);
        assertTrue(run.tick(100));
    }

    @Test
    void pause_stopsShooting_resumeCountsDownAgain() {
        GuidedRun run = new GuidedRun(List.of("A"), 2, 500, 100, 0);
        run.pause();

        assertFalse(run.tick(5000));
        run.resume(5000);
        assertEquals(GuidedRun.Phase.COUNTDOWN, run.phase());
        assertFalse(run.tick(5400));
        assertTrue(run.tick(5500));
    }

    @Test
    void skip_movesToTheNextClass() {
        GuidedRun run = new GuidedRun(List.of("A", "B", "C"), 2, 0, 0, 0);
        run.skip(0);

        assertEquals("B", run.label());
        assertEquals(1, run.position());
    }

    @Test
    void redo_midBurst_discardsThisClassesShots() {
        GuidedRun run = new GuidedRun(List.of("A", "B"), 3, 0, 0, 0);
        run.tick(0);
        run.saved(row("A", 1), 0);

        List<ManifestRow> discarded = run.redo(0);

        assertEquals(List.of(row("A", 1)), discarded);
        assertEquals("A", run.label());
        assertEquals(0, run.shotsTaken());
    }

    @Test
    void redo_rightAfterAClassFinished_takesThatClassAgain() {
        GuidedRun run = new GuidedRun(List.of("A", "B"), 1, 0, 0, 0);
        run.tick(0);
        run.saved(row("A", 1), 0);
        assertEquals("B", run.label());

        List<ManifestRow> discarded = run.redo(0);

        assertEquals(List.of(row("A", 1)), discarded);
        assertEquals("A", run.label());
    }

    @Test
    void redo_afterTheLastClass_takesTheLastClassAgain() {
        GuidedRun run = new GuidedRun(List.of("A"), 1, 0, 0, 0);
        run.tick(0);
        run.saved(row("A", 1), 0);
        assertEquals(GuidedRun.Phase.DONE, run.phase());

        assertEquals(List.of(row("A", 1)), run.redo(0));
        assertEquals(GuidedRun.Phase.COUNTDOWN, run.phase());
    }
}
