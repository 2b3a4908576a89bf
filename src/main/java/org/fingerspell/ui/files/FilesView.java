package org.fingerspell.ui.files;

import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import atlantafx.base.theme.Tweaks;
import javafx.beans.binding.Bindings;
import javafx.collections.transformation.SortedList;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Separator;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.DragEvent;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.input.TransferMode;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.beans.property.ReadOnlyObjectWrapper;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.ui.Page;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * The Files page: images opened, dropped or pasted, a sortable, filterable table of what the model read in each,
 * and the selected image with its hand box, its crop and the top five. Binds to its {@link FilesViewModel} and
 * forwards commands; file dialogs come from {@link FileDialogs} so tests can answer them.
 */
public final class FilesView implements Page {

    private static final PseudoClass WRONG = PseudoClass.getPseudoClass("wrong");
    private static final PseudoClass ERROR = PseudoClass.getPseudoClass("error");

    private final FilesViewModel viewModel;
    private final FileDialogs dialogs;
    private final BorderPane root = new BorderPane();
    private final TableView<FileRow> table = new TableView<>();
    private final SortedList<FileRow> sorted;
    private final Map<KeyCombination, Runnable> shortcuts;

    public FilesView(FilesViewModel viewModel, FileDialogs dialogs) {
        this.viewModel = viewModel;
        this.dialogs = dialogs;
        this.sorted = new SortedList<>(viewModel.shownRows());
        this.shortcuts = Map.of(
                new KeyCodeCombination(KeyCode.V, KeyCombination.SHORTCUT_DOWN), this::paste,
                new KeyCodeCombination(KeyCode.O, KeyCombination.SHORTCUT_DOWN), this::chooseImages);
        root.setId("filesPage");
        root.getStyleClass().add("files-view");
        root.getStylesheets().add(FilesView.class.getResource("FilesView.css").toExternalForm());
        root.setTop(toolbar());
        SplitPane split = new SplitPane(tableArea(), PreviewPanel.of(viewModel));
        split.setDividerPositions(0.58);
        split.setPadding(new Insets(8, 12, 4, 12));
        root.setCenter(split);
        root.setBottom(statusBar());
        root.setMinHeight(0);
        root.setOnDragOver(this::dragOver);
        root.setOnDragDropped(this::dragDropped);
    }

