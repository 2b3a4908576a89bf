package org.fingerspell.eval;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Counts of (true label, predicted label) over the scored classes: rows are true labels, columns predicted
 * labels, in the order given. A prediction outside the scored classes (say {@code nothing} when only letters
 * are scored) goes to one extra "other" column, so it counts as an error for its row.
 */
public final class ConfusionMatrix {

    /** The name of the extra column for predictions outside the scored classes. */
    public static final String OTHER = "other";

    private final List<String> labels;
    private final Map<String, Integer> index = new HashMap<>();
    private final long[][] counts;

    public ConfusionMatrix(List<String> labels) {
        Objects.requireNonNull(labels, "labels");
        if (labels.isEmpty()) {
            throw new IllegalArgumentException("a confusion matrix needs at least one class");
        }
        this.labels = List.copyOf(labels);
        for (int i = 0; i < this.labels.size(); i++) {
            if (index.put(this.labels.get(i), i) != null) {
                throw new IllegalArgumentException("duplicate class '" + this.labels.get(i) + "'");
            }
        }
        this.counts = new long[this.labels.size()][this.labels.size() + 1];
    }

    /**
     * Counts one image.
     *
     * @throws IllegalArgumentException when the true label is not a scored class (such images are not scored)
     */
    public void add(String trueLabel, String predictedLabel) {
        Integer row = index.get(trueLabel);
        if (row == null) {
            throw new IllegalArgumentException("true label '" + trueLabel + "' is not one of the scored classes "
                    + labels);
        }
        counts[row][column(predictedLabel)]++;
    }

    /** The scored classes, in row (and column) order; the "other" column is not among them. */
    public List<String> labels() {
        return labels;
    }

    public int size() {
        return labels.size();
    }

    public boolean isScored(String label) {
        return index.containsKey(label);
    }

    /** Images of class {@code trueLabel} predicted as {@code predictedLabel}; any label outside the scored classes reads the "other" column. */
    public long count(String trueLabel, String predictedLabel) {
        Integer row = index.get(trueLabel);
        return row == null ? 0 : counts[row][column(predictedLabel)];
    }

    /** By index: column {@link #size()} is the "other" column. */
    public long count(int row, int column) {
        return counts[row][column];
    }

    /** Images of class {@code trueLabel} predicted as a class outside the scored ones. */
    public long otherCount(String trueLabel) {
        Integer row = index.get(trueLabel);
        return row == null ? 0 : counts[row][labels.size()];
    }

    /** Predictions outside the scored classes, over all rows. */
    public long otherTotal() {
        long total = 0;
        for (long[] row : counts) {
            total += row[labels.size()];
        }
        return total;
    }

    /** Images whose true class is {@code label} (its support). */
    public long rowTotal(String label) {
        Integer row = index.get(label);
        return row == null ? 0 : rowTotal(row);
    }

    public long rowTotal(int row) {
        long total = 0;
        for (long c : counts[row]) {
            total += c;
        }
        return total;
    }

    /** Images predicted as {@code label}, over all true classes. */
    public long columnTotal(String label) {
        Integer column = index.get(label);
        return column == null ? 0 : columnTotal(column);
    }

    public long columnTotal(int column) {
        long total = 0;
        for (long[] row : counts) {
            total += row[column];
        }
        return total;
    }

    public long total() {
        long total = 0;
        for (int row = 0; row < counts.length; row++) {
            total += rowTotal(row);
        }
        return total;
    }

    /** The diagonal: images predicted as their true class. */
    public long correct() {
        long correct = 0;
        for (int i = 0; i < labels.size(); i++) {
            correct += counts[i][i];
        }
        return correct;
    }

    /** Every off-diagonal cell with a count, the largest first (ties in label order), "other" included. */
    public List<ConfusedPair> confusedPairs() {
        List<ConfusedPair> pairs = new ArrayList<>();
        for (int row = 0; row < labels.size(); row++) {
            long support = rowTotal(row);
            for (int column = 0; column <= labels.size(); column++) {
                long c = counts[row][column];
                if (column != row && c > 0) {
                    String predicted = column == labels.size() ? OTHER : labels.get(column);
                    pairs.add(new ConfusedPair(labels.get(row), predicted, c, (double) c / support));
                }
            }
        }
        pairs.sort((a, b) -> Long.compare(b.count(), a.count()));
        return List.copyOf(pairs);
    }

    private int column(String predictedLabel) {
        Integer column = predictedLabel == null ? null : index.get(predictedLabel);
        return column == null ? labels.size() : column;
    }
}
