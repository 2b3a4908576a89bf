package org.fingerspell.hand;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Turns the detector's raw outputs into palms, as MediaPipe's {@code TensorsToDetectionsCalculator} and
 * {@code NonMaxSuppressionCalculator} do for this model: 18 values per anchor (box centre offset, size, then 7
 * keypoint offsets, all in input pixels, x before y), scores through a sigmoid of the logit clipped to ±100,
 * then weighted non-maximum suppression (overlapping boxes averaged by score).
 */
public final class PalmDecoder {

    public static final int VALUES_PER_ANCHOR = 18;
    /** MediaPipe's palm_detection_full settings. */
    public static final double MIN_SCORE = 0.5;
    public static final double NMS_IOU = 0.3;
    private static final double SCORE_CLIP = 100;

    private final SsdAnchors anchors;
    private final double inputScale;

    /** @param inputScale the detector input side in pixels (192): offsets are divided by it */
    public PalmDecoder(SsdAnchors anchors, double inputScale) {
        this.anchors = anchors;
        this.inputScale = inputScale;
    }

    public static double sigmoid(double logit) {
        double clipped = Math.max(-SCORE_CLIP, Math.min(SCORE_CLIP, logit));
        return 1 / (1 + Math.exp(-clipped));
    }

    /** Every anchor whose score reaches {@code minScore}, decoded to normalised input coordinates. */
    public List<PalmDetection> decode(float[] regressors, float[] logits, double minScore) {
        int n = anchors.count();
        if (logits.length != n || regressors.length != n * VALUES_PER_ANCHOR) {
            throw new IllegalArgumentException("detector output does not match " + n + " anchors: "
                    + regressors.length + " box values, " + logits.length + " scores");
        }
        List<PalmDetection> detections = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            double score = sigmoid(logits[i]);
            if (score < minScore) {
                continue;
            }
            int o = i * VALUES_PER_ANCHOR;
            double ax = anchors.centerX(i);
            double ay = anchors.centerY(i);
            double aw = anchors.width(i);
            double ah = anchors.height(i);
            double cx = regressors[o] / inputScale * aw + ax;
            double cy = regressors[o + 1] / inputScale * ah + ay;
            double w = regressors[o + 2] / inputScale * aw;
            double h = regressors[o + 3] / inputScale * ah;
            double[] keypoints = new double[2 * PalmDetection.KEYPOINTS];
            for (int k = 0; k < PalmDetection.KEYPOINTS; k++) {
                keypoints[2 * k] = regressors[o + 4 + 2 * k] / inputScale * aw + ax;
                keypoints[2 * k + 1] = regressors[o + 5 + 2 * k] / inputScale * ah + ay;
            }
            detections.add(new PalmDetection(score, cx - w / 2, cy - h / 2, cx + w / 2, cy + h / 2, keypoints));
        }
        return detections;
    }

    /**
     * Weighted non-maximum suppression: the best remaining detection absorbs every detection overlapping it by
     * more than {@code iouThreshold} (itself included); its box and keypoints become their score-weighted mean,
     * its score stays the best score. Sorted best first.
     */
    public static List<PalmDetection> weightedNms(List<PalmDetection> detections, double iouThreshold) {
        List<PalmDetection> remaining = new ArrayList<>(detections);
        remaining.sort(Comparator.comparingDouble(PalmDetection::score).reversed());
        List<PalmDetection> kept = new ArrayList<>();
        while (!remaining.isEmpty()) {
            PalmDetection best = remaining.get(0);
            List<PalmDetection> cluster = new ArrayList<>();
            List<PalmDetection> rest = new ArrayList<>();
            for (PalmDetection candidate : remaining) {
                (candidate.iou(best) > iouThreshold ? cluster : rest).add(candidate);
            }
            if (cluster.isEmpty()) {
                // A degenerate (empty) best box overlaps nothing, not even itself: keep it alone.
                cluster.add(best);
                rest.remove(best);
            }
            kept.add(average(best.score(), cluster));
            remaining = rest;
        }
        return kept;
    }

    private static PalmDetection average(double score, List<PalmDetection> cluster) {
        double total = 0;
        double xMin = 0;
        double yMin = 0;
        double xMax = 0;
        double yMax = 0;
        double[] keypoints = new double[2 * PalmDetection.KEYPOINTS];
        for (PalmDetection d : cluster) {
            double w = d.score();
            total += w;
            xMin += w * d.xMin();
            yMin += w * d.yMin();
            xMax += w * d.xMax();
            yMax += w * d.yMax();
            double[] k = d.keypoints();
            for (int j = 0; j < k.length; j++) {
                keypoints[j] += w * k[j];
            }
        }
        for (int j = 0; j < keypoints.length; j++) {
            keypoints[j] /= total;
        }
        return new PalmDetection(score, xMin / total, yMin / total, xMax / total, yMax / total, keypoints);
    }
}
