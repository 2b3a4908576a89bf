package org.fingerspell.ui.capture;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.fingerspell.dataset.Conditions;
import org.fingerspell.dataset.ImageEncoding;
import org.fingerspell.model.Labels;
import org.fingerspell.ui.Page;
import org.fingerspell.ui.live.LiveView;
import org.fingerspell.ui.live.VideoPane;

import java.io.File;
import java.util.List;
import java.util.Map;

/**
 * The capture page: the live video with the hand box and the prompt, single shots and guided runs, the session
 * form, the coverage grid and the review gallery. It binds to its {@link CaptureViewModel} and forwards commands.
 */
public final class CaptureView implements Page {

    private static final KeyCombination SHOOT = new KeyCodeCombination(KeyCode.ENTER, KeyCombination.SHORTCUT_DOWN);
    private static final KeyCombination PAUSE = new KeyCodeCombination(KeyCode.P, KeyCombination.SHORTCUT_DOWN);

    private final CaptureViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final TabPane side = new TabPane();

    public CaptureView(CaptureViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("capture-view");
        root.getStylesheets().addAll(LiveView.class.getResource("LiveView.css").toExternalForm(),
                CaptureView.class.getResource("CaptureView.css").toExternalForm());
        root.setTop(toolbar());
        side.getTabs().addAll(tab("Session", sessionForm()), tab("Coverage", new CoverageGrid(viewModel)),
                tab("Review", new ReviewGallery(viewModel)));
        side.setId("captureTabs");
        side.setPrefWidth(480);
        side.setMinWidth(380);
        VBox left = new VBox(10, videoArea(), shootingBar(), guidedBar());
        VBox.setVgrow(left.getChildren().get(0), Priority.ALWAYS);
        HBox center = new HBox(16, left, side);
        HBox.setHgrow(left, Priority.ALWAYS);
        center.setPadding(new Insets(12, 16, 8, 16));
        root.setCenter(center);
        root.setBottom(statusBar());
        root.setMinHeight(0);
    }

