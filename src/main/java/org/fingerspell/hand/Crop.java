package org.fingerspell.hand;

import org.opencv.core.Mat;

import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the classifier will see: the cut-out image (owned, release it) and where it came from.
 *
 * @param handFound whether the region is taken to hold a hand: true for DETECTED, TRACKED, FALLBACK and
 *                  WHOLE_FRAME; false only for NO_HAND
 * @param score     the palm detector's score (0..1) for DETECTED and TRACKED (the last detection's), else 0 or 1
 * @param source    how the region was found: {@link Source#DETECTED} (palm detector), {@link Source#TRACKED}
 *                  (last detection reused on live video), {@link Source#FALLBACK} (no detector installed: the
 *                  centred guide box the user places the hand in), {@link Source#NO_HAND} (the detector found none:
 *                  the largest centred square) or {@link Source#WHOLE_FRAME} (the "whole" policy)
 * @param hand      the hand square (no margin, the hand landmark model's input) for DETECTED and TRACKED; null when
 *                  no hand was located (the guide box, the whole frame, no hand)
 * @param landmarks the landmarks the cropper's {@link HandCheck} read in {@code hand}, or null when it has none
 *                  (the reader then runs the landmark model itself)
 */
public record Crop(Mat image, CropRegion region, boolean handFound, double score, Source source, CropRegion hand,
                   HandLandmarks landmarks) implements AutoCloseable {

    public enum Source { DETECTED, TRACKED, FALLBACK, NO_HAND, WHOLE_FRAME }

    private static final AtomicInteger OPEN = new AtomicInteger();

    /** A crop whose hand, if any, was not checked by the landmark model. */
    public Crop(Mat image, CropRegion region, boolean handFound, double score, Source source, CropRegion hand) {
        this(image, region, handFound, score, source, hand, null);
    }

    public Crop {
        if (image != null && !image.empty()) {
            OPEN.incrementAndGet();
        }
    }

    /** Releases the image; a second close does nothing. */
    @Override
    public void close() {
        if (image != null && !image.empty()) {
            image.release();
            OPEN.decrementAndGet();
        }
    }

    /** Crops whose image holds native memory, in this process: soak runs prove that none leak. */
    public static int openCount() {
        return OPEN.get();
    }
}
