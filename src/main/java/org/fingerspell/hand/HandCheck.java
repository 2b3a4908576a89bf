package org.fingerspell.hand;

import org.fingerspell.model.ModelException;
import org.opencv.core.Mat;

/**
 * Reads the hand landmarks in a hand square, so that a palm detection can be confirmed as a hand before it is
 * cropped ({@link HandCropper#verifyWith}). The palm detector alone fires on a window sill, or on two fingertips of a
 * hand backlit against a window; the landmark model's presence score (its belief that the square holds a hand)
 * tells those apart. The app's implementation is the model's {@link HandLandmarker}.
 */
@FunctionalInterface
public interface HandCheck {

    /** The landmarks of the hand in {@code handSquare} (frame pixels) of {@code bgrFrame}. */
    HandLandmarks read(Mat bgrFrame, CropRegion handSquare) throws ModelException;
}
