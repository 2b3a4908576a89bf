package org.fingerspell.hand;

import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PalmDecoderTest {

    private static final double EPS = 1e-6;
    private final SsdAnchors anchors = SsdAnchors.palmDetectionFull();
    private final PalmDecoder decoder = new PalmDecoder(anchors, 192);

    @Test
    void sigmoid_clipsLogitsAt100() {
        assertEquals(0.5, PalmDecoder.sigmoid(0), EPS);
        assertEquals(1 / (1 + Math.exp(-2)), PalmDecoder.sigmoid(2), EPS);
        assertEquals(PalmDecoder.sigmoid(-100), PalmDecoder.sigmoid(-1e6), 0);
        assertTrue(PalmDecoder.sigmoid(-1e6) > 0);
    }

    @Test
    void decode_offsetsAreInputPixelsAroundTheAnchorCentre() {
        float[] logits = new float[2016];
        Arrays.fill(logits, -10f);
        float[] regressors = new float[2016 * 18];
        int i = 1152; // centre (0.5/12, 0.5/12) = (0.0416667, 0.0416667)
        logits[i] = 2f;
        int o = i * 18;
        regressors[o] = 19.2f;      // cx: +0.1
        regressors[o + 1] = -9.6f;  // cy: −0.05
        regressors[o + 2] = 38.4f;  // w: 0.2
        regressors[o + 3] = 57.6f;  // h: 0.3
        regressors[o + 4 + 4] = 96f;     // keypoint 2 x: +0.5
        regressors[o + 4 + 5] = 192f;    // keypoint 2 y: +1.0

        List<PalmDetection> palms = decoder.decode(regressors, logits, 0.5);

        assertEquals(1, palms.size());
        PalmDetection p = palms.get(0);
        assertEquals(1 / (1 + Math.exp(-2)), p.score(), EPS);
        assertEquals(0.1416667 - 0.1, p.xMin(), EPS);
        assertEquals(0.1416667 + 0.1, p.xMax(), EPS);
        assertEquals(-0.0083333 - 0.15, p.yMin(), EPS);
        assertEquals(-0.0083333 + 0.15, p.yMax(), EPS);
        assertEquals(0.0416667, p.keypointX(0), EPS);
        assertEquals(0.0416667, p.keypointY(0), EPS);
        assertEquals(0.5416667, p.keypointX(2), EPS);
        assertEquals(1.0416667, p.keypointY(2), EPS);
    }

    @Test
    void decode_dropsScoresBelowTheThreshold() {
        float[] logits = new float[2016];
        Arrays.fill(logits, -0.01f); // sigmoid just below 0.5
        assertTrue(decoder.decode(new float[2016 * 18], logits, 0.5).isEmpty());
    }

    @Test
    void decode_wrongOutputSize_throws() {
        assertThrows(IllegalArgumentException.class, () -> decoder.decode(new float[18], new float[1], 0.5));
    }

    @Test
    void weightedNms_mergesOverlapsByScoreAndKeepsTheBestScore() {
        PalmDetection a = palm(0.9, 0, 0, 10, 10, 1);
        PalmDetection b = palm(0.6, 1, 1, 11, 11, 4); // IoU 81/119 = 0.68 with a
        PalmDetection far = palm(0.7, 50, 50, 60, 60, 0);

        List<PalmDetection> kept = PalmDecoder.weightedNms(List.of(b, far, a), 0.3);

        assertEquals(2, kept.size());
        PalmDetection merged = kept.get(0);
        assertEquals(0.9, merged.score(), EPS);
        assertEquals((0.9 * 0 + 0.6 * 1) / 1.5, merged.xMin(), EPS);
        assertEquals((0.9 * 10 + 0.6 * 11) / 1.5, merged.yMax(), EPS);
        assertEquals((0.9 * 1 + 0.6 * 4) / 1.5, merged.keypointX(3), EPS);
        assertEquals(0.7, kept.get(1).score(), EPS);
        assertEquals(60, kept.get(1).xMax(), EPS);
    }

    @Test
    void weightedNms_keepsBoxesOverlappingLessThanTheThreshold() {
        PalmDetection a = palm(0.9, 0, 0, 10, 10, 0);
        PalmDetection b = palm(0.8, 6, 0, 16, 10, 0); // IoU 40/160 = 0.25

        assertEquals(2, PalmDecoder.weightedNms(List.of(a, b), 0.3).size());
    }

    @Test
    void iou_ofHandComputedBoxes() {
        assertEquals(81.0 / 119.0, palm(1, 0, 0, 10, 10, 0).iou(palm(1, 1, 1, 11, 11, 0)), EPS);
        assertEquals(0, palm(1, 0, 0, 10, 10, 0).iou(palm(1, 10, 0, 20, 10, 0)), EPS);
    }

    private static PalmDetection palm(double score, double x0, double y0, double x1, double y1, double keypoint) {
        double[] keypoints = new double[14];
        Arrays.fill(keypoints, keypoint);
        return new PalmDetection(score, x0, y0, x1, y1, keypoints);
    }
}
