package org.fingerspell.hand;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class HandGeometryTest {

    private static final double EPS = 1e-9;

    @Test
    void rotationDegrees_fingersUp_isZero() {
        assertEquals(0, HandGeometry.rotationDegrees(0, 0, 0, -1), EPS);
    }

    @Test
    void rotationDegrees_fingersRight_isClockwise90() {
        assertEquals(90, HandGeometry.rotationDegrees(0, 0, 1, 0), EPS);
    }

    @Test
    void rotationDegrees_fingersLeft_isMinus90() {
        assertEquals(-90, HandGeometry.rotationDegrees(0, 0, -1, 0), EPS);
    }

    @Test
    void rotationDegrees_fingersDown_isHalfTurn() {
        assertEquals(-180, HandGeometry.rotationDegrees(5, 5, 5, 9), EPS);
    }

    @Test
    void rotationDegrees_fingersUpRight_is45() {
        assertEquals(45, HandGeometry.rotationDegrees(0, 0, 1, -1), EPS);
    }

    @Test
    void handRegion_upright_shiftsHalfThePalmTowardsTheFingersAndScales26() {
        CropRegion hand = HandGeometry.handRegion(palm(100, 200, 140, 260, 120, 250, 120, 210));
        assertEquals(120, hand.centerX(), EPS);
        assertEquals(230 - 30, hand.centerY(), EPS);
        assertEquals(60 * 2.6, hand.side(), EPS); // square on the long side (60)
        assertEquals(0, hand.rotationDegrees(), EPS);
    }

    @Test
    void handRegion_pointingRight_shiftsRight() {
        CropRegion hand = HandGeometry.handRegion(palm(100, 200, 140, 260, 100, 230, 140, 230));
        assertEquals(120 + 30, hand.centerX(), EPS);
        assertEquals(230, hand.centerY(), 1e-9);
        assertEquals(90, hand.rotationDegrees(), EPS);
    }

    @Test
    void handRegion_pointingDown_shiftsDown() {
        CropRegion hand = HandGeometry.handRegion(palm(0, 0, 40, 40, 20, 10, 20, 30));
        assertEquals(20, hand.centerX(), 1e-9);
        assertEquals(20 + 20, hand.centerY(), 1e-9);
        assertEquals(104, hand.side(), EPS);
    }

    @Test
    void policyRegion_marginGrowsEachEdgeAndUprightKeepsRotation() {
        CropRegion hand = new CropRegion(50, 60, 100, 30);
        CropRegion upright = HandGeometry.policyRegion(hand, 0.25, true);
        assertEquals(150, upright.side(), EPS);
        assertEquals(30, upright.rotationDegrees(), EPS);
        assertEquals(50, upright.centerX(), EPS);
        CropRegion level = HandGeometry.policyRegion(hand, 0.25, false);
        assertEquals(0, level.rotationDegrees(), EPS);
        assertEquals(60, level.centerY(), EPS);
    }

    @Test
    void scaled_multipliesOnlyTheSide() {
        CropRegion r = HandGeometry.scaled(new CropRegion(1, 2, 100, 10), 1.25);
        assertEquals(new CropRegion(1, 2, 125, 10), r);
    }

    private static PalmDetection palm(double x0, double y0, double x1, double y1,
                                      double wristX, double wristY, double middleX, double middleY) {
        double[] k = new double[14];
        k[0] = wristX;
        k[1] = wristY;
        k[4] = middleX;
        k[5] = middleY;
        return new PalmDetection(0.9, x0, y0, x1, y1, k);
    }
}
