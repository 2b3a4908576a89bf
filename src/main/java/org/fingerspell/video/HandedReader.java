package org.fingerspell.video;

import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.HandLandmarks;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.model.ModelDescriptor;
import org.fingerspell.model.ModelException;
import org.opencv.core.Core;
import org.opencv.core.Mat;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Reads a left-handed signer's frames mirrored, so detection, crop, landmarks and classifier all see a right
 * hand, and maps the hand's region and landmarks back onto the frame as it came in (the overlay and capture use
 * frame coordinates). The hand is asked for on every frame, so a change of setting applies to the next one. A
 * right hand's frame passes straight through.
 */
public final class HandedReader implements FrameReader {

    private final FrameReader reader;
    private final Supplier<SigningHand> hand;

    public HandedReader(FrameReader reader, Supplier<SigningHand> hand) {
        this.reader = Objects.requireNonNull(reader, "reader");
        this.hand = Objects.requireNonNull(hand, "hand");
    }

    /** Readers that read {@code readers}' readers for the hand {@code hand} names at each frame. */
    public static Supplier<FrameReader> wrap(Supplier<? extends FrameReader> readers, Supplier<SigningHand> hand) {
        Objects.requireNonNull(readers, "readers");
        Objects.requireNonNull(hand, "hand");
        return () -> new HandedReader(readers.get(), hand);
    }

    @Override
    public FrameResult classify(Mat bgrFrame) throws ModelException {
        return classify(bgrFrame, hand.get());
    }

    /** Reads {@code bgrFrame} for {@code hand}, whatever the supplier says (a set whose images name their hand). */
    public FrameResult classify(Mat bgrFrame, SigningHand hand) throws ModelException {
        if (!hand.mirrors()) {
            return reader.classify(bgrFrame);
        }
        Mat mirrored = new Mat();
        try {
            Core.flip(bgrFrame, mirrored, 1);
            return mirroredBack(reader.classify(mirrored), bgrFrame.cols());
        } finally {
            mirrored.release();
        }
    }

    /** A result read from a mirrored frame {@code width} pixels wide, in the coordinates of the frame before. */
    static FrameResult mirroredBack(FrameResult result, int width) {
        CropRegion r = result.region();
        CropRegion region = r == null ? null
                : new CropRegion(width - r.centerX(), r.centerY(), r.side(), -r.rotationDegrees());
        return new FrameResult(result.classification(), region, result.handFound(), result.handScore(),
                result.source(), result.classifierRan(), mirroredBack(result.landmarks(), width));
    }

    private static HandLandmarks mirroredBack(HandLandmarks landmarks, int width) {
        if (landmarks == null) {
            return null;
        }
        float[] points = landmarks.points();
        for (int i = 0; i < points.length; i += 3) {
            points[i] = width - points[i];
        }
        // MediaPipe's score is the probability of a right hand; in the frame as it came in the hand is the other.
        return new HandLandmarks(points, landmarks.presence(), 1f - landmarks.handedness());
    }

    @Override
    public Optional<ModelDescriptor.Input> modelInput() {
        return reader.modelInput();
    }

    @Override
    public void close() {
        reader.close();
    }
}
