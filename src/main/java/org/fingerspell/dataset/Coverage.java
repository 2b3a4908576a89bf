package org.fingerspell.dataset;

import org.fingerspell.model.Labels;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * How many images each class has under each value of one condition, and which cells are still empty: what a
 * person should capture next to make the set diverse.
 */
public final class Coverage {

    private final Conditions.Dimension dimension;
    private final List<String> classes;
    private final List<String> values;
    private final Map<String, Map<String, Integer>> counts;

    private Coverage(Conditions.Dimension dimension, List<String> classes, List<String> values,
                     Map<String, Map<String, Integer>> counts) {
        this.dimension = dimension;
        this.classes = classes;
        this.values = values;
        this.counts = counts;
    }

    /**
     * Counts {@code rows} by class and by {@code dimension}. The columns are the dimension's suggested values,
     * then any other value the rows use; a row without a value counts under "unknown".
     */
    public static Coverage of(List<ManifestRow> rows, Conditions.Dimension dimension, List<String> classes) {
        Set<String> values = new LinkedHashSet<>(dimension.suggested());
        Map<String, Map<String, Integer>> counts = new LinkedHashMap<>();
        for (String label : classes) {
            counts.put(label, new LinkedHashMap<>());
        }
        for (ManifestRow row : rows) {
            String value = row.session().value(dimension);
            String column = value.isBlank() ? "unknown" : value;
            values.add(column);
            Map<String, Integer> perValue = counts.get(row.label());
            if (perValue != null) {
                perValue.merge(column, 1, Integer::sum);
            }
        }
        return new Coverage(dimension, List.copyOf(classes), List.copyOf(values), counts);
    }

    public static Coverage of(List<ManifestRow> rows, Conditions.Dimension dimension) {
        return of(rows, dimension, Labels.ALL);
    }

    public Conditions.Dimension dimension() {
        return dimension;
    }

    public List<String> classes() {
        return classes;
    }

    /** The grid's columns. */
    public List<String> values() {
        return values;
    }

    public int count(String label, String value) {
        Map<String, Integer> perValue = counts.get(label);
        return perValue == null ? 0 : perValue.getOrDefault(value, 0);
    }

    public int total(String label) {
        Map<String, Integer> perValue = counts.get(label);
        return perValue == null ? 0 : perValue.values().stream().mapToInt(Integer::intValue).sum();
    }

    /**
     * The empty cells among the suggested values (an "unknown" column is not a gap to fill), one line each:
     * {@code "M: no dim-light images yet"}. A class with no image at all is one line, not one per value.
     */
    public List<String> missing() {
        List<String> lines = new ArrayList<>();
        for (String label : classes) {
            if (total(label) == 0) {
                lines.add(label + ": no images yet");
                continue;
            }
            for (String value : values) {
                if (dimension.suggested().contains(value) && count(label, value) == 0) {
                    lines.add(label + ": no " + dimension.describe(value) + " images yet");
                }
            }
        }
        return lines;
    }
}
