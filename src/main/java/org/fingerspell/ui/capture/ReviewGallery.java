package org.fingerspell.ui.capture;

import atlantafx.base.theme.Styles;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.ListChangeListener;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fingerspell.dataset.ManifestRow;
import org.fingerspell.model.Labels;

/**
 * The images of one class as thumbnails: pick one to delete (undoable) or to file under another class.
 * Thumbnails load on JavaFX's image-loading thread, never the FX thread.
 */
final class ReviewGallery extends VBox {

    private static final double THUMB_WIDTH = 112;
    private static final double THUMB_HEIGHT = 84;

    private final CaptureViewModel viewModel;
    private final FlowPane thumbs = new FlowPane(6, 6);
    private final ObjectProperty<ManifestRow> selected = new SimpleObjectProperty<>();

    ReviewGallery(CaptureViewModel viewModel) {
        super(10);
        this.viewModel = viewModel;
        setPadding(new Insets(12));
        setId("reviewGallery");
        thumbs.setId("thumbnails");
        ComboBox<String> label = new ComboBox<>();
        label.setId("reviewLabel");
        label.getItems().setAll(Labels.ALL);
        label.valueProperty().bindBidirectional(viewModel.reviewLabelProperty());
        label.setVisibleRowCount(12);
        Label count = new Label();
        count.getStyleClass().add(Styles.TEXT_MUTED);
        viewModel.reviewRows().addListener((ListChangeListener<ManifestRow>) change ->
                count.setText(viewModel.reviewRows().size() + " image(s)"));
        HBox header = new HBox(8, new Label("Class"), label, count);
        header.setAlignment(Pos.CENTER_LEFT);

        ScrollPane scroll = new ScrollPane(thumbs);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);

        Label details = new Label("Pick an image.");
        details.setId("reviewDetails");
        details.setWrapText(true);
        details.getStyleClass().add(Styles.TEXT_MUTED);
        selected.addListener((obs, was, now) -> details.setText(now == null ? "Pick an image." : describe(now)));

        Button delete = new Button("Delete");
        delete.setId("reviewDelete");
        delete.getStyleClass().add(Styles.DANGER);
        delete.disableProperty().bind(selected.isNull());
        delete.setOnAction(e -> viewModel.delete(selected.get()));
        Button undo = new Button("Undo delete");
        undo.setId("reviewUndo");
        undo.disableProperty().bind(viewModel.canUndoProperty().not());
        undo.setOnAction(e -> viewModel.undoDelete());
        ComboBox<String> target = new ComboBox<>();
        target.setId("relabelTarget");
        target.getItems().setAll(Labels.ALL);
        target.setPromptText("class");
        target.setVisibleRowCount(12);
        Button relabel = new Button("Relabel");
        relabel.setId("reviewRelabel");
        relabel.disableProperty().bind(selected.isNull().or(target.valueProperty().isNull()));
        relabel.setOnAction(e -> viewModel.relabel(selected.get(), target.getValue()));
        HBox actions = new HBox(8, delete, undo, new Label("Move to"), target, relabel);
        actions.setAlignment(Pos.CENTER_LEFT);

        getChildren().addAll(header, scroll, details, actions);
        viewModel.reviewRows().addListener((ListChangeListener<ManifestRow>) change -> rebuild());
    }

    private void rebuild() {
        thumbs.getChildren().clear();
        if (!viewModel.reviewRows().contains(selected.get())) {
            selected.set(null);
        }
        for (ManifestRow row : viewModel.reviewRows()) {
            Image image = new Image(viewModel.fileOf(row).toUri().toString(), THUMB_WIDTH, THUMB_HEIGHT, true, true,
                    true);
            ImageView view = new ImageView(image);
            StackPane thumb = new StackPane(view);
            thumb.getStyleClass().add("thumb");
            thumb.setPrefSize(THUMB_WIDTH + 8, THUMB_HEIGHT + 8);
            if (row.equals(selected.get())) {
                thumb.getStyleClass().add("selected");
            }
            thumb.setOnMouseClicked(e -> {
                selected.set(row);
                thumbs.getChildren().forEach(node -> node.getStyleClass().remove("selected"));
                thumb.getStyleClass().add("selected");
            });
            thumbs.getChildren().add(thumb);
        }
    }

    private static String describe(ManifestRow row) {
        return row.file() + " · " + row.session().signer() + " · " + row.session().lighting() + " light · "
                + row.session().background() + " background · " + row.time()
                + (row.box() == null ? " · no hand box" : "") + (row.nearDuplicate() ? " · near-duplicate" : "");
    }
}
