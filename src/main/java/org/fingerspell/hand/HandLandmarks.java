package org.fingerspell.hand;

import org.fingerspell.model.LandmarkClassifier;

import java.util.Arrays;

/**
 * The 21 landmarks of one hand (MediaPipe's order: wrist, then four points per finger from thumb to little
 * finger), in frame pixels; z is depth relative to the wrist in the same pixel units (smaller is nearer).
 *
 * @param points     x, y, z of each landmark in turn (63 values; copied in and out)
 * @param presence   the landmark model's probability that the square holds a hand
 * @param handedness the landmark model's handedness score (0..1; MediaPipe's right-hand probability)
 */
public record HandLandmarks(float[] points, float presence, float handedness) {

    public static final int COUNT = 21;
    public static final int VALUES = 3 * COUNT;

    public HandLandmarks {
        if (points.length != VALUES) {
            throw new IllegalArgumentException("expected " + VALUES + " values, not " + points.length);
        }
        points = points.clone();
    }

    @Override
    public float[] points() {
        return points.clone();
    }

    public float x(int landmark) {
        return points[3 * landmark];
    }

    public float y(int landmark) {
        return points[3 * landmark + 1];
    }

    public float z(int landmark) {
        return points[3 * landmark + 2];
    }

    /** {@code [x0, y0, z0, …, x20, y20, z20, presence]}: what the landmark classifier reads (64 values). */
    public float[] features() {
        float[] features = Arrays.copyOf(points, LandmarkClassifier.FEATURES);
        features[VALUES] = presence;
        return features;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof HandLandmarks h && Arrays.equals(points, h.points)
                && Float.compare(presence, h.presence) == 0 && Float.compare(handedness, h.handedness) == 0;
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(points) + Float.hashCode(presence) * 17 + Float.hashCode(handedness);
    }

    @Override
    public String toString() {
        return String.format(java.util.Locale.ROOT, "HandLandmarks[presence %.3f, wrist (%.1f, %.1f)]", presence,
                x(0), y(0));
    }
}
