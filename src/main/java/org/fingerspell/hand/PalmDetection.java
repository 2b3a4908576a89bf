package org.fingerspell.hand;

/**
 * One palm found by the detector: its score (0..1), its box and its 7 keypoints, all in one coordinate space
 * (normalised detector input, or frame pixels after {@link #mapped}). Keypoints are stored x0,y0,x1,y1,...:
 * 0 wrist, 1 index-finger base, 2 middle-finger base, 3 ring-finger base, 4 little-finger base, 5 and 6 thumb.
 */
public record PalmDetection(double score, double xMin, double yMin, double xMax, double yMax, double[] keypoints) {

    public static final int KEYPOINTS = 7;
    public static final int WRIST = 0;
    public static final int MIDDLE_FINGER_BASE = 2;

    public PalmDetection {
        if (keypoints.length != 2 * KEYPOINTS) {
            throw new IllegalArgumentException("a palm has " + KEYPOINTS + " keypoints, got " + keypoints.length / 2);
        }
        keypoints = keypoints.clone();
    }

    @Override
    public double[] keypoints() {
        return keypoints.clone();
    }

    public double keypointX(int k) {
        return keypoints[2 * k];
    }

    public double keypointY(int k) {
        return keypoints[2 * k + 1];
    }

    public double width() {
        return xMax - xMin;
    }

    public double height() {
        return yMax - yMin;
    }

    public double centerX() {
        return (xMin + xMax) / 2;
    }

    public double centerY() {
        return (yMin + yMax) / 2;
    }

    public double area() {
        return Math.max(0, width()) * Math.max(0, height());
    }

    /** Intersection over union of the two boxes (0 when either is empty). */
    public double iou(PalmDetection other) {
        double ix = Math.min(xMax, other.xMax) - Math.max(xMin, other.xMin);
        double iy = Math.min(yMax, other.yMax) - Math.max(yMin, other.yMin);
        if (ix <= 0 || iy <= 0) {
            return 0;
        }
        double intersection = ix * iy;
        double union = area() + other.area() - intersection;
        return union <= 0 ? 0 : intersection / union;
    }

    /** The same detection with every x mapped by {@code fx} and every y by {@code fy}. */
    public PalmDetection mapped(java.util.function.DoubleUnaryOperator fx, java.util.function.DoubleUnaryOperator fy) {
        double[] mappedKeypoints = new double[keypoints.length];
        for (int k = 0; k < KEYPOINTS; k++) {
            mappedKeypoints[2 * k] = fx.applyAsDouble(keypoints[2 * k]);
            mappedKeypoints[2 * k + 1] = fy.applyAsDouble(keypoints[2 * k + 1]);
        }
        return new PalmDetection(score, fx.applyAsDouble(xMin), fy.applyAsDouble(yMin), fx.applyAsDouble(xMax),
                fy.applyAsDouble(yMax), mappedKeypoints);
    }
}
