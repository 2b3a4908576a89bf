package org.fingerspell.model;

/** Numerically stable softmax and log-softmax. */
public final class Softmax {

    private Softmax() {
    }

    public static double[] of(float[] logits) {
        return of(widen(logits));
    }

    public static double[] of(double[] logits) {
        double[] out = logOf(logits);
        for (int i = 0; i < out.length; i++) {
            out[i] = Math.exp(out[i]);
        }
        return out;
    }

    /** log(softmax(logits)), without the underflow of taking the log of a tiny probability. */
    public static double[] logOf(float[] logits) {
        return logOf(widen(logits));
    }

    public static double[] logOf(double[] logits) {
        double max = Double.NEGATIVE_INFINITY;
        for (double logit : logits) {
            max = Math.max(max, logit);
        }
        double sum = 0;
        for (double logit : logits) {
            sum += Math.exp(logit - max);
        }
        double logSum = max + Math.log(sum);
        double[] out = new double[logits.length];
        for (int i = 0; i < logits.length; i++) {
            out[i] = logits[i] - logSum;
        }
        return out;
    }

    private static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            out[i] = values[i];
        }
        return out;
    }
}
