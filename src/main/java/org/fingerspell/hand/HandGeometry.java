package org.fingerspell.hand;

/**
 * From a palm to the square that holds the whole hand, as MediaPipe's {@code DetectionsToRectsCalculator} and
 * {@code RectTransformationCalculator} do for the hand landmark model: the rotation turns the wrist → middle-finger
 * base vector to point up; the palm box is shifted by half its height towards the fingers (in the rotated frame),
 * made square on its long side and scaled 2.6 times. Then the crop policy's margin and rotation apply.
 * All in frame pixels.
 */
public final class HandGeometry {

    public static final double PALM_TO_HAND_SCALE = 2.6;
    public static final double PALM_TO_HAND_SHIFT_Y = -0.5;
    private static final double TARGET_ANGLE_DEGREES = 90;

    private HandGeometry() {
    }

    /**
     * The clockwise rotation, in degrees within [-180, 180), of a hand whose wrist is at (x0, y0) and whose
     * middle-finger base is at (x1, y1), y pointing down: 0 when the fingers point up, 90 when they point right.
     */
    public static double rotationDegrees(double x0, double y0, double x1, double y1) {
        double angle = TARGET_ANGLE_DEGREES - Math.toDegrees(Math.atan2(-(y1 - y0), x1 - x0));
        return normaliseDegrees(angle);
    }

    public static double normaliseDegrees(double degrees) {
        double d = (degrees + 180) % 360;
        if (d < 0) {
            d += 360;
        }
        return d - 180;
    }

    /** The square around the whole hand, turned by the hand's rotation (before any margin). */
    public static CropRegion handRegion(PalmDetection palmInFramePixels) {
        PalmDetection p = palmInFramePixels;
        double rotation = rotationDegrees(p.keypointX(PalmDetection.WRIST), p.keypointY(PalmDetection.WRIST),
                p.keypointX(PalmDetection.MIDDLE_FINGER_BASE), p.keypointY(PalmDetection.MIDDLE_FINGER_BASE));
        double r = Math.toRadians(rotation);
        double w = p.width();
        double h = p.height();
        // The shift is along the rotated rectangle's own y axis ("up" is towards the fingers).
        double cx = p.centerX() - h * PALM_TO_HAND_SHIFT_Y * Math.sin(r);
        double cy = p.centerY() + h * PALM_TO_HAND_SHIFT_Y * Math.cos(r);
        double side = Math.max(w, h) * PALM_TO_HAND_SCALE;
        return new CropRegion(cx, cy, side, rotation);
    }

    /**
     * The region the classifier sees: the hand square grown by {@code margin} of its side on every edge
     * (side × (1 + 2 × margin)), turned upright or kept axis-aligned (rotation 0).
     */
    public static CropRegion policyRegion(CropRegion hand, double margin, boolean rotateUpright) {
        return new CropRegion(hand.centerX(), hand.centerY(), hand.side() * (1 + 2 * margin),
                rotateUpright ? hand.rotationDegrees() : 0);
    }

    /** The same region with its side multiplied by {@code factor} (the crop command's context). */
    public static CropRegion scaled(CropRegion region, double factor) {
        return new CropRegion(region.centerX(), region.centerY(), region.side() * factor, region.rotationDegrees());
    }
}
