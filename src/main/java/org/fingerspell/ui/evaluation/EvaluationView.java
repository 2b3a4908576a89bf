package org.fingerspell.ui.evaluation;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.fingerspell.eval.ConfusedPair;
import org.fingerspell.eval.EvaluationResult;
import org.fingerspell.eval.Formats;
import org.fingerspell.eval.ModelComparison;
import org.fingerspell.ui.Page;

import java.io.File;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The evaluation page: choose a model (and optionally a second to compare), a folder-per-class set and the classes
 * to score; run; read accuracy, macro-F1, the per-class table, the confusion heat map (a cell shows its images) and
 * the worst-confused pairs; narrow it all by the manifest's conditions; export the report. Binds to its
 * {@link EvaluationViewModel} only.
 */
public final class EvaluationView implements Page {

    private final EvaluationViewModel viewModel;
    private final Path committedModel;
    private final VBox root = new VBox(12);
    private final FlowPane filters = new FlowPane(8, 6);
    private final VBox headline = new VBox(4);
    private final TableView<List<String>> table = new TableView<>();
    private final ListView<ConfusedPair> pairs = new ListView<>();
    private final ConfusionGrid grid;
    private final GalleryPanel gallery;
    private final Label scopeNote = new Label();
    private final Label matrixTitle = title("Confusion matrix");

    public EvaluationView(EvaluationViewModel viewModel, Path committedModel) {
        this.viewModel = viewModel;
        this.committedModel = committedModel;
        this.grid = new ConfusionGrid(this::openCell);
        this.gallery = new GalleryPanel(viewModel);
        root.getStyleClass().add("evaluation-view");
        root.getStylesheets().add(EvaluationView.class.getResource("EvaluationView.css").toExternalForm());
        root.setPadding(new Insets(16));
        root.getChildren().addAll(form(), messages(), results());
        VBox.setVgrow(root.getChildren().get(2), Priority.ALWAYS);
        filters.setId("conditionFilters");
        filters.setAlignment(Pos.CENTER_LEFT);
        filters.setPrefWrapLength(360);
        filters.managedProperty().bind(filters.visibleProperty());
        filters.visibleProperty().bind(Bindings.isNotEmpty(viewModel.conditions()));
        viewModel.conditions().addListener((javafx.collections.ListChangeListener<String>) c -> buildFilters());
        viewModel.resultProperty().addListener((obs, was, now) -> showResult());
        viewModel.comparisonProperty().addListener((obs, was, now) -> showResult());
    }

    // ---- the choices and the run

    private Node form() {
        TextField model = pathField("modelPath", viewModel.modelProperty(), "an .onnx file with its .json beside it");
        Button browseModel = new Button("Browse…");
        browseModel.setId("browseModel");
        browseModel.setOnAction(e -> chooseModel(viewModel.modelProperty()));
        Button committed = new Button("Committed model");
        committed.setId("useCommittedModel");
        committed.setDisable(committedModel == null);
        committed.setOnAction(e -> viewModel.modelProperty().set(committedModel));

        TextField second = pathField("secondModelPath", viewModel.secondModelProperty(),
                "optional: a second model, shown side by side");
        Button browseSecond = new Button("Browse…");
        browseSecond.setId("browseSecondModel");
        browseSecond.setOnAction(e -> chooseModel(viewModel.secondModelProperty()));
        Button clearSecond = new Button("None");
        clearSecond.setId("clearSecondModel");
        clearSecond.setOnAction(e -> viewModel.secondModelProperty().set(null));

        TextField dataset = pathField("datasetPath", viewModel.datasetProperty(),
                "a folder with one sub-folder of images per class: A/, B/, …, del/");
        Button browseDataset = new Button("Browse…");
        browseDataset.setId("browseDataset");
        browseDataset.setOnAction(e -> chooseFolder("Choose a folder-per-class image set",
                viewModel.datasetProperty()::set));
        ComboBox<EvaluationViewModel.Scope> scope = new ComboBox<>();
        scope.setId("scoredClasses");
        scope.getItems().setAll(EvaluationViewModel.Scope.values());
        scope.valueProperty().bindBidirectional(viewModel.scopeProperty());

        Button evaluate = new Button("Evaluate");
        evaluate.setId("evaluate");
        evaluate.getStyleClass().add(Styles.ACCENT);
        evaluate.setDefaultButton(true);
        evaluate.disableProperty().bind(running());
        evaluate.setOnAction(e -> viewModel.evaluate());
        Button cancel = new Button("Cancel");
        cancel.setId("cancelEvaluation");
        cancel.disableProperty().bind(running().not());
        cancel.setOnAction(e -> viewModel.cancel());
        ProgressBar progress = new ProgressBar();
        progress.setId("evaluationProgress");
        progress.setMinWidth(120);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(running());
        Label status = new Label();
        status.setId("evaluationStatus");
        status.textProperty().bind(viewModel.statusProperty());
        Button export = new Button("Export report…");
        export.setId("exportReport");
        export.disableProperty().bind(viewModel.resultProperty().isNull().or(viewModel.exportingProperty())
                .or(running()));
        export.setOnAction(e -> chooseFolder("Folder for the report", viewModel::export));
        progress.setPrefWidth(160);
        HBox actions = new HBox(8, evaluate, cancel, progress, status, new Spacer(), export);
        actions.setAlignment(Pos.CENTER_LEFT);

        GridPane form = new GridPane();
        form.getStyleClass().add("evaluation-form");
        form.setHgap(8);
        form.setVgap(8);
        form.addRow(0, new Label("Model"), model, browseModel, committed, new Label("Compare with"), second,
                browseSecond, clearSecond);
        form.addRow(1, new Label("Dataset"), dataset, browseDataset, scope);
        form.add(actions, 4, 1, 4, 1);
        ColumnConstraints grow = new ColumnConstraints();
        grow.setHgrow(Priority.ALWAYS);
        ColumnConstraints growToo = new ColumnConstraints();
        growToo.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().addAll(new ColumnConstraints(), grow, new ColumnConstraints(),
                new ColumnConstraints(), new ColumnConstraints(), growToo);
        return form;
    }

