package org.fingerspell.eval;

import java.util.List;
import java.util.Locale;

/** The plain-text summary of an evaluation: headline numbers, the per-class table and the top confusions. */
public final class TextSummary {

    private TextSummary() {
    }

    public static String format(EvaluationResult result, int topPairs) {
        Metrics metrics = result.metrics();
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        out.append("Dataset   ").append(result.dataset()).append(nl);
        if (result.model() != null) {
            out.append("Model     ").append(result.model().name()).append(' ').append(result.model().version())
                    .append(nl);
        }
        out.append(String.format(Locale.ROOT, "n         %d %s scored", metrics.n(), metrics.n() == 1 ? "image" : "images"));
        if (!result.errors().isEmpty()) {
            out.append(String.format(Locale.ROOT, " (%d more could not be read)", result.errors().size()));
        }
        out.append(nl);
        if (result.excludedImages() > 0) {
            out.append(String.format(Locale.ROOT, "          %d images of %s not scored (outside --classes)",
                    result.excludedImages(), String.join(", ", result.excludedClasses()))).append(nl);
        }
        if (result.cancelled()) {
            out.append("          cancelled: these numbers cover only the images read before it stopped").append(nl);
        }
        out.append(String.format(Locale.ROOT, "accuracy  %s (%d/%d)", Formats.fraction(metrics.accuracy()),
                metrics.correct(), metrics.n())).append(nl);
        out.append("macro-F1  ").append(Formats.fraction(metrics.macroF1())).append(' ')
                .append(scopeSentence(metrics)).append(nl);
        if (!result.unreadableClasses().isEmpty()) {
            out.append("          not scored because none of their images could be read: ")
                    .append(String.join(" ", result.unreadableClasses())).append(nl);
        }
        if (metrics.otherPredictions() > 0) {
            out.append(String.format(Locale.ROOT,
                    "          %d %s outside the scored classes and %s", metrics.otherPredictions(),
                    metrics.otherPredictions() == 1 ? "prediction fell" : "predictions fell",
                    metrics.otherPredictions() == 1 ? "counts as an error" : "count as errors")).append(nl);
        }
        out.append(nl);
        out.append(String.format(Locale.ROOT, "%-8s %9s %9s %9s %8s %10s%n", "class", "precision", "recall", "F1",
                "support", "predicted"));
        for (ClassMetrics c : metrics.perClass()) {
            if (!c.present()) {
                out.append(String.format(Locale.ROOT, "%-8s %9s %9s %9s %8d %10d  absent, not scored%n", c.label(),
                        "-", "-", "-", 0, c.predicted()));
                continue;
            }
            out.append(String.format(Locale.ROOT, "%-8s %9s %9s %9s %8d %10d%s%n", c.label(),
                    Formats.fraction(c.precision()), Formats.fraction(c.recall()), Formats.fraction(c.f1()),
                    c.support(), c.predicted(), c.noPredictions() ? "  never predicted: precision 0" : ""));
        }
        List<ConfusedPair> pairs = metrics.topConfusions(topPairs);
        if (!pairs.isEmpty()) {
            out.append(nl).append("Most confused (true -> predicted)").append(nl);
            for (ConfusedPair pair : pairs) {
                out.append(String.format(Locale.ROOT, "  %-7s -> %-7s %5d  (%s of %s)%n", pair.trueLabel(),
                        pair.predicted(), pair.count(), Formats.percent(pair.fractionOfTrue()), pair.trueLabel()));
            }
        }
        return out.toString();
    }

    /** "over 26 classes present: A, B, ...; not scored (absent): del, nothing, space". */
    public static String scopeSentence(Metrics metrics) {
        List<String> present = metrics.classesPresent();
        StringBuilder text = new StringBuilder();
        text.append("over ").append(present.size()).append(present.size() == 1 ? " class" : " classes")
                .append(" present: ").append(String.join(" ", present));
        List<String> absent = metrics.classesAbsent();
        if (!absent.isEmpty()) {
            text.append("; absent from the set, not scored: ").append(String.join(" ", absent));
        }
        return text.toString();
    }
}
