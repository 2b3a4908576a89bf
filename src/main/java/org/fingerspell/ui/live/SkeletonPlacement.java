package org.fingerspell.ui.live;

import org.fingerspell.hand.HandLandmarks;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Where the hand skeleton is drawn: its landmarks from the frame's pixels to display fractions, then to the view's
 * pixels, through the same mapping as the hand box ({@link BoxPlacement}), so the two line up. Plain geometry, no
 * JavaFX, so it is unit-tested.
 */
public final class SkeletonPlacement {

    /** The least presence (the landmark model's belief that it sees a hand) for which the skeleton is drawn. */
    public static final double MIN_PRESENCE = 0.5;

    private SkeletonPlacement() {
    }

    /**
     * The landmarks in display fractions, mirrored as the shown video is; empty when there are none, when the
     * landmark model doubts it sees a hand, or when the frame has no size.
     */
    public static Optional<HandSkeleton> inFrame(HandLandmarks landmarks, int frameWidth, int frameHeight,
                                                 boolean mirror) {
        if (landmarks == null || !(landmarks.presence() >= MIN_PRESENCE) || frameWidth <= 0 || frameHeight <= 0) {
            return Optional.empty();
        }
        List<BoxPlacement.Point> joints = new ArrayList<>(HandLandmarks.COUNT);
        for (int i = 0; i < HandLandmarks.COUNT; i++) {
            joints.add(BoxPlacement.inFrame(landmarks.x(i), landmarks.y(i), frameWidth, frameHeight, mirror));
        }
        return Optional.of(new HandSkeleton(joints));
    }

    /** The joints in view pixels, over a picture shown at {@code picture}, in the skeleton's order. */
    public static List<BoxPlacement.Point> inView(HandSkeleton skeleton, BoxPlacement.Area picture) {
        return skeleton.joints().stream().map(joint -> BoxPlacement.onPicture(joint, picture)).toList();
    }
}
