package org.fingerspell.hand;

import org.fingerspell.bench.StageClock;
import org.opencv.core.Mat;

/** Cuts the region the model should see out of a BGR frame. One instance per thread. */
public interface Cropper extends AutoCloseable {

    Crop crop(Mat bgrFrame);

    /** The same crop, with where the time went marked on {@code clock} (the benchmark's stages). */
    default Crop crop(Mat bgrFrame, StageClock clock) {
        return crop(bgrFrame);
    }

    /** A line for logs and {@code info}: which method crops (detector, guide box, whole frame). */
    String describe();

    /**
     * What the classifier read from the last crop; a tracking cropper uses it to decide when to look for the hand
     * again. Others ignore it.
     */
    default void onClassified(String label, double confidence) {
    }

    @Override
    default void close() {
    }
}
