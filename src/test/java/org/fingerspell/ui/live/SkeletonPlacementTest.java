package org.fingerspell.ui.live;

import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.HandLandmarks;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class SkeletonPlacementTest {

    private static final double EPS = 1e-6;
    private static final int FRAME_WIDTH = 640;
    private static final int FRAME_HEIGHT = 480;
    /** The 640×480 frame shown at half size, at (100, 50) in the pane: letterboxed, as in a pane of another shape. */
    private static final BoxPlacement.Area LETTERBOXED = new BoxPlacement.Area(100, 50, 320, 240);
    /** The same frame in a taller pane: bars above and below, and a scale that is not a round number. */
    private static final BoxPlacement.Area PILLARBOXED = new BoxPlacement.Area(8, 131.25, 500, 375);

    /** Landmark i at (20 + 29i, 460 − 21i) frame pixels: every point distinct, the last two past the frame. */
    private static HandLandmarks hand(float presence) {
        float[] points = new float[HandLandmarks.VALUES];
        for (int i = 0; i < HandLandmarks.COUNT; i++) {
            points[3 * i] = 20 + 29 * i + (i >= 19 ? 100 : 0);
            points[3 * i + 1] = 460 - 21 * i;
            points[3 * i + 2] = -i;
        }
        return new HandLandmarks(points, presence, 0.9f);
    }

    private static HandSkeleton skeleton(HandLandmarks hand, boolean mirror) {
        return SkeletonPlacement.inFrame(hand, FRAME_WIDTH, FRAME_HEIGHT, mirror).orElseThrow();
    }

    private static BoxPlacement.Point centre(BoxPlacement.Outline outline) {
        return new BoxPlacement.Point((outline.left() + outline.right()) / 2, (outline.top() + outline.bottom()) / 2);
    }

    private static void assertPoint(double x, double y, BoxPlacement.Point actual) {
        assertEquals(x, actual.x(), EPS, "x of " + actual);
        assertEquals(y, actual.y(), EPS, "y of " + actual);
    }

    @Test
    void inFrame_noLandmarks_isEmpty() {
        assertTrue(SkeletonPlacement.inFrame(null, FRAME_WIDTH, FRAME_HEIGHT, false).isEmpty());
    }

    @Test
    void inFrame_presenceBelowHalf_isEmpty() {
        assertTrue(SkeletonPlacement.inFrame(hand(0.49f), FRAME_WIDTH, FRAME_HEIGHT, false).isEmpty());
    }

    @Test
    void inFrame_presenceOfHalf_isDrawn() {
        assertTrue(SkeletonPlacement.inFrame(hand(0.5f), FRAME_WIDTH, FRAME_HEIGHT, false).isPresent());
    }

    @Test
    void inFrame_frameWithoutSize_isEmpty() {
        assertTrue(SkeletonPlacement.inFrame(hand(0.9f), 0, 0, false).isEmpty());
    }

    @Test
    void inFrame_pixels_giveFractionsOfTheFrame() {
        HandSkeleton skeleton = skeleton(hand(0.9f), false);
        assertEquals(HandLandmarks.COUNT, skeleton.joints().size());
        assertPoint(20 / 640.0, 460 / 480.0, skeleton.joints().get(0));
        assertPoint((20 + 29 * 20 + 100) / 640.0, 40 / 480.0, skeleton.joints().get(20));
    }

    @Test
    void inFrame_mirrored_flipsLeftAndRight() {
        HandSkeleton skeleton = skeleton(hand(0.9f), true);
        assertPoint(1 - 20 / 640.0, 460 / 480.0, skeleton.joints().get(0));
    }

    @Test
    void inView_letterboxed_putsTheFrameCornersOnThePictureCorners() {
        float[] points = new float[HandLandmarks.VALUES];
        points[3] = FRAME_WIDTH;
        points[3 * 2] = FRAME_WIDTH;
        points[3 * 2 + 1] = FRAME_HEIGHT;
        points[3 * 3] = FRAME_WIDTH / 2f;
        points[3 * 3 + 1] = FRAME_HEIGHT / 2f;
        List<BoxPlacement.Point> at = SkeletonPlacement.inView(skeleton(new HandLandmarks(points, 1, 1), false),
                LETTERBOXED);
        assertPoint(100, 50, at.get(0));
        assertPoint(420, 50, at.get(1));
        assertPoint(420, 290, at.get(2));
        assertPoint(260, 170, at.get(3));
    }

    @Test
    void inView_everyJoint_landsWhereTheHandBoxWouldBeCentred() {
        HandLandmarks hand = hand(0.9f);
        for (boolean mirror : new boolean[] {false, true}) {
            for (BoxPlacement.Area picture : List.of(LETTERBOXED, PILLARBOXED)) {
                List<BoxPlacement.Point> joints = SkeletonPlacement.inView(skeleton(hand, mirror), picture);
                for (int i = 0; i < HandLandmarks.COUNT; i++) {
                    // A small square on the landmark, placed as the hand box is, never cut (bounds far outside).
                    HandBox box = BoxPlacement.inFrame(new CropRegion(hand.x(i), hand.y(i), 4, 0), FRAME_WIDTH,
                            FRAME_HEIGHT, mirror, false);
                    BoxPlacement.Outline outline = BoxPlacement.inView(box, picture,
                            new BoxPlacement.Area(-1e4, -1e4, 2e4, 2e4)).orElseThrow();
                    BoxPlacement.Point expected = centre(outline);
                    assertPoint(expected.x(), expected.y(), joints.get(i));
                }
            }
        }
    }

    @Test
    void bones_joinEveryLandmark_asMediaPipeDraws() {
        assertEquals(21, HandSkeleton.BONES.size());
        boolean[] joined = new boolean[HandLandmarks.COUNT];
        for (int[] bone : HandSkeleton.BONES) {
            joined[bone[0]] = true;
            joined[bone[1]] = true;
        }
        for (int i = 0; i < HandLandmarks.COUNT; i++) {
            assertTrue(joined[i], "landmark " + i + " has a bone");
        }
    }
}
