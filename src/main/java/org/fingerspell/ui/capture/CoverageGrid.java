package org.fingerspell.ui.capture;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import org.fingerspell.dataset.Conditions;
import org.fingerspell.dataset.Coverage;

import java.util.List;

/** Classes × the values of one condition, with counts; empty cells stand out, and the gaps are listed below. */
final class CoverageGrid extends VBox {

    /** A cell with at least this many images counts as covered; fewer is shown as thin. */
    private static final int ENOUGH = 10;
    private static final int MISSING_SHOWN = 6;

    private final GridPane grid = new GridPane();
    private final Label missing = new Label();

    CoverageGrid(CaptureViewModel viewModel) {
        super(10);
        getStyleClass().add("coverage");
        setPadding(new Insets(12));
        setId("coverageGrid");
        ComboBox<Conditions.Dimension> by = new ComboBox<>();
        by.setId("coverageDimension");
        by.getItems().setAll(Conditions.Dimension.values());
        by.valueProperty().bindBidirectional(viewModel.dimensionProperty());
        by.setConverter(new StringConverter<>() {
            @Override
            public String toString(Conditions.Dimension dimension) {
                return dimension == null ? "" : CaptureView.DIMENSION_NAMES.get(dimension);
            }

            @Override
            public Conditions.Dimension fromString(String text) {
                return null;
            }
        });
        Label caption = new Label("Images per class by");
        HBox header = new HBox(8, caption, by);
        header.setAlignment(Pos.CENTER_LEFT);

        grid.getStyleClass().add("coverage-cells");
        grid.setHgap(2);
        grid.setVgap(2);
        ScrollPane scroll = new ScrollPane(grid);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        missing.setId("coverageMissing");
        missing.setWrapText(true);
        missing.setMinHeight(Region.USE_PREF_SIZE);
        missing.getStyleClass().add("coverage-missing");
        getChildren().addAll(header, scroll, missing);
        viewModel.coverageProperty().addListener((obs, was, now) -> show(now));
        show(viewModel.coverageProperty().get());
    }

    private void show(Coverage coverage) {
        grid.getChildren().clear();
        List<String> values = coverage.values();
        grid.add(head("Class"), 0, 0);
        for (int c = 0; c < values.size(); c++) {
            grid.add(head(values.get(c)), c + 1, 0);
        }
        grid.add(head("All"), values.size() + 1, 0);
        for (int r = 0; r < coverage.classes().size(); r++) {
            String label = coverage.classes().get(r);
            grid.add(head(label), 0, r + 1);
            for (int c = 0; c < values.size(); c++) {
                grid.add(cell(coverage.count(label, values.get(c))), c + 1, r + 1);
            }
            Label total = cell(coverage.total(label));
            total.getStyleClass().add("total");
            grid.add(total, values.size() + 1, r + 1);
        }
        List<String> gaps = coverage.missing();
        String condition = CaptureView.DIMENSION_NAMES.get(coverage.dimension()).toLowerCase(java.util.Locale.ROOT);
        missing.setText(gaps.isEmpty() ? "Every class has images under every " + condition + " condition."
                : "Still missing (" + gaps.size() + "):\n" + String.join("\n", gaps.subList(0,
                Math.min(MISSING_SHOWN, gaps.size()))) + (gaps.size() > MISSING_SHOWN
                ? "\n… and " + (gaps.size() - MISSING_SHOWN) + " more" : ""));
    }

    private static Label head(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll("coverage-head", Styles.TEXT_BOLD);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setMaxWidth(Double.MAX_VALUE);
        return label;
    }

    private static Label cell(int count) {
        Label label = new Label(Integer.toString(count));
        label.getStyleClass().addAll("coverage-cell", count == 0 ? "empty" : count < ENOUGH ? "thin" : "enough");
        label.setMaxWidth(Double.MAX_VALUE);
        label.setAlignment(Pos.CENTER);
        return label;
    }
}
