package org.fingerspell.spelling;

/**
 * How readily a held sign becomes typed text.
 *
 * @param threshold       the smoothed confidence a reading needs before it can be held (0..1)
 * @param holdMillis      how long the same confident reading must last before it is typed
 * @param smoothingFrames how many recent readings are averaged, so one bad frame types nothing
 */
public record SpellingSettings(double threshold, long holdMillis, int smoothingFrames) {

    /**
     * Tuned with {@code SpellingTuning} on the held-out frames of every class of kaggle-train and phone-train,
     * played at 30 fps, for the committed model 0.2.0 (the README's "Spelling" paragraph has the table): of the
     * settings that typed no wrong or extra letter, 0.25 / 600 ms / 8 frames typed the most signs exactly once
     * (48 of 56). The long hold over a wide average is what keeps wrong letters out; the low threshold lets
     * the signs the model reads less surely (kaggle-train) through. Re-tune when the model changes: its confidence
     * scale decides the threshold.
     */
    public static final SpellingSettings DEFAULTS = new SpellingSettings(0.25, 600, 8);

    public static final double MIN_THRESHOLD = 0.20;
    public static final double MAX_THRESHOLD = 0.99;
    public static final long MIN_HOLD_MILLIS = 100;
    public static final long MAX_HOLD_MILLIS = 3000;
    public static final int MAX_SMOOTHING_FRAMES = 30;

    public SpellingSettings {
        if (!(threshold >= MIN_THRESHOLD && threshold <= MAX_THRESHOLD)) {
            throw new IllegalArgumentException("threshold " + threshold + " is outside "
                    + MIN_THRESHOLD + ".." + MAX_THRESHOLD);
        }
        if (holdMillis < MIN_HOLD_MILLIS || holdMillis > MAX_HOLD_MILLIS) {
            throw new IllegalArgumentException("hold time " + holdMillis + " ms is outside "
                    + MIN_HOLD_MILLIS + ".." + MAX_HOLD_MILLIS + " ms");
        }
        if (smoothingFrames < 1 || smoothingFrames > MAX_SMOOTHING_FRAMES) {
            throw new IllegalArgumentException("smoothing " + smoothingFrames + " frames is outside 1.."
                    + MAX_SMOOTHING_FRAMES);
        }
    }

    public SpellingSettings withThreshold(double value) {
        return new SpellingSettings(value, holdMillis, smoothingFrames);
    }

    public SpellingSettings withHoldMillis(long value) {
        return new SpellingSettings(threshold, value, smoothingFrames);
    }

    public SpellingSettings withSmoothingFrames(int value) {
        return new SpellingSettings(threshold, holdMillis, value);
    }
}
