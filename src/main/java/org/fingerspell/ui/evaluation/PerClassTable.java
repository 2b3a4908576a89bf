package org.fingerspell.ui.evaluation;

import org.fingerspell.eval.ClassMetrics;
import org.fingerspell.eval.EvaluationResult;
import org.fingerspell.eval.Formats;
import org.fingerspell.eval.ModelComparison;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The per-class table as text, one row per class present in the set: precision, recall and F1 of one model, or,
 * with two, each model's F1 and the difference. Classes absent from the set are not scored and not listed.
 */
public record PerClassTable(List<String> headers, List<List<String>> rows) {

    public static PerClassTable of(EvaluationResult result) {
        List<List<String>> rows = new ArrayList<>();
        for (ClassMetrics c : result.metrics().perClass()) {
            if (c.present()) {
                rows.add(List.of(c.label(), Long.toString(c.support()), Formats.fraction(c.precision()),
                        Formats.fraction(c.recall()), Formats.fraction(c.f1())));
            }
        }
        return new PerClassTable(List.of("Class", "Images", "Precision", "Recall", "F1"), rows);
    }

    /** {@code first} and {@code second} name the two models in the headers. */
    public static PerClassTable of(ModelComparison comparison, String first, String second) {
        List<List<String>> rows = new ArrayList<>();
        for (ModelComparison.ClassRow c : comparison.perClass()) {
            if (c.support() > 0) {
                rows.add(List.of(c.label(), Long.toString(c.support()), Formats.fraction(c.f1A()),
                        Formats.fraction(c.f1B()), signed(c.difference())));
            }
        }
        return new PerClassTable(List.of("Class", "Images", "F1 " + first, "F1 " + second, "Difference"), rows);
    }

    /** "+0.125", "−0.333", "0.000": the sign says which model is better. */
    public static String signed(double difference) {
        if (Double.isNaN(difference)) {
            return "n/a";
        }
        String text = String.format(Locale.ROOT, "%.3f", Math.abs(difference));
        if (text.equals("0.000")) {
            return text;
        }
        return (difference > 0 ? "+" : "−") + text;
    }
}
