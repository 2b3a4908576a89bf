package org.fingerspell.eval;

/**
 * Precision, recall and F1 of one scored class.
 * <ul>
 *   <li>{@code support}: images of the class in the set; 0 means the class is absent and not scored
 *       ({@link #present()} false): recall and F1 are then {@code NaN} and it does not enter macro-F1.</li>
 *   <li>{@code predicted}: images predicted as the class. With none, precision is 0 by convention
 *       ({@link #noPredictions()}), and a report says so.</li>
 * </ul>
 */
public record ClassMetrics(String label, long support, long predicted, long truePositives,
                           double precision, double recall, double f1) {

    public static ClassMetrics of(String label, long support, long predicted, long truePositives) {
        double precision = predicted == 0 ? (support == 0 ? Double.NaN : 0.0) : (double) truePositives / predicted;
        if (support == 0) {
            return new ClassMetrics(label, 0, predicted, 0, precision, Double.NaN, Double.NaN);
        }
        double recall = (double) truePositives / support;
        double f1 = precision + recall == 0 ? 0.0 : 2 * precision * recall / (precision + recall);
        return new ClassMetrics(label, support, predicted, truePositives, precision, recall, f1);
    }

    /** The set holds at least one image of this class, so it is scored. */
    public boolean present() {
        return support > 0;
    }

    /** Present in the set but never predicted: its precision of 0 is a convention, not a measurement. */
    public boolean noPredictions() {
        return support > 0 && predicted == 0;
    }
}
