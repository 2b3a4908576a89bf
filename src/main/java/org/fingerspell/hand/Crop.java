package org.fingerspell.hand;

import org.opencv.core.Mat;

/**
 * What the classifier will see: the cut-out image (owned, release it) and where it came from.
 *
 * @param source how the region was found: {@link Source#DETECTED}, {@link Source#TRACKED},
 *               {@link Source#FALLBACK} (guide box, no detector) or {@link Source#WHOLE_FRAME}
 */
public record Crop(Mat image, CropRegion region, boolean handFound, double score, Source source)
        implements AutoCloseable {

    public enum Source { DETECTED, TRACKED, FALLBACK, NO_HAND, WHOLE_FRAME }

    @Override
    public void close() {
        if (image != null) {
            image.release();
        }
    }
}
