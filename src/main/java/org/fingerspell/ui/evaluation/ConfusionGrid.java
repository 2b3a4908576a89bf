package org.fingerspell.ui.evaluation;

import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.Background;
import javafx.scene.layout.BackgroundFill;
import javafx.scene.layout.GridPane;
import javafx.scene.paint.Color;
import org.fingerspell.eval.ConfusionHeatmap;
import org.fingerspell.eval.ConfusionMatrix;
import org.fingerspell.eval.Formats;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

/**
 * The confusion matrix as a heat map of clickable cells (rows: true class, columns: predicted), coloured as the
 * report's {@code confusion.png} ({@link ConfusionHeatmap#cellRgb}). Rows are the classes present in the set;
 * columns those plus any class the model predicted, and "other" for predictions outside the scored classes, so a
 * small set gets a small grid.
 */
final class ConfusionGrid extends GridPane {

    static final double CELL = 22;

    private final BiConsumer<String, String> onCell;

    /** {@code onCell} gets (true label, predicted label) when a cell is clicked. */
    ConfusionGrid(BiConsumer<String, String> onCell) {
        this.onCell = onCell;
        getStyleClass().add("confusion-grid");
        setHgap(1);
        setVgap(1);
    }

    void show(ConfusionMatrix matrix) {
        getChildren().clear();
        if (matrix == null) {
            return;
        }
        List<String> rows = new ArrayList<>();
        List<String> columns = new ArrayList<>();
        for (String label : matrix.labels()) {
            if (matrix.rowTotal(label) > 0) {
                rows.add(label);
            }
            if (matrix.rowTotal(label) > 0 || matrix.columnTotal(label) > 0) {
                columns.add(label);
            }
        }
        if (matrix.otherTotal() > 0) {
            columns.add(ConfusionMatrix.OTHER);
        }
        Label corner = header("");
        corner.getStyleClass().add("corner");
        add(corner, 0, 0);
        for (int c = 0; c < columns.size(); c++) {
            add(header(columns.get(c)), c + 1, 0);
        }
        for (int r = 0; r < rows.size(); r++) {
            String trueLabel = rows.get(r);
            long support = matrix.rowTotal(trueLabel);
            Label rowHeader = header(trueLabel);
            rowHeader.setAlignment(Pos.CENTER_RIGHT);
            add(rowHeader, 0, r + 1);
            for (int c = 0; c < columns.size(); c++) {
                add(cell(trueLabel, columns.get(c), matrix.count(trueLabel, columns.get(c)), support), c + 1, r + 1);
            }
        }
    }

    private Label cell(String trueLabel, String predicted, long count, long support) {
        Label cell = new Label(count == 0 ? "" : Long.toString(count));
        cell.setId("cell-" + trueLabel + "-" + predicted);
        cell.getStyleClass().add("confusion-cell");
        cell.setMinSize(CELL, CELL);
        cell.setPrefSize(CELL, CELL);
        cell.setMaxSize(CELL, CELL);
        cell.setAlignment(Pos.CENTER);
        int rgb = ConfusionHeatmap.cellRgb(count, support, trueLabel.equals(predicted));
        cell.setBackground(new Background(new BackgroundFill(Color.rgb(rgb >> 16 & 0xFF, rgb >> 8 & 0xFF, rgb & 0xFF),
                null, null)));
        cell.setTextFill(ConfusionHeatmap.lightText(count, support) ? Color.WHITE : Color.rgb(0x20, 0x20, 0x20));
        if (count > 0) {
            cell.getStyleClass().add("filled");
            cell.setTooltip(new Tooltip(String.format(Locale.ROOT, "%s read as %s: %d of %d (%s)", trueLabel,
                    predicted, count, support, Formats.percent((double) count / support))));
            cell.setOnMouseClicked(e -> onCell.accept(trueLabel, predicted));
        }
        return cell;
    }

    private static Label header(String text) {
        Label label = new Label(text);
        label.getStyleClass().add("confusion-header");
        label.setMinHeight(CELL);
        label.setMinWidth(CELL);
        label.setAlignment(Pos.CENTER);
        return label;
    }
}
