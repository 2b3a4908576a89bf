package org.fingerspell.hand;

/**
 * How a frame is fitted into the detector's square input without distorting it: scaled so its long side spans
 * {@code input / (1 + 2 × pad)} pixels, centred, the rest filled. {@code pad} > 0 adds a border of that fraction of
 * the long side on every edge, which tightly cropped images (a hand filling the frame) need to be detected.
 * Frame coordinates are continuous pixels: the frame spans [0, width] × [0, height].
 */
public record Letterbox(int frameWidth, int frameHeight, int inputSize, int contentWidth, int contentHeight,
                        int offsetX, int offsetY) {

    public static Letterbox fit(int frameWidth, int frameHeight, int inputSize, double pad) {
        if (frameWidth <= 0 || frameHeight <= 0) {
            throw new IllegalArgumentException("empty frame " + frameWidth + "x" + frameHeight);
        }
        if (pad < 0) {
            throw new IllegalArgumentException("negative letterbox pad " + pad);
        }
        double scale = inputSize / (Math.max(frameWidth, frameHeight) * (1 + 2 * pad));
        int contentWidth = Math.max(1, Math.min(inputSize, (int) Math.round(frameWidth * scale)));
        int contentHeight = Math.max(1, Math.min(inputSize, (int) Math.round(frameHeight * scale)));
        return new Letterbox(frameWidth, frameHeight, inputSize, contentWidth, contentHeight,
                (inputSize - contentWidth) / 2, (inputSize - contentHeight) / 2);
    }

    /** A normalised input x (0..1 across the detector input) in frame pixels. */
    public double toFrameX(double normalisedX) {
        return (normalisedX * inputSize - offsetX) * frameWidth / contentWidth;
    }

    public double toFrameY(double normalisedY) {
        return (normalisedY * inputSize - offsetY) * frameHeight / contentHeight;
    }

    /** A detection in normalised input coordinates mapped to frame pixels. */
    public PalmDetection toFrame(PalmDetection normalised) {
        return normalised.mapped(this::toFrameX, this::toFrameY);
    }

    public int padRight() {
        return inputSize - contentWidth - offsetX;
    }

    public int padBottom() {
        return inputSize - contentHeight - offsetY;
    }
}
