package org.fingerspell.ui.live;

import org.fingerspell.hand.HandLandmarks;

import java.util.List;

/**
 * The hand's 21 landmarks in display fractions (0..1 of the shown image's width and height, mirroring applied),
 * in MediaPipe's order: 0 the wrist, then four joints per finger from its base to its tip, thumb (1–4), index
 * (5–8), middle (9–12), ring (13–16) and little finger (17–20). A landmark may lie past 0..1 (a finger out of the
 * frame).
 */
public record HandSkeleton(List<BoxPlacement.Point> joints) {

    /**
     * The bones drawn between joints, as pairs of landmark numbers: the wrist to the thumb, index and little
     * finger's bases, across the palm from the index to the little finger, and along each finger.
     */
    public static final List<int[]> BONES = List.of(
            new int[] {0, 1}, new int[] {0, 5}, new int[] {0, 17},
            new int[] {5, 9}, new int[] {9, 13}, new int[] {13, 17},
            new int[] {1, 2}, new int[] {2, 3}, new int[] {3, 4},
            new int[] {5, 6}, new int[] {6, 7}, new int[] {7, 8},
            new int[] {9, 10}, new int[] {10, 11}, new int[] {11, 12},
            new int[] {13, 14}, new int[] {14, 15}, new int[] {15, 16},
            new int[] {17, 18}, new int[] {18, 19}, new int[] {19, 20});

    public HandSkeleton {
        if (joints.size() != HandLandmarks.COUNT) {
            throw new IllegalArgumentException("expected " + HandLandmarks.COUNT + " joints, not " + joints.size());
        }
        joints = List.copyOf(joints);
    }
}