    @Override
    public String title() {
        return "Capture";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown(Scene scene) {
        scene.getAccelerators().put(SHOOT, viewModel::shoot);
        scene.getAccelerators().put(PAUSE, this::togglePause);
        viewModel.watch();
    }

    @Override
    public void hidden(Scene scene) {
        scene.getAccelerators().remove(SHOOT);
        scene.getAccelerators().remove(PAUSE);
        viewModel.unwatch();
    }

    @Override
    public void close() {
        viewModel.shutdown();
    }

    /** Selects one of the side tabs ("Session", "Coverage", "Review"); for screenshots and tests. */
    public void showTab(String title) {
        side.getTabs().stream().filter(tab -> tab.getText().equals(title)).findFirst()
                .ifPresent(tab -> side.getSelectionModel().select(tab));
    }

    private void togglePause() {
        if (viewModel.pausedProperty().get()) {
            viewModel.resume();
        } else {
            viewModel.pause();
        }
    }

    private static Tab tab(String title, Node content) {
        Tab tab = new Tab(title, content);
        tab.setClosable(false);
        return tab;
    }

    private ToolBar toolbar() {
        Button choose = new Button("Dataset folder…");
        choose.setId("chooseDataset");
        choose.setTooltip(new Tooltip("Choose a folder, or make a new one, to save the images in (one folder per class)"));
        choose.setOnAction(e -> chooseFolder("Dataset folder (one subfolder per class)", viewModel::openDataset));
        Label path = new Label();
        path.setId("datasetPath");
        path.textProperty().bind(Bindings.createStringBinding(() -> viewModel.folderProperty().get() == null
                ? "No dataset folder yet" : viewModel.folderProperty().get().toString(), viewModel.folderProperty()));
        Label saved = new Label();
        saved.getStyleClass().add(Styles.TEXT_MUTED);
        saved.textProperty().bind(Bindings.format("%d saved this session", viewModel.savedProperty()));
        Label source = new Label();
        source.getStyleClass().add(Styles.TEXT_MUTED);
        source.textProperty().bind(Bindings.concat("Source: ", viewModel.live().sourceDescriptionProperty(),
                " (change it on the Live page)"));
        return new ToolBar(choose, path, new Spacer(), saved, new Separator(), source);
    }

    private void chooseFolder(String title, java.util.function.Consumer<java.nio.file.Path> chosen) {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle(title);
        File folder = chooser.showDialog(root.getScene().getWindow());
        if (folder != null) {
            chosen.accept(folder.toPath());
        }
    }

    private Node videoArea() {
        VideoPane video = new VideoPane();
        video.imageProperty().bind(viewModel.live().frameProperty());
        video.handBoxProperty().bind(viewModel.live().handBoxProperty());

        Label sign = new Label();
        sign.setId("promptLabel");
        sign.getStyleClass().add("prompt-sign");
        sign.textProperty().bind(viewModel.promptProperty());
        Label count = new Label();
        count.setId("countdown");
        count.getStyleClass().add("prompt-countdown");
        count.textProperty().bind(viewModel.countdownProperty());
        Label description = new Label();
        description.setId("promptDescription");
        description.setWrapText(true);
        description.setMaxWidth(300);
        description.textProperty().bind(viewModel.promptDescriptionProperty());
        Label progress = new Label();
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        progress.textProperty().bind(viewModel.progressProperty());
        ImageView picture = new ImageView();
        picture.setId("promptPicture");
        picture.setFitWidth(112);
        picture.setFitHeight(112);
        picture.setPreserveRatio(true);
        // Loaded on JavaFX's image thread (background loading), never read on the FX thread.
        picture.imageProperty().bind(Bindings.createObjectBinding(() -> viewModel.promptPictureProperty().get() == null
                ? null : new Image(viewModel.promptPictureProperty().get().toUri().toString(), 112, 112, true, true,
                true), viewModel.promptPictureProperty()));
        picture.visibleProperty().bind(viewModel.promptPictureProperty().isNotNull());
        picture.managedProperty().bind(picture.visibleProperty());
        VBox words = new VBox(4, new HBox(14, sign, count), description);
        HBox.setHgrow(words, Priority.ALWAYS);
        VBox prompt = new VBox(6, new HBox(12, words, picture), progress);
        prompt.getStyleClass().add("prompt");
        prompt.setId("prompt");
        prompt.setMaxSize(460, Region.USE_PREF_SIZE);
        prompt.visibleProperty().bind(viewModel.guidedProperty());
        StackPane.setAlignment(prompt, Pos.TOP_LEFT);
        StackPane.setMargin(prompt, new Insets(12));

        Message noHand = warning("No hand found", "Hold the sign inside the frame, in good light.", "noHandWarning");
        noHand.visibleProperty().bind(Bindings.createBooleanBinding(() -> !viewModel.liveCheckProperty().get().handFound()
                        && viewModel.live().runningProperty().get() && !Labels.NOTHING.equals(shownLabel()),
                viewModel.liveCheckProperty(), viewModel.live().runningProperty(), viewModel.promptProperty(),
                viewModel.guidedProperty(), viewModel.labelProperty()));
        Message duplicate = warning("Near-duplicate", "This frame is nearly the same as the last image saved: move "
                + "the hand or the camera a little.", "duplicateWarning");
        duplicate.visibleProperty().bind(Bindings.createBooleanBinding(
                () -> viewModel.liveCheckProperty().get().nearDuplicate(), viewModel.liveCheckProperty()));
        VBox warnings = new VBox(8, noHand, duplicate);
        warnings.setMaxSize(420, Region.USE_PREF_SIZE);
        warnings.setPickOnBounds(false);
        StackPane.setAlignment(warnings, Pos.BOTTOM_CENTER);
        StackPane.setMargin(warnings, new Insets(12));

        StackPane stack = new StackPane(video, prompt, warnings);
        stack.getStyleClass().add("video-area");
        stack.setMinSize(320, 240);
        return stack;
    }

    private String shownLabel() {
        return viewModel.guidedProperty().get() ? viewModel.promptProperty().get() : viewModel.labelProperty().get();
    }

    private static Message warning(String title, String text, String id) {
        Message message = new Message(title, text);
        message.getStyleClass().add(Styles.WARNING);
        message.managedProperty().bind(message.visibleProperty());
        message.setId(id);
        return message;
    }

    private Node shootingBar() {
        ComboBox<String> label = new ComboBox<>();
        label.getItems().setAll(Labels.ALL);
        label.setId("shotLabel");
        label.valueProperty().bindBidirectional(viewModel.labelProperty());
        label.setVisibleRowCount(12);
        Button shoot = new Button("Take picture");
        shoot.setId("shoot");
        shoot.getStyleClass().add(Styles.ACCENT);
        shoot.setTooltip(new Tooltip("Save the next frame under the chosen class (Ctrl+Enter)"));
        shoot.setOnAction(e -> viewModel.shoot());
        shoot.disableProperty().bind(viewModel.guidedProperty());
        ComboBox<ImageEncoding> format = new ComboBox<>();
        format.getItems().setAll(ImageEncoding.values());
        format.valueProperty().bindBidirectional(viewModel.encodingProperty());
        format.setTooltip(new Tooltip("PNG keeps every pixel; JPEG (quality 95) is about a tenth of the size"));
        HBox bar = new HBox(8, caption("Single shot"), label, shoot, new Spacer(), caption("Save as"), format);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("capture-bar");
        return bar;
    }

    private Node guidedBar() {
        TextField classes = new TextField();
        classes.setId("guidedClasses");
        classes.setPrefColumnCount(9);
        classes.textProperty().bindBidirectional(viewModel.classesProperty());
        classes.setTooltip(new Tooltip("all, letters, or a list such as A,B,del"));
        Spinner<Integer> burst = spinner(1, 50, viewModel.burstProperty(), "burst");
        Spinner<Integer> countdown = spinner(0, 10, viewModel.countdownSecondsProperty(), "countdownSeconds");

        Button start = new Button("Start guided run");
        start.setId("startGuided");
        start.getStyleClass().add(Styles.SUCCESS);
        start.setOnAction(e -> viewModel.startGuided());
        start.disableProperty().bind(viewModel.guidedProperty());
        Button pause = new Button();
        pause.setId("pauseGuided");
        pause.textProperty().bind(Bindings.when(viewModel.pausedProperty()).then("Resume").otherwise("Pause"));
        pause.setTooltip(new Tooltip("Ctrl+P"));
        pause.setOnAction(e -> togglePause());
        Button skip = new Button("Skip");
        skip.setId("skipGuided");
        skip.setOnAction(e -> viewModel.skip());
        Button redo = new Button("Redo");
        redo.setId("redoGuided");
        redo.setTooltip(new Tooltip("Take this class again (or the one just finished); its shots go to .deleted/"));
        redo.setOnAction(e -> viewModel.redo());
        Button stop = new Button("Stop");
        stop.setId("stopGuided");
        stop.setOnAction(e -> viewModel.stopGuided());
        for (Button button : List.of(pause, skip, stop)) {
            button.disableProperty().bind(viewModel.guidedProperty().not());
        }
        for (Button button : List.of(start, pause, skip, redo, stop)) {
            button.setMinWidth(Region.USE_PREF_SIZE);
        }
        Label progress = new Label();
        progress.getStyleClass().add(Styles.TEXT_MUTED);
        progress.textProperty().bind(viewModel.progressProperty());
        HBox setup = new HBox(8, caption("Guided run"), classes, caption("frames per class"), burst,
                caption("countdown (s)"), countdown, new Spacer(), start);
        setup.setAlignment(Pos.CENTER_LEFT);
        HBox controls = new HBox(8, pause, skip, redo, stop, new Spacer(), progress);
        controls.setAlignment(Pos.CENTER_LEFT);
        VBox bar = new VBox(8, setup, controls);
        bar.getStyleClass().add("capture-bar");
        return bar;
    }

    /** A spinner kept in step with {@code property} both ways (the view model may set it too). */
    private static Spinner<Integer> spinner(int min, int max, javafx.beans.property.IntegerProperty property, String id) {
        Spinner<Integer> spinner = new Spinner<>(min, max, property.get());
        spinner.setId(id);
        spinner.setPrefWidth(76);
        spinner.setEditable(true);
        spinner.valueProperty().addListener((obs, was, now) -> property.set(now));
        property.addListener((obs, was, now) -> spinner.getValueFactory().setValue(now.intValue()));
        return spinner;
    }

    private static Label caption(String text) {
        Label label = new Label(text);
        label.setMinWidth(Region.USE_PREF_SIZE);
        label.getStyleClass().add(Styles.TEXT_MUTED);
        return label;
    }

    private Node sessionForm() {
        GridPane grid = new GridPane();
        javafx.scene.layout.ColumnConstraints labels = new javafx.scene.layout.ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        javafx.scene.layout.ColumnConstraints fields = new javafx.scene.layout.ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().setAll(labels, fields);
        grid.setHgap(10);
        grid.setVgap(10);
        grid.setPadding(new Insets(16));
        int row = 0;
        grid.addRow(row++, new Label("Signer alias"), field(viewModel.signerProperty(), "signer", "e.g. sam (no real names needed)"));
        grid.addRow(row++, new Label("Hand"), choice(viewModel.handednessProperty(), Conditions.HANDEDNESS, "handedness"));
        grid.addRow(row++, new Label("Lighting"), choice(viewModel.lightingProperty(), Conditions.LIGHTING, "lighting"));
        grid.addRow(row++, new Label("Background"), choice(viewModel.backgroundProperty(), Conditions.BACKGROUND, "background"));
        grid.addRow(row++, new Label("Camera"), field(viewModel.cameraProperty(), "camera", "e.g. laptop webcam"));
        TextArea notes = new TextArea();
        notes.setId("notes");
        notes.setPrefRowCount(3);
        notes.setWrapText(true);
        notes.textProperty().bindBidirectional(viewModel.notesProperty());
        grid.addRow(row++, new Label("Notes"), notes);
        Button references = new Button("Reference pictures…");
        references.setId("chooseReferences");
        references.setMinWidth(Region.USE_PREF_SIZE);
        references.setTooltip(new Tooltip("A folder-per-class set whose first picture of each class the guided "
                + "run shows beside the description"));
        references.setOnAction(e -> chooseFolder("Reference pictures (one subfolder per class)",
                viewModel::chooseReferences));
        Label referencePath = new Label();
        referencePath.getStyleClass().add(Styles.TEXT_MUTED);
        referencePath.textProperty().bind(Bindings.createStringBinding(() -> viewModel.referenceFolderProperty().get()
                == null ? "none: descriptions only" : viewModel.referenceFolderProperty().get().toString(),
                viewModel.referenceFolderProperty()));
        grid.addRow(row++, new Label("Prompts"), new HBox(8, references, referencePath));
        Label hint = new Label("Every image saved records these conditions in manifest.csv. Change them when the "
                + "room, light or signer changes: that starts a new session.");
        hint.setWrapText(true);
        hint.getStyleClass().add(Styles.TEXT_MUTED);
        grid.add(hint, 0, row, 2, 1);
        GridPane.setHgrow(notes, Priority.ALWAYS);
        return new ScrollPane(grid) {
            {
                setFitToWidth(true);
            }
        };
    }

    private static TextField field(javafx.beans.property.StringProperty property, String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(property);
        GridPane.setHgrow(field, Priority.ALWAYS);
        return field;
    }

    private static ComboBox<String> choice(javafx.beans.property.StringProperty property, List<String> values, String id) {
        ComboBox<String> box = new ComboBox<>();
        box.setId(id);
        box.setEditable(true);
        box.getItems().setAll(values);
        box.valueProperty().bindBidirectional(property);
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private Node statusBar() {
        Message stopped = new Message("Capture stopped", "");
        stopped.getStyleClass().add(Styles.DANGER);
        stopped.descriptionProperty().bind(viewModel.stoppedProperty());
        stopped.visibleProperty().bind(viewModel.stoppedProperty().isNotEmpty());
        stopped.managedProperty().bind(stopped.visibleProperty());
        stopped.setId("stoppedMessage");

        Message recovered = new Message("Opened with repairs", "");
        recovered.getStyleClass().add(Styles.ACCENT);
        recovered.descriptionProperty().bind(Bindings.createStringBinding(
                () -> String.join("\n", viewModel.recoveryLines()), viewModel.recoveryLines()));
        recovered.visibleProperty().bind(Bindings.isNotEmpty(viewModel.recoveryLines()));
        recovered.managedProperty().bind(recovered.visibleProperty());
        recovered.setId("recoveryMessage");

        Label status = new Label();
        status.setId("captureStatus");
        status.textProperty().bind(viewModel.statusProperty());
        HBox line = new HBox(status);
        line.getStyleClass().add("status-bar");
        VBox box = new VBox(6, stopped, recovered, line);
        box.setPadding(new Insets(0, 16, 8, 16));
        return box;
    }

    static final Map<Conditions.Dimension, String> DIMENSION_NAMES = Map.of(
            Conditions.Dimension.LIGHTING, "Lighting", Conditions.Dimension.BACKGROUND, "Background",
            Conditions.Dimension.HANDEDNESS, "Hand", Conditions.Dimension.SIGNER, "Signer");
}
