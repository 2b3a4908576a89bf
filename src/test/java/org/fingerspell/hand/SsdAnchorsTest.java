package org.fingerspell.hand;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SsdAnchorsTest {

    private static final double EPS = 1e-6;
    private final SsdAnchors anchors = SsdAnchors.palmDetectionFull();

    @Test
    void palmDetectionFull_has2016Anchors() {
        // 24×24 cells × 2 (stride 8) + 12×12 cells × 6 (three stride-16 layers, 2 each).
        assertEquals(24 * 24 * 2 + 12 * 12 * 6, anchors.count());
        assertEquals(2016, anchors.count());
    }

    @Test
    void palmDetectionFull_firstAnchorsWalkTheStride8GridTwicePerCell() {
        assertCentre(0, 0.5 / 24, 0.5 / 24);
        assertCentre(1, 0.5 / 24, 0.5 / 24);
        assertCentre(2, 1.5 / 24, 0.5 / 24);
        assertCentre(47, 23.5 / 24, 0.5 / 24);
        assertCentre(48, 0.5 / 24, 1.5 / 24);
        assertCentre(1151, 23.5 / 24, 23.5 / 24);
    }

    @Test
    void palmDetectionFull_stride16AnchorsComeSixPerCell() {
        for (int k = 0; k < 6; k++) {
            assertCentre(1152 + k, 0.5 / 12, 0.5 / 12);
        }
        assertCentre(1158, 1.5 / 12, 0.5 / 12);
        assertCentre(1152 + 12 * 6, 0.5 / 12, 1.5 / 12);
        assertCentre(2015, 11.5 / 12, 11.5 / 12);
    }

    @Test
    void palmDetectionFull_anchorSizeIsFixed() {
        for (int i : new int[] {0, 1, 1151, 1152, 2015}) {
            assertEquals(1.0, anchors.width(i), EPS);
            assertEquals(1.0, anchors.height(i), EPS);
        }
    }

    @Test
    void generate_variableSize_usesLayerScaleThenInterpolatedScale() {
        SsdAnchors.Options fixed = SsdAnchors.Options.palmDetectionFull();
        SsdAnchors.Options free = new SsdAnchors.Options(192, 192, fixed.minScale(), fixed.maxScale(), 0.5, 0.5,
                new int[] {8, 16, 16, 16}, new double[] {1.0}, 1.0, false);
        SsdAnchors sized = SsdAnchors.generate(free);
        // Layer scales: 0.1484375 + (0.75 − 0.1484375) × layer / 3 → 0.1484375, 0.34895833, 0.54947917, 0.75.
        assertEquals(0.1484375, sized.width(0), EPS);
        assertEquals(Math.sqrt(0.1484375 * 0.34895833333), sized.width(1), EPS);
        assertEquals(0.34895833333, sized.width(1152), EPS);
        assertEquals(Math.sqrt(0.34895833333 * 0.54947916667), sized.width(1153), EPS);
        assertEquals(0.75, sized.width(1156), EPS);
        // The last layer interpolates towards scale 1.
        assertEquals(Math.sqrt(0.75), sized.height(1157), EPS);
    }

    private void assertCentre(int i, double x, double y) {
        assertEquals(x, anchors.centerX(i), EPS, "x of anchor " + i);
        assertEquals(y, anchors.centerY(i), EPS, "y of anchor " + i);
    }
}
