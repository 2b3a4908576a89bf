package org.fingerspell.model;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * Turns a BGR crop into the model's input tensor (CHW floats) exactly as the descriptor says:
 * resize to {@code size}×{@code size}, the exposure step ({@link ExposureLift}) if it names one, channel order,
 * {@code (pixel / scale - mean) / std}.
 * Not thread-safe: it reuses its buffers, one instance per inference thread.
 */
public final class Preprocessor {

    private final int size;
    private final boolean rgb;
    private final int interpolation;
    private final float[] multiplier = new float[3];
    private final float[] offset = new float[3];
    private final Mat resized = new Mat();
    private final byte[] pixels;
    /** Null when the model has no exposure step. */
    private final ExposureLift lift;

    public Preprocessor(ModelDescriptor.Input input) {
        this.size = input.size();
        this.rgb = "RGB".equals(input.colorOrder());
        this.interpolation = "area".equals(input.resize()) ? Imgproc.INTER_AREA : Imgproc.INTER_LINEAR;
        double[] mean = input.mean();
        double[] std = input.std();
        for (int c = 0; c < 3; c++) {
            // (p / scale - mean) / std folded into p * multiplier + offset: one multiply-add per value.
            multiplier[c] = (float) (1.0 / (input.scale() * std[c]));
            offset[c] = (float) (-mean[c] / std[c]);
        }
        this.pixels = new byte[size * size * 3];
        this.lift = ExposureLift.BACKLIGHT_LIFT.equals(input.exposure()) ? new ExposureLift() : null;
    }

    public int size() {
        return size;
    }

    public int tensorLength() {
        return 3 * size * size;
    }

    /** Writes the tensor for {@code bgr} into {@code out} starting at {@code offsetInOut} (for batches). */
    public void toTensor(Mat bgr, float[] out, int offsetInOut) {
        if (bgr.empty() || bgr.channels() != 3) {
            throw new IllegalArgumentException("expected a non-empty 3-channel BGR image, got " + bgr);
        }
        Imgproc.resize(bgr, resized, new Size(size, size), 0, 0, interpolation);
        resized.get(0, 0, pixels);
        if (lift != null) {
            lift.apply(pixels, size, true);
        }
        int plane = size * size;
        for (int i = 0; i < plane; i++) {
            int p = 3 * i;
            float b = pixels[p] & 0xFF;
            float g = pixels[p + 1] & 0xFF;
            float r = pixels[p + 2] & 0xFF;
            float first = rgb ? r : b;
            float third = rgb ? b : r;
            out[offsetInOut + i] = first * multiplier[0] + offset[0];
            out[offsetInOut + plane + i] = g * multiplier[1] + offset[1];
            out[offsetInOut + 2 * plane + i] = third * multiplier[2] + offset[2];
        }
    }

    public float[] toTensor(Mat bgr) {
        float[] out = new float[tensorLength()];
        toTensor(bgr, out, 0);
        return out;
    }

    /** Frees the reusable native buffer. */
    public void release() {
        resized.release();
    }
}
