package org.fingerspell.model;

import org.junit.jupiter.api.Test;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class LogitFusionTest {

    private static final double[] CROP = {0.7, 0.2, 0.1};
    private static final float[] LANDMARK_LOGITS = {0f, 2f, 1f};

    @Test
    void fuse_weightZero_givesTheCropProbabilitiesBack() {
        assertArrayEquals(CROP, LogitFusion.fuse(CROP, LANDMARK_LOGITS, 0), 1e-12);
    }

    @Test
    void fuse_weightOne_givesTheLandmarkSoftmax() {
        assertArrayEquals(Softmax.of(LANDMARK_LOGITS), LogitFusion.fuse(CROP, LANDMARK_LOGITS, 1), 1e-12);
    }

    @Test
    void fuse_halfWeight_isTheNormalisedGeometricMean() {
        double[] q = Softmax.of(LANDMARK_LOGITS);
        double[] expected = new double[3];
        double sum = 0;
        for (int i = 0; i < 3; i++) {
            expected[i] = Math.sqrt(CROP[i] * q[i]);
            sum += expected[i];
        }
        for (int i = 0; i < 3; i++) {
            expected[i] /= sum;
        }
        double[] fused = LogitFusion.fuse(CROP, LANDMARK_LOGITS, 0.5);
        assertArrayEquals(expected, fused, 1e-12);
        // q ≈ (0.09, 0.67, 0.24): the landmarks pull the reading from class 0 to class 1
        assertTrue(fused[1] > fused[0], java.util.Arrays.toString(fused));
    }

    @Test
    void fuse_zeroCropProbability_isFlooredSoTheLandmarksCanStillWin() {
        double[] fused = LogitFusion.fuse(new double[] {1, 0, 0}, new float[] {0, 60, 0}, 0.6);
        for (double p : fused) {
            assertTrue(Double.isFinite(p), java.util.Arrays.toString(fused));
        }
        assertEquals(1.0, fused[0] + fused[1] + fused[2], 1e-12);
        // 0.4·log(1e-12) + 0.6·(≈0) = −11.05 against 0.4·0 + 0.6·(−60) = −36 for class 0
        assertTrue(fused[1] > 0.99, java.util.Arrays.toString(fused));
    }

    @Test
    void fuse_differentLengths_throws() {
        assertThrows(IllegalArgumentException.class, () -> LogitFusion.fuse(CROP, new float[2], 0.5));
    }

    @Test
    void fuse_weightOutsideZeroToOne_throws() {
        assertThrows(IllegalArgumentException.class, () -> LogitFusion.fuse(CROP, LANDMARK_LOGITS, 1.2));
    }
}
