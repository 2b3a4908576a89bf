package org.fingerspell.ui.live;

import org.fingerspell.hand.CropRegion;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class BoxPlacementTest {

    private static final double EPS = 1e-9;
    /** A 400×300 picture letterboxed in a wider pane: 100 px of bars left and right, 50 above and below. */
    private static final BoxPlacement.Area PICTURE = new BoxPlacement.Area(100, 50, 400, 300);

    private static HandBox box(double centerX, double centerY, double width, double height, double rotation) {
        return new HandBox(centerX, centerY, width, height, rotation, false);
    }

    private static BoxPlacement.Outline onPicture(HandBox box) {
        return BoxPlacement.inView(box, PICTURE, PICTURE).orElseThrow();
    }

    private static void assertInside(BoxPlacement.Outline outline, BoxPlacement.Area area) {
        for (BoxPlacement.Point p : outline.corners()) {
            assertTrue(p.x() >= area.x() - EPS && p.x() <= area.right() + EPS
                    && p.y() >= area.y() - EPS && p.y() <= area.bottom() + EPS, p + " lies outside " + area);
        }
    }

    private static void assertSides(BoxPlacement.Outline outline, double left, double top, double right,
                                    double bottom) {
        assertEquals(left, outline.left(), EPS, "left");
        assertEquals(top, outline.top(), EPS, "top");
        assertEquals(right, outline.right(), EPS, "right");
        assertEquals(bottom, outline.bottom(), EPS, "bottom");
    }

    @Test
    void inFrame_regionInPixels_givesFractionsOfTheFrame() {
        HandBox box = BoxPlacement.inFrame(new CropRegion(160, 120, 240, 15), 640, 480, false, true);
        assertEquals(new HandBox(0.25, 0.25, 0.375, 0.5, 15, true), box);
    }

    @Test
    void inFrame_mirrored_flipsTheCentreAndTheTurn() {
        HandBox box = BoxPlacement.inFrame(new CropRegion(160, 120, 240, 15), 640, 480, true, false);
        assertEquals(new HandBox(0.75, 0.25, 0.375, 0.5, -15, false), box);
    }

    @Test
    void inView_boxInside_keepsItsFourCorners() {
        BoxPlacement.Outline outline = onPicture(box(0.5, 0.5, 0.25, 0.5, 0));
        assertEquals(List.of(new BoxPlacement.Point(250, 125), new BoxPlacement.Point(350, 125),
                new BoxPlacement.Point(350, 275), new BoxPlacement.Point(250, 275)), outline.corners());
    }

    @Test
    void inView_turnedBoxInside_isTurnedClockwise() {
        BoxPlacement.Outline outline = onPicture(box(0.5, 0.5, 0.1, 0.1, 90));
        // A quarter turn clockwise on screen takes the top-left corner to the top-right.
        assertEquals(315, outline.corners().get(0).x(), EPS);
        assertEquals(180, outline.corners().get(0).y(), EPS);
        assertEquals(4, outline.corners().size());
    }

    @Test
    void inView_partlyPastTheLeftEdge_isCutThere() {
        assertSides(onPicture(box(0.05, 0.5, 0.2, 0.2, 0)), 100, 170, 160, 230);
    }

    @Test
    void inView_partlyPastTheRightEdge_isCutThere() {
        assertSides(onPicture(box(0.95, 0.5, 0.2, 0.2, 0)), 440, 170, 500, 230);
    }

    @Test
    void inView_partlyPastTheTopEdge_isCutThere() {
        assertSides(onPicture(box(0.5, 0.0, 0.2, 0.2, 0)), 260, 50, 340, 80);
    }

    @Test
    void inView_partlyPastTheBottomEdge_isCutThere() {
        assertSides(onPicture(box(0.5, 0.9, 0.2, 0.4, 0)), 260, 260, 340, 350);
    }

    @Test
    void inView_handFillingTheFrame_isCutToThePicture() {
        // The enlarged, turned region of a hand that fills the frame: past every edge.
        BoxPlacement.Outline outline = onPicture(box(0.55, 0.45, 1.6, 2.1, 20));
        assertInside(outline, PICTURE);
        assertSides(outline, 100, 50, 500, 350);
    }

    @Test
    void inView_turnedBoxPastAnEdge_staysInsideAndKeepsItsInnerCorners() {
        BoxPlacement.Outline outline = onPicture(box(0.1, 0.5, 0.3, 0.4, 30));
        assertInside(outline, PICTURE);
        assertEquals(100, outline.left(), EPS);
        assertTrue(outline.corners().size() > 4, "the cut adds corners on the edge: " + outline.corners());
    }

    @Test
    void inView_mirroredBox_isCutAtTheOppositeEdge() {
        HandBox atLeft = BoxPlacement.inFrame(new CropRegion(20, 240, 200, 0), 640, 480, false, false);
        HandBox mirrored = BoxPlacement.inFrame(new CropRegion(20, 240, 200, 0), 640, 480, true, false);
        assertEquals(100, onPicture(atLeft).left(), EPS);
        assertEquals(500, onPicture(mirrored).right(), EPS);
        assertEquals(400 * 120 / 640.0, onPicture(mirrored).right() - onPicture(mirrored).left(), EPS);
    }

    @Test
    void inView_letterboxedPicture_isCutAtThePictureNotThePane() {
        BoxPlacement.Outline outline = onPicture(box(-0.05, 1.05, 0.3, 0.3, 0));
        assertSides(outline, 100, 320, 140, 350);
    }

    @Test
    void inView_widerBounds_letTheBoxReachOverThePadding() {
        BoxPlacement.Area pane = new BoxPlacement.Area(0, 0, 600, 400);
        BoxPlacement.Outline outline = BoxPlacement.inView(box(0.0, 0.5, 0.3, 0.2, 0), PICTURE, pane).orElseThrow();
        assertSides(outline, 40, 170, 160, 230);
    }

    @Test
    void inView_boxWhollyOutside_isNotDrawn() {
        assertEquals(Optional.empty(), BoxPlacement.inView(box(1.5, 0.5, 0.2, 0.2, 0), PICTURE, PICTURE));
    }

    @Test
    void labelAt_roomAbove_sitsOnTheBoxTopLeft() {
        BoxPlacement.Outline outline = onPicture(box(0.5, 0.5, 0.25, 0.5, 0));
        assertEquals(new BoxPlacement.Point(250, 95), BoxPlacement.labelAt(outline, 60, 30, PICTURE));
    }

    @Test
    void labelAt_boxTouchingTheTop_goesInsideTheBox() {
        BoxPlacement.Outline outline = onPicture(box(0.5, 0.0, 0.2, 0.2, 0));
        assertEquals(new BoxPlacement.Point(260, 50), BoxPlacement.labelAt(outline, 60, 30, PICTURE));
    }

    @Test
    void labelAt_boxAtTheRightEdge_isMovedLeftToStayOnThePicture() {
        BoxPlacement.Outline outline = onPicture(box(0.99, 0.5, 0.05, 0.2, 0));
        BoxPlacement.Point at = BoxPlacement.labelAt(outline, 60, 30, PICTURE);
        assertEquals(440, at.x(), EPS);
    }

    @Test
    void inset_shrinksEverySide() {
        assertEquals(new BoxPlacement.Area(102, 52, 396, 296), PICTURE.inset(2));
    }
}
