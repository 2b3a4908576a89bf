package org.fingerspell.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * A guided capture: for each class in turn a countdown, then a burst of shots a little apart. Time comes in
 * through {@link #tick}; the run says when to shoot and is told what was saved, so it holds no clock and no
 * thread of its own. Not thread-safe: one thread drives it.
 */
public final class GuidedRun {

    public enum Phase { COUNTDOWN, BURST, PAUSED, DONE }

    private final List<String> labels;
    private final int burst;
    private final long countdownMillis;
    private final long intervalMillis;
    private final List<ManifestRow> taken = new ArrayList<>();

    private Phase phase = Phase.COUNTDOWN;
    private int index;
    private long countdownEnds;
    private long nextShotAt;
    private boolean awaiting;
    /** The shots of the class just left, which a redo right after it discards. */
    private List<ManifestRow> lastTaken = List.of();

    /**
     * @param labels          the classes, in the order they are prompted
     * @param burst           shots per class
     * @param countdownMillis the time to get the hand ready before each burst
     * @param intervalMillis  the gap between the shots of a burst, so they are not all the same picture
     */
    public GuidedRun(List<String> labels, int burst, long countdownMillis, long intervalMillis, long now) {
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a guided run needs at least one class");
        }
        if (burst < 1) {
            throw new IllegalArgumentException("a burst needs at least one frame");
        }
        this.labels = List.copyOf(labels);
        this.burst = burst;
        this.countdownMillis = countdownMillis;
        this.intervalMillis = intervalMillis;
        this.countdownEnds = now + countdownMillis;
    }

    /** True when a shot should be taken now; the caller then reports {@link #saved} or {@link #missed}. */
    public boolean tick(long now) {
        if (phase == Phase.COUNTDOWN && now >= countdownEnds) {
            phase = Phase.BURST;
            nextShotAt = now;
        }
        if (phase != Phase.BURST || awaiting || now < nextShotAt) {
            return false;
        }
        awaiting = true;
        return true;
    }

    /** The shot asked for was saved as {@code row}. */
    public void saved(ManifestRow row, long now) {
        Objects.requireNonNull(row, "row");
        if (!awaiting) {
            return;
        }
        awaiting = false;
        taken.add(row);
        nextShotAt = now + intervalMillis;
        if (taken.size() >= burst) {
            advance(index + 1, now);
        }
    }

    /** No frame could be taken this time (none came, the page was busy): try again after the interval. */
    public void missed(long now) {
        awaiting = false;
        nextShotAt = now + intervalMillis;
    }

    public void pause() {
        if (phase != Phase.DONE) {
            phase = Phase.PAUSED;
            awaiting = false;
        }
    }

    /** Goes on with the current class after a fresh countdown; the shots it already has are kept. */
    public void resume(long now) {
        if (phase == Phase.PAUSED) {
            phase = Phase.COUNTDOWN;
            countdownEnds = now + countdownMillis;
        }
    }

    /** Leaves the current class as it is and prompts the next. */
    public void skip(long now) {
        if (phase != Phase.DONE) {
            advance(index + 1, now);
        }
    }

    /**
     * Takes the current class again, or the one just left when this one has no shot yet (or the run is done).
     *
     * @return the shots to discard
     */
    public List<ManifestRow> redo(long now) {
        List<ManifestRow> discarded;
        int target = index;
        if (phase != Phase.DONE && !taken.isEmpty()) {
            discarded = List.copyOf(taken);
        } else if (phase == Phase.DONE || index == 0) {
            discarded = lastTaken;
        } else {
            discarded = lastTaken;
            target = index - 1;
        }
        lastTaken = List.of();
        taken.clear();
        awaiting = false;
        index = target;
        phase = Phase.COUNTDOWN;
        countdownEnds = now + countdownMillis;
        return discarded;
    }

    public void stop() {
        phase = Phase.DONE;
        awaiting = false;
    }

    private void advance(int next, long now) {
        lastTaken = List.copyOf(taken);
        taken.clear();
        awaiting = false;
        index = next;
        if (index >= labels.size()) {
            index = labels.size() - 1;
            phase = Phase.DONE;
        } else {
            phase = Phase.COUNTDOWN;
            countdownEnds = now + countdownMillis;
        }
    }

    public Phase phase() {
        return phase;
    }

    /** The class being prompted (the last one once done). */
    public String label() {
        return labels.get(index);
    }

    /** Zero-based position of {@link #label()} in the run. */
    public int position() {
        return index;
    }

    public List<String> labels() {
        return labels;
    }

    public int burst() {
        return burst;
    }

    /** Shots saved for the current class so far. */
    public int shotsTaken() {
        return taken.size();
    }

    /** Whole seconds left in the countdown, rounded up; 0 outside it. */
    public int secondsLeft(long now) {
        return phase == Phase.COUNTDOWN ? (int) Math.max(0, (countdownEnds - now + 999) / 1000) : 0;
    }
}
