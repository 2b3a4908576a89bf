package org.fingerspell.app;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The parts of {@code MODEL_CARD.md} the About dialog shows: the title, the summary (the first quoted paragraph)
 * and the metrics table under "## Metrics" (columns found by their header: test set, n, accuracy, macro-F1).
 */
public record ModelCard(String title, String summary, List<Metric> metrics) {

    public ModelCard {
        metrics = List.copyOf(metrics);
    }

    /** One row of the card's metrics table; {@code n} may be empty. */
    public record Metric(String set, String n, String accuracy, String macroF1) {
        /** {@code massey: accuracy 0.4123, macro-F1 0.3810 (n 1815)}. */
        public String describe() {
            StringBuilder text = new StringBuilder(set).append(": accuracy ").append(accuracy);
            if (!macroF1.isEmpty()) {
                text.append(", macro-F1 ").append(macroF1);
            }
            if (!n.isEmpty()) {
                text.append(" (n ").append(n).append(')');
            }
            return text.toString();
        }
    }

    public static ModelCard parse(String markdown) {
        List<String> lines = markdown.lines().toList();
        String title = "";
        StringBuilder summary = new StringBuilder();
        boolean inQuote = false;
        boolean quoteDone = false;
        List<Metric> metrics = new ArrayList<>();
        boolean inMetrics = false;
        int[] columns = null;
        for (String raw : lines) {
            String line = raw.strip();
            if (title.isEmpty() && line.startsWith("# ")) {
                title = plain(line.substring(2));
            }
            if (!quoteDone && line.startsWith(">")) {
                inQuote = true;
                summary.append(summary.length() == 0 ? "" : " ").append(line.substring(1).strip());
            } else if (inQuote) {
                inQuote = false;
                quoteDone = true;
            }
            if (line.startsWith("#")) {
                // Only the first table right under "## Metrics"; sub-headings (confusion matrices) end it.
                inMetrics = line.startsWith("## ")
                        && line.substring(3).strip().toLowerCase(Locale.ROOT).startsWith("metrics");
                columns = null;
                continue;
            }
            if (inMetrics && columns != null && !line.startsWith("|")) {
                inMetrics = false;
            }
            if (!inMetrics || !line.startsWith("|")) {
                continue;
            }
            List<String> cells = cells(line);
            if (columns == null) {
                columns = headerColumns(cells);
            } else if (!cells.isEmpty() && !cells.get(0).startsWith("---") && columns[0] >= 0 && columns[2] >= 0) {
                metrics.add(new Metric(cell(cells, columns[0]), cell(cells, columns[1]), cell(cells, columns[2]),
                        cell(cells, columns[3])));
            }
        }
        return new ModelCard(title, plain(summary.toString()), metrics);
    }

    /** Indices of set, n, accuracy, macro-F1 in a header row; -1 where absent. */
    private static int[] headerColumns(List<String> header) {
        int[] columns = {-1, -1, -1, -1};
        for (int i = 0; i < header.size(); i++) {
            String name = header.get(i).toLowerCase(Locale.ROOT);
            if (name.contains("set") && columns[0] < 0) {
                columns[0] = i;
            } else if (name.equals("n")) {
                columns[1] = i;
            } else if (name.startsWith("acc")) {
                columns[2] = i;
            } else if (name.contains("f1")) {
                columns[3] = i;
            }
        }
        return columns;
    }

    static List<String> cells(String row) {
        String inner = row.strip();
        inner = inner.substring(1, inner.endsWith("|") && inner.length() > 1 ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(plain(cell));
        }
        return cells;
    }

    private static String cell(List<String> cells, int index) {
        return index >= 0 && index < cells.size() ? cells.get(index) : "";
    }

    /** Markdown emphasis and code marks removed. */
    static String plain(String text) {
        return text.replace("**", "").replace("*", "").replace("`", "").strip();
    }
}
