package org.fingerspell.dataset;

import org.opencv.core.Mat;
import org.opencv.core.Size;
import org.opencv.imgproc.Imgproc;

/**
 * A frame shrunk to 16×16 grey levels: two frames whose signatures differ by less than a few grey levels on
 * average are the same picture for a test set (the hand did not move, the camera saw the same thing), however
 * the camera's noise varies them pixel by pixel.
 */
public final class FrameSignature {

    public static final int SIDE = 16;
    /** Mean absolute difference, in grey levels (0..255), below which two frames count as near-duplicates. */
    public static final double NEAR_DUPLICATE_LEVELS = 4.0;

    private final byte[] grey;

    private FrameSignature(byte[] grey) {
        this.grey = grey;
    }

    /** The signature of a BGR, BGRA or grey frame. */
    public static FrameSignature of(Mat frame) {
        Mat grey = new Mat();
        Mat small = new Mat();
        try {
            switch (frame.channels()) {
                case 1 -> frame.copyTo(grey);
                case 4 -> Imgproc.cvtColor(frame, grey, Imgproc.COLOR_BGRA2GRAY);
                default -> Imgproc.cvtColor(frame, grey, Imgproc.COLOR_BGR2GRAY);
            }
            // INTER_AREA averages every pixel into the cell it falls in, which is what smooths sensor noise away.
            Imgproc.resize(grey, small, new Size(SIDE, SIDE), 0, 0, Imgproc.INTER_AREA);
            byte[] levels = new byte[SIDE * SIDE];
            small.get(0, 0, levels);
            return new FrameSignature(levels);
        } finally {
            grey.release();
            small.release();
        }
    }

    /** The mean absolute difference to {@code other}, in grey levels. */
    public double distance(FrameSignature other) {
        long sum = 0;
        for (int i = 0; i < grey.length; i++) {
            sum += Math.abs((grey[i] & 0xff) - (other.grey[i] & 0xff));
        }
        return (double) sum / grey.length;
    }

    public boolean nearDuplicateOf(FrameSignature other) {
        return other != null && distance(other) < NEAR_DUPLICATE_LEVELS;
    }
}
