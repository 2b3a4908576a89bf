package org.fingerspell.model;

import org.opencv.core.CvType;
import org.opencv.core.Mat;

/**
 * The descriptor's {@code input.exposure: backlight_lift}: a hand in front of a bright window is nearly black, yet
 * the image still holds its fingers. When the middle of the resized crop (its central half) is dark and the rest
 * bright, a gamma curve lifts the middle's median luminance to 0.4. Training applies the same step
 * ({@code training/fingerspell_train/preprocess.py}, {@code lift_gamma}); integer luminance and order statistics
 * keep the two sides on the same lookup table.
 */
public final class ExposureLift {

    public static final String NONE = "none";
    public static final String BACKLIGHT_LIFT = "backlight_lift";

    static final double TARGET = 0.4;
    /** round(TARGET * 255): a middle at least this bright is left alone. */
    static final int DARK_BELOW = 102;
    /** The scene behind the hand must be this bright (a window or a lamp, not a dim room)... */
    static final int BRIGHT_SCENE = 160;
    /** ...and at least twice the middle (backlit, not a dark hand on a dark wall). */
    static final int SCENE_RATIO = 2;
    static final double MIN_GAMMA = 1.0 / 3.0;
    /** At least 1/8 of the rest must lie inside the frame to judge the scene (padding is pure black). */
    static final int MIN_SCENE_SHARE = 8;

    private final byte[] table = new byte[256];

    /**
     * The gamma for an interleaved 3-channel square image ({@code bgr}: true for BGR, false for RGB order), or 1
     * when the step leaves it alone.
     */
    public static double gamma(byte[] pixels, int side, boolean bgr) {
        int lo = side / 4;
        int hi = side - side / 4;
        int[] middle = new int[256];
        int[] scene = new int[256];
        int middleCount = 0;
        int sceneCount = 0;
        int sceneArea = 0;
        for (int y = 0; y < side; y++) {
            for (int x = 0; x < side; x++) {
                int p = 3 * (y * side + x);
                int c0 = pixels[p] & 0xFF;
                int c1 = pixels[p + 1] & 0xFF;
                int c2 = pixels[p + 2] & 0xFF;
                boolean inMiddle = y >= lo && y < hi && x >= lo && x < hi;
                if (!inMiddle) {
                    sceneArea++;
                }
                if ((c0 | c1 | c2) == 0) {
                    continue; // padding where the crop box left the frame
                }
                int r = bgr ? c2 : c0;
                int b = bgr ? c0 : c2;
                int luma = (r * 299 + c1 * 587 + b * 114 + 500) / 1000;
                if (inMiddle) {
                    middle[luma]++;
                    middleCount++;
                } else {
                    scene[luma]++;
                    sceneCount++;
                }
            }
        }
        if (middleCount == 0 || sceneCount * MIN_SCENE_SHARE < sceneArea) {
            return 1.0;
        }
        int middleMedian = orderStatistic(middle, (middleCount - 1) / 2);
        int sceneQuartile = orderStatistic(scene, (int) ((long) (sceneCount - 1) * 3 / 4));
        if (middleMedian >= DARK_BELOW || sceneQuartile < BRIGHT_SCENE || sceneQuartile < SCENE_RATIO * middleMedian) {
            return 1.0;
        }
        return Math.max(MIN_GAMMA, Math.log(TARGET) / Math.log(Math.max(middleMedian, 1) / 255.0));
    }

    /** Lifts a square 8-bit BGR image in place (a preview of what the model sees); returns the gamma used. */
    public double apply(Mat bgrSquare) {
        if (bgrSquare.rows() != bgrSquare.cols() || bgrSquare.type() != CvType.CV_8UC3) {
            throw new IllegalArgumentException("expected a square 8-bit BGR image, got " + bgrSquare);
        }
        byte[] pixels = new byte[(int) bgrSquare.total() * 3];
        bgrSquare.get(0, 0, pixels);
        double g = apply(pixels, bgrSquare.rows(), true);
        if (g != 1.0) {
            bgrSquare.put(0, 0, pixels);
        }
        return g;
    }

    /** Lifts {@code pixels} (interleaved 3-channel square) in place; returns the gamma used (1: untouched). */
    public double apply(byte[] pixels, int side, boolean bgr) {
        double g = gamma(pixels, side, bgr);
        if (g == 1.0) {
            return g;
        }
        for (int v = 0; v < 256; v++) {
            table[v] = (byte) (int) Math.floor(255.0 * Math.pow(v / 255.0, g) + 0.5);
        }
        for (int i = 0; i < 3 * side * side; i++) {
            pixels[i] = table[pixels[i] & 0xFF];
        }
        return g;
    }

    /** The value at 0-based rank {@code index} of the values a 256-bin histogram counts. */
    private static int orderStatistic(int[] histogram, int index) {
        int seen = 0;
        for (int v = 0; v < histogram.length; v++) {
            seen += histogram[v];
            if (seen > index) {
                return v;
            }
        }
        return histogram.length - 1;
    }
}