    @Override
    public String title() {
        return "Files";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown(Scene scene) {
        shortcuts.forEach(scene.getAccelerators()::put);
    }

    @Override
    public void hidden(Scene scene) {
        shortcuts.keySet().forEach(scene.getAccelerators()::remove);
    }

    @Override
    public void close() {
        viewModel.close();
    }

    /** The table as shown (filtered and sorted). */
    TableView<FileRow> table() {
        return table;
    }

    // Commands

    private void chooseImages() {
        List<Path> files = dialogs.openImages(root.getScene().getWindow());
        viewModel.open(files);
    }

    private void chooseFolder() {
        dialogs.openFolder(root.getScene().getWindow()).ifPresent(folder -> viewModel.open(List.of(folder)));
    }

    private void export() {
        dialogs.saveCsv(root.getScene().getWindow(), "fingerspell-files.csv")
                .ifPresent(target -> viewModel.exportCsv(sorted, target));
    }

    private void paste() {
        Clipboard clipboard = Clipboard.getSystemClipboard();
        if (clipboard.hasFiles()) {
            viewModel.open(clipboard.getFiles().stream().map(java.io.File::toPath).toList());
        } else if (clipboard.hasImage()) {
            pasteImage(clipboard.getImage());
        } else {
            viewModel.nothingToPaste();
        }
    }

    /** The pixels are copied here (memory only); saving and reading them happen in the background. */
    private void pasteImage(Image image) {
        if (image.getPixelReader() == null) {
            viewModel.refusePaste("the pasted image has no readable pixels");
            return;
        }
        long pixels = (long) image.getWidth() * (long) image.getHeight();
        if (pixels > ImageLoader.DEFAULT_MAX_PIXELS) {
            viewModel.refusePaste(String.format(Locale.ROOT, "image too large to read safely (%.0f MP; limit %.0f MP)",
                    pixels / 1e6, ImageLoader.DEFAULT_MAX_PIXELS / 1e6));
        } else if (pixels > 0) {
            viewModel.paste(FxImages.pixels(image));
        }
    }

    private void dragOver(DragEvent event) {
        if (event.getDragboard().hasFiles() || event.getDragboard().hasImage()) {
            event.acceptTransferModes(TransferMode.COPY);
        }
        event.consume();
    }

    private void dragDropped(DragEvent event) {
        boolean done = false;
        if (event.getDragboard().hasFiles()) {
            viewModel.open(event.getDragboard().getFiles().stream().map(java.io.File::toPath).toList());
            done = true;
        } else if (event.getDragboard().hasImage()) {
            pasteImage(event.getDragboard().getImage());
            done = true;
        }
        event.setDropCompleted(done);
        event.consume();
    }

    // Layout

    private ToolBar toolbar() {
        Button images = button("filesOpenImages", "Open images…", "Read one or more image files (Ctrl+O)");
        images.setOnAction(e -> chooseImages());
        Button folder = button("filesOpenFolder", "Open folder…", "Read every image in a folder and its subfolders");
        folder.setOnAction(e -> chooseFolder());
        Button paste = button("filesPaste", "Paste", "Read an image or files from the clipboard (Ctrl+V)");
        paste.setOnAction(e -> paste());

        ComboBox<RowFilter> filter = new ComboBox<>();
        filter.setId("filesFilter");
        filter.getItems().setAll(RowFilter.values());
        filter.valueProperty().bindBidirectional(viewModel.filterProperty());
        filter.setTooltip(new Tooltip("Which rows to show; low confidence is below the spelling threshold in "
                + "Settings"));

        ProgressBar progress = new ProgressBar();
        progress.setId("filesProgress");
        progress.setPrefWidth(160);
        progress.progressProperty().bind(viewModel.progressProperty());
        progress.visibleProperty().bind(viewModel.runningProperty());
        progress.managedProperty().bind(viewModel.runningProperty());
        Button cancel = button("filesCancel", "Cancel", "Stop reading; the rows read so far stay");
        cancel.getStyleClass().add(Styles.DANGER);
        cancel.visibleProperty().bind(viewModel.runningProperty());
        cancel.managedProperty().bind(viewModel.runningProperty());
        cancel.setOnAction(e -> viewModel.cancel());

        Button clear = button("filesClear", "Clear", "Empty the table");
        clear.setOnAction(e -> viewModel.clear());
        Button export = button("filesExport", "Export CSV…", "Save the rows shown (filtered and sorted) as CSV");
        export.disableProperty().bind(Bindings.isEmpty(sorted).or(viewModel.runningProperty()));
        export.setOnAction(e -> export());

        return new ToolBar(images, folder, paste, new Separator(Orientation.VERTICAL), new Label("Show"), filter,
                new Spacer(), progress, cancel, new Separator(Orientation.VERTICAL), clear, export);
    }

    private static Button button(String id, String text, String tip) {
        Button button = new Button(text);
        button.setId(id);
        button.setTooltip(new Tooltip(tip));
        return button;
    }

    private Node tableArea() {
        table.setId("filesTable");
        table.getStyleClass().addAll(Styles.STRIPED, Tweaks.EDGE_TO_EDGE);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(placeholder());
        table.setFixedCellSize(THUMB_ROW);
        sorted.comparatorProperty().bind(table.comparatorProperty());
        table.setItems(sorted);
        table.getColumns().setAll(List.of(
                column("#", 48, FileRow::index),
                thumbnailColumn(),
                fileColumn(),
                column("Prediction", 96, FileRow::label),
                confidenceColumn(),
                column("Hand", 64, FileRow::handText),
                column("True label", 100, FileRow::trueLabel),
                problemColumn()));
        table.setRowFactory(view -> new TableRow<>() {
            @Override
            protected void updateItem(FileRow row, boolean empty) {
                super.updateItem(row, empty);
                pseudoClassStateChanged(WRONG, !empty && row != null && row.wrong());
                pseudoClassStateChanged(ERROR, !empty && row != null && row.failed());
            }
        });
        table.getSelectionModel().selectedItemProperty().addListener((obs, was, now) -> viewModel.select(now));
        return table;
    }

    private static final double THUMB_ROW = FilesViewModel.THUMBNAIL_SIDE + 8;

    private static <T extends Comparable<T>> TableColumn<FileRow, T> column(String title, double width,
                                                                            Function<FileRow, T> value) {
        TableColumn<FileRow, T> column = new TableColumn<>(title);
        column.setId("column" + title.replace(" ", "").replace("#", "Index"));
        column.setPrefWidth(width);
        column.setMinWidth(width); // headers stay readable; File and Problem give way when the window is narrow
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    private static TableColumn<FileRow, String> fileColumn() {
        TableColumn<FileRow, String> column = column("File", 170, FileRow::name);
        column.setMinWidth(90);
        column.setCellFactory(c -> textWithTooltip(row -> row.file().toString()));
        return column;
    }

    private static TableColumn<FileRow, String> problemColumn() {
        TableColumn<FileRow, String> column = column("Problem", 160, FileRow::error);
        column.setMinWidth(90);
        column.setCellFactory(c -> textWithTooltip(FileRow::error));
        return column;
    }

    /** A text cell with a tooltip (the full path, the whole reason); one tooltip per cell, as each is a window. */
    private static TableCell<FileRow, String> textWithTooltip(Function<FileRow, String> tip) {
        return new TableCell<>() {
            private final Tooltip tooltip = new Tooltip();

            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                FileRow row = empty ? null : getTableRow().getItem();
                setText(empty ? null : text);
                String tipText = row == null ? null : tip.apply(row);
                tooltip.setText(tipText == null ? "" : tipText);
                setTooltip(tipText == null ? null : tooltip);
            }
        };
    }

    private TableColumn<FileRow, Double> confidenceColumn() {
        TableColumn<FileRow, Double> column = column("Confidence", 108, FileRow::confidence);
        column.setCellFactory(c -> new TableCell<>() {
            @Override
            protected void updateItem(Double value, boolean empty) {
                super.updateItem(value, empty);
                setText(empty || value == null || value.isNaN() ? null : percent(value));
            }
        });
        return column;
    }

    private TableColumn<FileRow, Path> thumbnailColumn() {
        TableColumn<FileRow, Path> column = new TableColumn<>("Image");
        column.setId("columnImage");
        column.setSortable(false);
        column.setPrefWidth(FilesViewModel.THUMBNAIL_SIDE + 16);
        column.setMinWidth(FilesViewModel.THUMBNAIL_SIDE + 16);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(cell.getValue().file()));
        column.setCellFactory(c -> new ThumbnailCell());
        return column;
    }

