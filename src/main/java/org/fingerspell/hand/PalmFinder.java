package org.fingerspell.hand;

import org.opencv.core.Mat;

import java.util.List;

/** Finds palms in a frame; {@link PalmDetector} is the real one. Not thread-safe unless an implementation says so. */
public interface PalmFinder extends AutoCloseable {

    /**
     * Palms in frame pixels, best first, with the frame letterboxed inside an extra border of {@code pad} × its
     * long side on every edge (0 for none).
     */
    List<PalmDetection> detect(Mat bgrFrame, double pad);

    /** Nanoseconds spent inside the network itself (native forward passes), summed over every detection. */
    default long networkNanos() {
        return 0;
    }

    /** A short name for logs. */
    String describe();

    @Override
    default void close() {
    }
}