    private javafx.beans.binding.BooleanBinding running() {
        return viewModel.stateProperty().isEqualTo(EvaluationViewModel.State.RUNNING);
    }

    private Node messages() {
        Label error = new Label();
        error.setId("evaluationError");
        error.getStyleClass().add(Styles.DANGER);
        error.textProperty().bind(viewModel.errorProperty());
        Label notice = new Label();
        notice.setId("evaluationNotice");
        notice.getStyleClass().add(Styles.WARNING);
        notice.textProperty().bind(viewModel.noticeProperty());
        Label exported = new Label();
        exported.setId("exportMessage");
        exported.textProperty().bind(viewModel.exportMessageProperty());
        VBox box = new VBox(4);
        for (Label label : List.of(error, notice, exported)) {
            label.setWrapText(true);
            label.managedProperty().bind(label.textProperty().isNotEmpty());
            label.visibleProperty().bind(label.textProperty().isNotEmpty());
            box.getChildren().add(label);
        }
        return box;
    }

    private void buildFilters() {
        filters.getChildren().setAll(new Label("Only images with"));
        for (String condition : viewModel.conditions()) {
            ComboBox<String> values = new ComboBox<>();
            values.setId("filter-" + condition);
            values.getItems().add("");
            values.getItems().addAll(viewModel.values(condition));
            values.setPromptText(condition + ": any");
            values.setConverter(new StringConverter<>() {
                @Override
                public String toString(String value) {
                    return value == null || value.isEmpty() ? condition + ": any" : condition + " = " + value;
                }

                @Override
                public String fromString(String text) {
                    return text;
                }
            });
            values.valueProperty().addListener((obs, was, now) -> viewModel.choose(condition, now));
            filters.getChildren().add(values);
        }
    }

    // ---- the results