    /** Asks for its row's thumbnail when shown; an answer for a row it no longer shows is ignored. */
    private final class ThumbnailCell extends TableCell<FileRow, Path> {
        private final ImageView view = new ImageView();

        ThumbnailCell() {
            view.setFitWidth(FilesViewModel.THUMBNAIL_SIDE);
            view.setFitHeight(FilesViewModel.THUMBNAIL_SIDE);
            view.setPreserveRatio(true);
            setGraphic(view);
            setAlignment(Pos.CENTER);
        }

        @Override
        protected void updateItem(Path file, boolean empty) {
            super.updateItem(file, empty);
            view.setImage(null);
            FileRow row = empty ? null : getTableRow().getItem();
            if (file != null && row != null && !row.failed()) {
                viewModel.thumbnail(file, image -> {
                    if (file.equals(getItem())) {
                        view.setImage(image);
                    }
                });
            }
        }
    }

    private Node placeholder() {
        Label title = new Label("No images yet");
        title.getStyleClass().add(Styles.TITLE_3);
        Label text = new Label(FilesViewModel.IDLE_TEXT);
        text.setWrapText(true);
        text.getStyleClass().add(Styles.TEXT_MUTED);
        VBox box = new VBox(8, title, text);
        box.setAlignment(Pos.CENTER);
        box.setMaxWidth(360);
        box.setId("filesPlaceholder");
        return box;
    }

    private Node statusBar() {
        Label status = new Label();
        status.setId("filesStatus");
        status.textProperty().bind(viewModel.statusProperty());
        Label summary = new Label();
        summary.setId("filesSummary");
        summary.getStyleClass().add(Styles.TEXT_MUTED);
        summary.textProperty().bind(viewModel.summaryProperty());
        HBox bar = new HBox(20, status, new Spacer(), summary);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value * 100);
    }
}
