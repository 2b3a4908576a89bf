package org.fingerspell.hand;

import java.util.ArrayList;
import java.util.List;

/**
 * The SSD anchor grid of MediaPipe's palm detector, generated the way MediaPipe's {@code SsdAnchorsCalculator}
 * does: per group of layers sharing a stride, one anchor per aspect ratio plus one interpolated-scale anchor,
 * on a {@code ceil(input / stride)} grid with centres at {@code (cell + offset) / grid}. With a fixed anchor size
 * every anchor is 1×1 (normalised), so only the centres matter for decoding.
 */
public final class SsdAnchors {

    /** The anchor options of {@code palm_detection_full.tflite} (MediaPipe's palm_detection_cpu graph). */
    public record Options(int inputWidth, int inputHeight, double minScale, double maxScale, double anchorOffsetX,
                          double anchorOffsetY, int[] strides, double[] aspectRatios,
                          double interpolatedScaleAspectRatio, boolean fixedAnchorSize) {

        public static Options palmDetectionFull() {
            return new Options(192, 192, 0.1484375, 0.75, 0.5, 0.5, new int[] {8, 16, 16, 16},
                    new double[] {1.0}, 1.0, true);
        }
    }

    private final float[] centerX;
    private final float[] centerY;
    private final float[] width;
    private final float[] height;

    private SsdAnchors(List<float[]> anchors) {
        int n = anchors.size();
        centerX = new float[n];
        centerY = new float[n];
        width = new float[n];
        height = new float[n];
        for (int i = 0; i < n; i++) {
            float[] a = anchors.get(i);
            centerX[i] = a[0];
            centerY[i] = a[1];
            width[i] = a[2];
            height[i] = a[3];
        }
    }

    public static SsdAnchors palmDetectionFull() {
        return generate(Options.palmDetectionFull());
    }

    public static SsdAnchors generate(Options options) {
        int layers = options.strides().length;
        List<float[]> anchors = new ArrayList<>();
        int layer = 0;
        while (layer < layers) {
            List<Double> scales = new ArrayList<>();
            List<Double> ratios = new ArrayList<>();
            int last = layer;
            while (last < layers && options.strides()[last] == options.strides()[layer]) {
                double scale = scale(options, last, layers);
                for (double ratio : options.aspectRatios()) {
                    ratios.add(ratio);
                    scales.add(scale);
                }
                if (options.interpolatedScaleAspectRatio() > 0) {
                    double next = last == layers - 1 ? 1.0 : scale(options, last + 1, layers);
                    scales.add(Math.sqrt(scale * next));
                    ratios.add(options.interpolatedScaleAspectRatio());
                }
                last++;
            }
            int stride = options.strides()[layer];
            int rows = (int) Math.ceil((double) options.inputHeight() / stride);
            int cols = (int) Math.ceil((double) options.inputWidth() / stride);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    for (int k = 0; k < scales.size(); k++) {
                        float cx = (float) ((x + options.anchorOffsetX()) / cols);
                        float cy = (float) ((y + options.anchorOffsetY()) / rows);
                        float w = 1f;
                        float h = 1f;
                        if (!options.fixedAnchorSize()) {
                            double root = Math.sqrt(ratios.get(k));
                            w = (float) (scales.get(k) * root);
                            h = (float) (scales.get(k) / root);
                        }
                        anchors.add(new float[] {cx, cy, w, h});
                    }
                }
            }
            layer = last;
        }
        return new SsdAnchors(anchors);
    }

    private static double scale(Options options, int layer, int layers) {
        if (layers == 1) {
            return (options.minScale() + options.maxScale()) / 2;
        }
        return options.minScale() + (options.maxScale() - options.minScale()) * layer / (layers - 1.0);
    }

    public int count() {
        return centerX.length;
    }

    public float centerX(int i) {
        return centerX[i];
    }

    public float centerY(int i) {
        return centerY[i];
    }

    public float width(int i) {
        return width[i];
    }

    public float height(int i) {
        return height[i];
    }
}
