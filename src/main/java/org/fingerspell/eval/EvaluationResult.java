package org.fingerspell.eval;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;

/**
 * One evaluation run: every image record, the classes it scores, and where the set and model came from.
 * Metrics are computed from the records on demand, so a partial (cancelled) run still reports what it saw.
 *
 * @param dataset          the folder evaluated
 * @param scoredClasses    the classes scored, in label order (all 29, the letters, or a chosen list)
 * @param excludedImages   images in class folders outside {@code scoredClasses}: not read, not scored
 * @param excludedClasses  the classes of those folders
 * @param ignoredFolders   folders under the root that are not classes
 * @param records          one per image read, in set order
 * @param cancelled        true when the run stopped before the last image
 */
public record EvaluationResult(Path dataset, List<String> scoredClasses, int excludedImages,
                               List<String> excludedClasses, List<String> ignoredFolders, List<ImageRecord> records,
                               boolean cancelled, ModelInfo model, Instant date) {

    public EvaluationResult {
        Objects.requireNonNull(dataset, "dataset");
        scoredClasses = List.copyOf(scoredClasses);
        excludedClasses = List.copyOf(excludedClasses);
        ignoredFolders = List.copyOf(ignoredFolders);
        records = List.copyOf(records);
        Objects.requireNonNull(date, "date");
    }

    /**
     * The same run narrowed to the records {@code keep} accepts (say, the images taken in dim light): every
     * number computed from it covers that subset only, as if only those images had been in the set.
     */
    public EvaluationResult subset(Predicate<ImageRecord> keep) {
        return new EvaluationResult(dataset, scoredClasses, excludedImages, excludedClasses, ignoredFolders,
                records.stream().filter(keep).toList(), cancelled, model, date);
    }

    /** The confusion matrix of the classified images (errors are not in it). */
    public ConfusionMatrix confusion() {
        ConfusionMatrix matrix = new ConfusionMatrix(scoredClasses);
        for (ImageRecord record : records) {
            if (!record.isError()) {
                matrix.add(record.trueLabel(), record.predicted());
            }
        }
        return matrix;
    }

    public Metrics metrics() {
        return Metrics.of(confusion());
    }

    public List<ImageRecord> errors() {
        return records.stream().filter(ImageRecord::isError).toList();
    }

    public List<ImageRecord> misclassified() {
        return records.stream().filter(ImageRecord::isMisclassified).toList();
    }

    /** Scored classes whose every image failed to load: they look absent in the metrics, but the set has them. */
    public List<String> unreadableClasses() {
        Metrics metrics = metrics();
        java.util.Set<String> withErrors = new java.util.HashSet<>();
        errors().forEach(record -> withErrors.add(record.trueLabel()));
        return metrics.classesAbsent().stream().filter(withErrors::contains).toList();
    }
}
