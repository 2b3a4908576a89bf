package org.fingerspell.model;

/**
 * Blends the crop classifier with the landmark classifier: a weighted sum of their log-probabilities (a weighted
 * geometric mean of the two distributions), normalised again. Weight 0 gives the crop classifier's probabilities
 * back, weight 1 the landmark classifier's.
 */
public final class LogitFusion {

    /**
     * The crop classifier's probabilities come through a softmax in double precision, but an extreme logit can
     * still round one to 0; its log is taken as log(1e-12) instead of −∞ so the other classifier can still speak.
     */
    public static final double PROBABILITY_FLOOR = 1e-12;

    private LogitFusion() {
    }

    /**
     * softmax((1 − weight) · log(cropProbabilities) + weight · log_softmax(landmarkLogits)), in label order.
     *
     * @param weight the landmark classifier's share, 0..1
     */
    public static double[] fuse(double[] cropProbabilities, float[] landmarkLogits, double weight) {
        if (cropProbabilities.length != landmarkLogits.length) {
            throw new IllegalArgumentException(cropProbabilities.length + " crop scores but "
                    + landmarkLogits.length + " landmark scores");
        }
        if (!(weight >= 0 && weight <= 1)) {
            throw new IllegalArgumentException("weight must be within 0..1, not " + weight);
        }
        double[] landmarkLog = Softmax.logOf(landmarkLogits);
        double[] fused = new double[cropProbabilities.length];
        for (int i = 0; i < fused.length; i++) {
            fused[i] = (1 - weight) * Math.log(Math.max(cropProbabilities[i], PROBABILITY_FLOOR))
                    + weight * landmarkLog[i];
        }
        return Softmax.of(fused);
    }
}
