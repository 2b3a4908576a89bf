package org.fingerspell.ui.evaluation;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tooltip;
import javafx.scene.image.ImageView;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.fingerspell.eval.ImageRecord;

import java.util.List;
import java.util.Locale;

/**
 * The images behind one confusion cell: a title ("B read as A: 3 images") and their thumbnails, decoded in the
 * background by the view model, each with its file name and the model's confidence.
 */
final class GalleryPanel extends VBox {

    private static final String NO_CELL = "Click a cell of the matrix or a confused pair.";

    private final EvaluationViewModel viewModel;
    private final Label title = new Label(NO_CELL);
    private final FlowPane tiles = new FlowPane(8, 8);

    GalleryPanel(EvaluationViewModel viewModel) {
        super(8);
        this.viewModel = viewModel;
        title.setId("galleryTitle");
        title.setWrapText(true);
        tiles.setId("gallery");
        tiles.setPadding(new Insets(4));
        ScrollPane scroll = new ScrollPane(tiles);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        getChildren().addAll(title, scroll);
    }

    void clear() {
        tiles.getChildren().clear();
        tiles.setUserData(null);
        title.setText(NO_CELL);
    }

    void show(String trueLabel, String predicted, List<ImageRecord> records) {
        title.setText(String.format(Locale.ROOT, "%s read as %s: %d %s", trueLabel, predicted, records.size(),
                records.size() == 1 ? "image" : "images"));
        tiles.getChildren().clear();
        List<String> cell = List.of(trueLabel, predicted);
        tiles.setUserData(cell);
        viewModel.loadThumbnails(records, thumbnails -> {
            if (!cell.equals(tiles.getUserData())) {
                return; // another cell was opened meanwhile
            }
            for (EvaluationViewModel.Thumbnail thumbnail : thumbnails) {
                tiles.getChildren().add(tile(thumbnail));
            }
        });
    }

    private static Node tile(EvaluationViewModel.Thumbnail thumbnail) {
        ImageRecord record = thumbnail.record();
        Node picture;
        if (thumbnail.image() != null) {
            ImageView view = new ImageView(thumbnail.image());
            view.setFitWidth(EvaluationViewModel.THUMBNAIL_SIDE);
            view.setFitHeight(EvaluationViewModel.THUMBNAIL_SIDE);
            view.setPreserveRatio(true);
            picture = view;
        } else {
            Label problem = new Label(thumbnail.problem());
            problem.setWrapText(true);
            problem.setPrefSize(EvaluationViewModel.THUMBNAIL_SIDE, EvaluationViewModel.THUMBNAIL_SIDE);
            picture = problem;
        }
        // Confidence first: a long file name is cut at the end.
        Label caption = new Label(String.format(Locale.ROOT, "%.0f%%  %s", record.confidence() * 100,
                record.file().getFileName()));
        caption.getStyleClass().add(Styles.TEXT_SMALL);
        caption.setMaxWidth(EvaluationViewModel.THUMBNAIL_SIDE);
        VBox tile = new VBox(2, picture, caption);
        tile.getStyleClass().add("gallery-tile");
        tile.setUserData(record.file());
        Tooltip.install(tile, new Tooltip(record.file() + String.format(Locale.ROOT, "\nread as %s, %.0f%%",
                record.predicted(), record.confidence() * 100)));
        return tile;
    }
}