    private Node results() {
        headline.setId("headline");
        scopeNote.setId("scopeNote");
        scopeNote.setWrapText(true);
        scopeNote.setMinHeight(Region.USE_PREF_SIZE);
        scopeNote.getStyleClass().add(Styles.TEXT_MUTED);
        table.setId("perClass");
        table.getStyleClass().addAll(Styles.DENSE, Styles.STRIPED);
        table.setPlaceholder(new Label("Choose a model and a dataset folder, then Evaluate."));
        pairs.setId("confusedPairs");
        pairs.setPrefHeight(150);
        pairs.getStyleClass().add(Styles.DENSE);
        pairs.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(ConfusedPair pair, boolean empty) {
                super.updateItem(pair, empty);
                setText(empty || pair == null ? null : String.format(Locale.ROOT, "%s read as %s   %d  (%s of %s)",
                        pair.trueLabel(), pair.predicted(), pair.count(), Formats.percent(pair.fractionOfTrue()),
                        pair.trueLabel()));
            }
        });
        pairs.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> {
            if (now != null) {
                openCell(now.trueLabel(), now.predicted());
            }
        });
        pairs.setPlaceholder(new Label("No confusions."));
        Label tableTitle = title("Per class");
        Label pairsTitle = title("Most confused (true → read as)");
        VBox left = new VBox(8, filters, headline, scopeNote, tableTitle, table, pairsTitle, pairs);
        VBox.setVgrow(table, Priority.ALWAYS);
        left.setMinWidth(300);

        ScrollPane gridScroll = new ScrollPane(grid);
        gridScroll.setId("confusionScroll");
        VBox middle = new VBox(8, matrixTitle, muted("rows: true class · columns: read as · "
                + "click a cell for its images"), gridScroll);
        VBox.setVgrow(gridScroll, Priority.ALWAYS);
        middle.setMinWidth(300);

        VBox right = new VBox(8, title("Images"), gallery);
        VBox.setVgrow(gallery, Priority.ALWAYS);
        right.setMinWidth(150);

        SplitPane split = new SplitPane(left, middle, right);
        split.setOrientation(Orientation.HORIZONTAL);
        split.setDividerPositions(0.3, 0.82);
        return split;
    }

    private void showResult() {
        EvaluationResult result = viewModel.resultProperty().get();
        ModelComparison comparison = viewModel.comparisonProperty().get();
        headline.getChildren().clear();
        gallery.clear();
        if (result == null) {
            table.getColumns().clear();
            table.getItems().clear();
            pairs.getItems().clear();
            grid.show(null);
            scopeNote.setText("");
            return;
        }
        if (comparison == null) {
            headline.getChildren().addAll(
                    metric("Accuracy", "accuracy", EvaluationViewModel.accuracyText(result)),
                    metric("Macro-F1", "macroF1", EvaluationViewModel.macroF1Text(result)));
            show(PerClassTable.of(result));
        } else {
            headline.getChildren().add(comparisonHeadline(comparison));
            show(PerClassTable.of(comparison, "(1)", "(2)"));
        }
        scopeNote.setText(EvaluationViewModel.scopeText(result));
        pairs.getItems().setAll(result.metrics().topConfusions(EvaluationViewModel.TOP_CONFUSIONS));
        grid.show(result.confusion());
        matrixTitle.setText(comparison == null ? "Confusion matrix" : "Confusion matrix of (1)");
    }

    private Node metric(String name, String id, String value) {
        Label label = new Label(name);
        label.getStyleClass().add("metric-name");
        Label number = new Label(value);
        number.setId(id);
        number.getStyleClass().add("metric-value");
        HBox row = new HBox(12, label, number);
        row.setAlignment(Pos.BASELINE_LEFT);
        return row;
    }

    private Node comparisonHeadline(ModelComparison comparison) {
        GridPane box = new GridPane();
        box.setId("comparison");
        box.setHgap(18);
        box.setVgap(2);
        box.addRow(0, new Label(""), metricName("(1)"), metricName("(2)"), metricName("Difference"));
        box.addRow(1, metricName("Accuracy"), value("accuracy", Formats.percent(comparison.accuracyA())),
                value("accuracyB", Formats.percent(comparison.accuracyB())),
                value("accuracyDifference", PerClassTable.signed(comparison.accuracyDifference())));
        box.addRow(2, metricName("Macro-F1"), value("macroF1", Formats.fraction(comparison.macroF1A())),
                value("macroF1B", Formats.fraction(comparison.macroF1B())),
                value("macroF1Difference", PerClassTable.signed(comparison.macroF1Difference())));
        Label first = muted("(1) " + name(comparison.first()));
        Label second = muted("(2) " + name(comparison.second()));
        first.setId("firstModelName");
        second.setId("secondModelName");
        first.setWrapText(true);
        second.setWrapText(true);
        return new VBox(4, first, second, box);
    }

    private static Label metricName(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add("metric-name");
        return label;
    }

    private static Label value(String id, String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.setId(id);
        label.getStyleClass().add("metric-value");
        return label;
    }

    /** "fingerspell 0.1.0 (models/fingerspell.onnx)". */
    static String name(EvaluationResult result) {
        return result.model() == null ? "model" : result.model().name() + " " + result.model().version() + "  ("
                + result.model().file() + ")";
    }

    private void show(PerClassTable perClass) {
        table.getColumns().clear();
        for (int i = 0; i < perClass.headers().size(); i++) {
            int column = i;
            TableColumn<List<String>, String> tableColumn = new TableColumn<>(perClass.headers().get(i));
            tableColumn.setCellValueFactory(row -> new ReadOnlyStringWrapper(row.getValue().get(column)));
            tableColumn.setSortable(false);
            // Wide enough for the bold header: the numbers below are never wider than "0.000".
            tableColumn.setPrefWidth(Math.min(98, Math.max(64, 9 * perClass.headers().get(i).length() + 22)));
            table.getColumns().add(tableColumn);
        }
        table.getItems().setAll(perClass.rows());
    }

    private void openCell(String trueLabel, String predicted) {
        gallery.show(trueLabel, predicted, viewModel.imagesAt(trueLabel, predicted));
    }

    private static Label muted(String text) {
        Label label = new Label(text);
        label.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        return label;
    }

    private static Label title(String text) {
        Label label = new Label(text);
        label.getStyleClass().add(Styles.TITLE_4);
        return label;
    }

    // ---- choosers (the only file dialogs; the text fields take a typed path too)

    private void chooseModel(ObjectProperty<Path> target) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Choose a model");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("ONNX model", "*.onnx"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            target.set(file.toPath());
        }
    }

    private void chooseFolder(String title, java.util.function.Consumer<Path> chosen) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File folder = chooser.showDialog(root.getScene().getWindow());
        if (folder != null) {
            chosen.accept(folder.toPath());
        }
    }

    private static TextField pathField(String id, ObjectProperty<Path> property, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        Bindings.bindBidirectional(field.textProperty(), property, new StringConverter<>() {
            @Override
            public String toString(Path path) {
                return path == null ? "" : path.toString();
            }

            @Override
            public Path fromString(String text) {
                if (text == null || text.isBlank()) {
                    return null;
                }
                try {
                    return Path.of(text.trim());
                } catch (InvalidPathException e) {
                    return null;
                }
            }
        });
        return field;
    }

    @Override
    public String title() {
        return "Evaluation";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void close() {
        viewModel.close();
    }
}
