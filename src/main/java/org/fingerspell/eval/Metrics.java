package org.fingerspell.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Accuracy, macro-F1 and per-class scores from a confusion matrix. Macro-F1 averages F1 over the classes
 * present in the set only: a set without {@code Z} is not scored on {@code Z}. Predictions outside the scored
 * classes are errors (they lower the recall of their true class and the accuracy).
 */
public final class Metrics {

    private final ConfusionMatrix confusion;
    private final List<ClassMetrics> perClass;
    private final long n;
    private final long correct;
    private final double accuracy;
    private final double macroF1;

    private Metrics(ConfusionMatrix confusion) {
        this.confusion = confusion;
        List<ClassMetrics> classes = new ArrayList<>();
        for (int i = 0; i < confusion.size(); i++) {
            classes.add(ClassMetrics.of(confusion.labels().get(i), confusion.rowTotal(i), confusion.columnTotal(i),
                    confusion.count(i, i)));
        }
        this.perClass = List.copyOf(classes);
        this.n = confusion.total();
        this.correct = confusion.correct();
        this.accuracy = n == 0 ? Double.NaN : (double) correct / n;
        this.macroF1 = perClass.stream().filter(ClassMetrics::present).mapToDouble(ClassMetrics::f1)
                .average().orElse(Double.NaN);
    }

    public static Metrics of(ConfusionMatrix confusion) {
        return new Metrics(Objects.requireNonNull(confusion, "confusion"));
    }

    /** Images scored (decoded, classified, true class among the scored ones). */
    public long n() {
        return n;
    }

    public long correct() {
        return correct;
    }

    /** Fraction of images predicted correctly; {@code NaN} when nothing was scored. */
    public double accuracy() {
        return accuracy;
    }

    /** Mean F1 over the classes present in the set; {@code NaN} when none is. */
    public double macroF1() {
        return macroF1;
    }

    /** Every scored class, in label order, present or not. */
    public List<ClassMetrics> perClass() {
        return perClass;
    }

    public ClassMetrics of(String label) {
        return perClass.stream().filter(c -> c.label().equals(label)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("'" + label + "' is not a scored class"));
    }

    /** The classes macro-F1 averages over: those with at least one image. */
    public List<String> classesPresent() {
        return perClass.stream().filter(ClassMetrics::present).map(ClassMetrics::label).toList();
    }

    /** Scored classes the set has no image of: not part of macro-F1. */
    public List<String> classesAbsent() {
        return perClass.stream().filter(c -> !c.present()).map(ClassMetrics::label).toList();
    }

    /** Present classes the model never predicted (precision 0 by convention). */
    public List<String> classesNeverPredicted() {
        return perClass.stream().filter(ClassMetrics::noPredictions).map(ClassMetrics::label).toList();
    }

    /** Predictions outside the scored classes, all counted as errors. */
    public long otherPredictions() {
        return confusion.otherTotal();
    }

    /** The {@code k} largest off-diagonal cells. */
    public List<ConfusedPair> topConfusions(int k) {
        List<ConfusedPair> pairs = confusion.confusedPairs();
        return pairs.subList(0, Math.max(0, Math.min(k, pairs.size())));
    }

    public ConfusionMatrix confusion() {
        return confusion;
    }
}
