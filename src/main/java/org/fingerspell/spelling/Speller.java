package org.fingerspell.spelling;

import org.fingerspell.model.Labels;
import org.fingerspell.model.Score;

import java.util.List;
import java.util.Objects;

/**
 * Turns a stream of per-frame class probabilities into typed edits.
 * <ul>
 *   <li>The probabilities of the last {@code smoothingFrames} readings are averaged; only the average counts,
 *       so one bad frame neither types nor breaks a hold.</li>
 *   <li>A class is typed when it has been the smoothed top class, at or above the threshold, for the hold
 *       time (measured on the frames' own timestamps, so the result does not depend on the inference rate).</li>
 *   <li>The class just typed cannot type again until a break: a different confident reading, or
 *       {@code nothing}. Low confidence alone is not a break, so a wavering hand does not double a letter.</li>
 *   <li>{@code space} types a space and {@code del} a backspace; {@code nothing} never types.</li>
 * </ul>
 * Not thread-safe: feed it from one thread.
 */
public final class Speller {

    /** How many smoothed classes each step reports. */
    public static final int RANKED = 3;

    private final int classes;
    private final int nothingIndex;
    private final List<String> labels;
    private SpellingSettings settings;

    private double[][] window;
    private int filled;
    private int next;

    private String holding;
    private long holdingSince;
    private String latched;

    public Speller(SpellingSettings settings) {
        this(Labels.ALL, settings);
    }

    public Speller(List<String> labels, SpellingSettings settings) {
        this.labels = List.copyOf(labels);
        this.classes = labels.size();
        this.nothingIndex = labels.indexOf(Labels.NOTHING);
        if (nothingIndex < 0) {
            throw new IllegalArgumentException("labels need '" + Labels.NOTHING + "'");
        }
        setSettings(settings);
    }

    public SpellingSettings settings() {
        return settings;
    }

    /** Changes the settings; a new smoothing length starts the window afresh. */
    public void setSettings(SpellingSettings settings) {
        Objects.requireNonNull(settings, "settings");
        if (this.settings == null || this.settings.smoothingFrames() != settings.smoothingFrames()) {
            window = new double[settings.smoothingFrames()][classes];
            filled = 0;
            next = 0;
        }
        this.settings = settings;
    }

    /** Forgets the window, the hold and the latch (a new source, a new session). */
    public void reset() {
        filled = 0;
        next = 0;
        holding = null;
        latched = null;
    }

    /** A reading with no hand in view: certain {@code nothing}. */
    public SpellStep acceptNoHand(long timeNanos) {
        double[] probabilities = new double[classes];
        probabilities[nothingIndex] = 1.0;
        return accept(probabilities, timeNanos);
    }

    /**
     * Feeds one reading.
     *
     * @param probabilities one probability per label, in label order
     * @param timeNanos     when the frame was captured (any monotonic clock)
     */
    public SpellStep accept(double[] probabilities, long timeNanos) {
        if (probabilities.length != classes) {
            throw new IllegalArgumentException(probabilities.length + " probabilities for " + classes + " labels");
        }
        System.arraycopy(probabilities, 0, window[next], 0, classes);
        next = (next + 1) % window.length;
        filled = Math.min(filled + 1, window.length);

        double[] mean = new double[classes];
        for (int c = 0; c < classes; c++) {
            double sum = 0;
            for (int i = 0; i < filled; i++) {
                sum += window[i][c];
            }
            mean[c] = sum / filled;
        }
        List<Score> ranked = top(mean, RANKED);
        int best = labels.indexOf(ranked.get(0).label());
        String label = ranked.get(0).label();
        double confidence = ranked.get(0).probability();

        if (best == nothingIndex) {
            holding = null;
            latched = null;
            return new SpellStep(label, confidence, SpellStep.State.NO_HAND, 0, null, ranked);
        }
        if (confidence < settings.threshold()) {
            holding = null;
            return new SpellStep(label, confidence, SpellStep.State.LOW_CONFIDENCE, 0, null, ranked);
        }
        if (label.equals(latched)) {
            holding = null;
            return new SpellStep(label, confidence, SpellStep.State.TYPED, 1, null, ranked);
        }
        latched = null;
        if (!label.equals(holding)) {
            holding = label;
            holdingSince = timeNanos;
        }
        long heldMillis = (timeNanos - holdingSince) / 1_000_000L;
        if (heldMillis >= settings.holdMillis()) {
            holding = null;
            latched = label;
            return new SpellStep(label, confidence, SpellStep.State.TYPED, 1, Edit.forLabel(label), ranked);
        }
        double progress = Math.max(0, Math.min(1, heldMillis / (double) settings.holdMillis()));
        return new SpellStep(label, confidence, SpellStep.State.HOLDING, progress, null, ranked);
    }

    private List<Score> top(double[] mean, int k) {
        List<Score> best = new java.util.ArrayList<>(k);
        boolean[] used = new boolean[classes];
        for (int n = 0; n < Math.min(k, classes); n++) {
            int arg = -1;
            for (int c = 0; c < classes; c++) {
                if (!used[c] && (arg < 0 || mean[c] > mean[arg])) {
                    arg = c;
                }
            }
            used[arg] = true;
            best.add(new Score(labels.get(arg), mean[arg]));
        }
        return List.copyOf(best);
    }
}
