package org.fingerspell.eval;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Two models' scores on the same images, side by side: accuracy, macro-F1 and each class's F1 for the first
 * ({@code a}) and the second ({@code b}) model, and the difference {@code b − a} (positive: the second is better).
 */
public final class ModelComparison {

    /** One class: its F1 under each model and the difference; all {@code NaN} when the set has none of it. */
    public record ClassRow(String label, long support, double f1A, double f1B) {

        public double difference() {
            return f1B - f1A;
        }
    }

    private final EvaluationResult a;
    private final EvaluationResult b;
    private final Metrics metricsA;
    private final Metrics metricsB;

    /**
     * @throws IllegalArgumentException when the two runs scored different classes or read different images, so
     *                                  their numbers would not be comparable
     */
    public ModelComparison(EvaluationResult a, EvaluationResult b) {
        this.a = Objects.requireNonNull(a, "a");
        this.b = Objects.requireNonNull(b, "b");
        if (!a.scoredClasses().equals(b.scoredClasses())) {
            throw new IllegalArgumentException("the two runs scored different classes: " + a.scoredClasses()
                    + " and " + b.scoredClasses());
        }
        if (!files(a).equals(files(b))) {
            throw new IllegalArgumentException("the two runs read different images (" + a.records().size()
                    + " and " + b.records().size() + "): compare models on the same images");
        }
        this.metricsA = a.metrics();
        this.metricsB = b.metrics();
    }

    private static List<java.nio.file.Path> files(EvaluationResult result) {
        return result.records().stream().map(ImageRecord::file).toList();
    }

    public EvaluationResult first() {
        return a;
    }

    public EvaluationResult second() {
        return b;
    }

    public double accuracyA() {
        return metricsA.accuracy();
    }

    public double accuracyB() {
        return metricsB.accuracy();
    }

    public double accuracyDifference() {
        return metricsB.accuracy() - metricsA.accuracy();
    }

    public double macroF1A() {
        return metricsA.macroF1();
    }

    public double macroF1B() {
        return metricsB.macroF1();
    }

    public double macroF1Difference() {
        return metricsB.macroF1() - metricsA.macroF1();
    }

    /** Every scored class in label order. */
    public List<ClassRow> perClass() {
        List<ClassRow> rows = new ArrayList<>();
        List<ClassMetrics> first = metricsA.perClass();
        List<ClassMetrics> second = metricsB.perClass();
        for (int i = 0; i < first.size(); i++) {
            rows.add(new ClassRow(first.get(i).label(), first.get(i).support(), first.get(i).f1(),
                    second.get(i).f1()));
        }
        return rows;
    }
}
