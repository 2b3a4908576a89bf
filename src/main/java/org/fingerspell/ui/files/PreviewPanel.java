package org.fingerspell.ui.files;

import atlantafx.base.theme.Styles;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.image.ImageView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.fingerspell.model.Score;
import org.fingerspell.ui.live.VideoPane;

/**
 * The Files page's right side: the selected image with the square the model read, that square as the model saw
 * it, the letter, its confidence, what was found, and the top five with bars. Bound to the view model's preview.
 */
final class PreviewPanel {

    private PreviewPanel() {
    }

    static Node of(FilesViewModel viewModel) {
        Label name = new Label();
        name.setId("filesPreviewName");
        name.getStyleClass().add("preview-name");
        VideoPane image = VideoPane.forStills();
        image.getStyleClass().add("preview-image");
        // Room around the image: the square the model read often reaches past a tightly framed photo's edges.
        image.setPadding(new Insets(56));
        Label problem = new Label();
        problem.setId("filesPreviewProblem");
        problem.setWrapText(true);
        problem.getStyleClass().addAll("preview-problem", Styles.DANGER);
        StackPane imageArea = new StackPane(image, problem);
        imageArea.getStyleClass().add("image-area");
        VBox.setVgrow(imageArea, Priority.ALWAYS);

        ImageView crop = new ImageView();
        crop.setId("filesPreviewCrop");
        crop.setFitWidth(160);
        crop.setFitHeight(160);
        crop.setPreserveRatio(true);
        Label cropCaption = new Label("What the model saw");
        cropCaption.getStyleClass().add("caption");
        StackPane cropFrame = new StackPane(crop);
        cropFrame.getStyleClass().add("crop-frame");
        cropFrame.setMinSize(164, 164);
        cropFrame.setMaxSize(164, 164);
        VBox cropBox = new VBox(6, cropCaption, cropFrame);

        Label letter = new Label();
        letter.setId("filesPreviewLetter");
        letter.getStyleClass().add("preview-letter");
        Label confidence = new Label();
        confidence.setId("filesPreviewConfidence");
        confidence.getStyleClass().add("preview-confidence");
        Label facts = new Label();
        facts.setId("filesPreviewFacts");
        facts.getStyleClass().add(Styles.TEXT_MUTED);
        facts.setWrapText(true);
        VBox reading = new VBox(2, letter, confidence, facts);
        reading.setMinWidth(110);

        VBox top = new VBox(6);
        top.setId("filesPreviewTop");
        HBox.setHgrow(top, Priority.ALWAYS);
        Label topCaption = new Label("Top 5");
        topCaption.getStyleClass().add("caption");
        VBox topBox = new VBox(6, topCaption, top);
        HBox.setHgrow(topBox, Priority.ALWAYS);

        HBox below = new HBox(16, cropBox, reading, topBox);
        below.getStyleClass().add("reading-panel");

        VBox panel = new VBox(8, name, imageArea, below);
        panel.getStyleClass().add("detail");
        panel.setPadding(new Insets(0, 0, 0, 12));
        panel.setMinWidth(360);
        panel.visibleProperty().bind(viewModel.previewProperty().isNotNull());

        viewModel.previewProperty().addListener((obs, was, now) -> {
            if (now == null) {
                return;
            }
            FileRow row = now.row();
            name.setText(row.file().toString());
            image.imageProperty().set(now.image());
            image.handBoxProperty().set(now.box());
            problem.setText(now.problem() == null ? "" : now.problem());
            problem.setVisible(now.problem() != null);
            crop.setImage(now.crop());
            letter.setText(row.failed() ? "–" : row.label());
            confidence.setText(row.failed() ? "" : FilesView.percent(row.confidence()));
            facts.setText(facts(row, now.brightened()));
            top.getChildren().setAll(row.top().stream().map(PreviewPanel::candidate).toList());
        });

        Label hint = new Label("Select a row to see the image, the hand box and what the model saw.");
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        hint.setWrapText(true);
        hint.visibleProperty().bind(panel.visibleProperty().not());
        StackPane stack = new StackPane(hint, panel);
        stack.setMinWidth(0);
        return stack;
    }

    private static String facts(FileRow row, boolean brightened) {
        if (row.failed()) {
            return "Not read";
        }
        StringBuilder text = new StringBuilder(switch (row.source()) {
            case DETECTED, TRACKED -> "Hand found";
            case NO_HAND -> "No hand found: the centre was read";
            case FALLBACK -> "No hand detector: the centre was read";
            case WHOLE_FRAME -> "The whole image was read";
        });
        if (brightened) {
            text.append('\n').append("Backlit: brightened");
        }
        text.append('\n').append(row.width()).append(" × ").append(row.height()).append(" px");
        if (row.trueLabel() != null) {
            text.append('\n').append("Folder says ").append(row.trueLabel()).append(row.right() ? " ✓" : " ✗");
        }
        return text.toString();
    }

    private static Node candidate(Score score) {
        Label name = new Label(score.label());
        name.getStyleClass().add("candidate-label");
        ProgressBar bar = new ProgressBar(score.probability());
        bar.getStyleClass().add(Styles.SMALL);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label value = new Label(FilesView.percent(score.probability()));
        value.getStyleClass().add("candidate-percent");
        HBox row = new HBox(8, name, bar, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
