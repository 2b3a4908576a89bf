package org.fingerspell.ui.live;

import atlantafx.base.controls.Message;
import atlantafx.base.controls.RingProgressIndicator;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.MenuButton;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToolBar;
import javafx.scene.control.Tooltip;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.util.StringConverter;
import org.fingerspell.model.Labels;
import org.fingerspell.ui.Page;

import java.io.File;
import java.util.Locale;
import java.util.Map;

/**
 * The live page: the video with the hand box and skeleton, the letter read and how sure, the two runners-up, the
 * text spelled so far, and a status bar. It only binds to its {@link LiveViewModel} and forwards commands.
 */
public final class LiveView implements Page {

    private static final Map<KeyCombination, String> SHORTCUTS = Map.of(
            new KeyCodeCombination(KeyCode.C, KeyCombination.SHORTCUT_DOWN), "copy",
            new KeyCodeCombination(KeyCode.BACK_SPACE), "backspace",
            new KeyCodeCombination(KeyCode.L, KeyCombination.SHORTCUT_DOWN), "clear",
            new KeyCodeCombination(KeyCode.M, KeyCombination.SHORTCUT_DOWN), "mirror");

    private static final javafx.css.PseudoClass WARNING = javafx.css.PseudoClass.getPseudoClass("warning");
    private static final javafx.css.PseudoClass TYPED = javafx.css.PseudoClass.getPseudoClass("typed");
    private static final javafx.css.PseudoClass IDLE = javafx.css.PseudoClass.getPseudoClass("idle");
    private static final javafx.css.PseudoClass UNSURE = javafx.css.PseudoClass.getPseudoClass("unsure");

    private final LiveViewModel viewModel;
    private final BorderPane root = new BorderPane();
    private final java.util.List<Object> keepAlive = new java.util.ArrayList<>();

    public LiveView(LiveViewModel viewModel) {
        this.viewModel = viewModel;
        root.getStyleClass().add("live-view");
        root.getStylesheets().add(LiveView.class.getResource("LiveView.css").toExternalForm());
        root.setTop(toolbar());
        HBox center = new HBox(16, videoArea(), readingPanel());
        center.setPadding(new Insets(16, 16, 8, 16));
        HBox.setHgrow(center.getChildren().get(0), Priority.ALWAYS);
        root.setCenter(center);
        root.setBottom(new VBox(textPanel(), statusBar()));
        root.setMinHeight(0);
    }

    @Override
    public String title() {
        return "Live";
    }

    @Override
    public Node view() {
        return root;
    }

    @Override
    public void shown(Scene scene) {
        SHORTCUTS.forEach((keys, action) -> scene.getAccelerators().put(keys, () -> run(action)));
    }

    @Override
    public void hidden(Scene scene) {
        SHORTCUTS.keySet().forEach(scene.getAccelerators()::remove);
    }

    @Override
    public void close() {
        viewModel.shutdown();
    }

    private void run(String action) {
        switch (action) {
            case "copy" -> viewModel.copy();
            case "backspace" -> viewModel.backspace();
            case "clear" -> viewModel.clear();
            case "mirror" -> viewModel.toggleMirror();
            default -> throw new IllegalArgumentException(action);
        }
    }

    private ToolBar toolbar() {
        MenuItem camera = new MenuItem("Camera");
        camera.setOnAction(e -> viewModel.startCamera());
        MenuItem video = new MenuItem("Open video file…");
        video.setOnAction(e -> chooseVideo());
        MenuItem folder = new MenuItem("Open image folder…");
        folder.setOnAction(e -> chooseFolder());
        MenuButton source = new MenuButton("Source", null, camera, video, folder);
        source.setId("sourceMenu");

        ToggleButton mirror = new ToggleButton("Mirror");
        mirror.setId("mirror");
        mirror.selectedProperty().bindBidirectional(viewModel.mirrorProperty());
        mirror.setTooltip(new Tooltip("Show the video as a mirror (Ctrl+M)"));

        Button retry = new Button("Restart");
        retry.setId("restart");
        retry.setOnAction(e -> viewModel.retry());
        retry.setTooltip(new Tooltip("Open the current source again"));

        Label description = new Label();
        description.getStyleClass().add(Styles.TEXT_MUTED);
        description.textProperty().bind(viewModel.sourceDescriptionProperty());
        return new ToolBar(source, mirror, retry, new Spacer(), description);
    }

    private Node videoArea() {
        VideoPane video = new VideoPane();
        video.imageProperty().bind(viewModel.frameProperty());
        video.handBoxProperty().bind(viewModel.handBoxProperty());
        video.handSkeletonProperty().bind(viewModel.handSkeletonProperty());
        video.boxLabelProperty().bind(Bindings.createStringBinding(() -> {
            String shown = shownLetter(viewModel.letterProperty().get(), viewModel.handStateProperty().get());
            return "–".equals(shown) ? "" : shown + "  " + percent(viewModel.confidenceProperty().get());
        }, viewModel.letterProperty(), viewModel.handStateProperty(), viewModel.confidenceProperty()));

        StackPane stack = new StackPane(video, emptyState(), startingState());
        stack.getStyleClass().add("video-area");
        stack.setMinSize(320, 240);

        Message reconnecting = new Message("Camera lost", "");
        reconnecting.getStyleClass().add(Styles.WARNING);
        reconnecting.descriptionProperty().bind(viewModel.sourceMessageProperty());
        reconnecting.visibleProperty().bind(viewModel.sourceStateProperty().isEqualTo(LiveViewModel.SourceState.RECONNECTING));
        reconnecting.managedProperty().bind(reconnecting.visibleProperty());
        reconnecting.setId("reconnecting");

        Message model = new Message("No model", "");
        model.getStyleClass().add(Styles.DANGER);
        model.descriptionProperty().bind(viewModel.modelMessageProperty());
        model.visibleProperty().bind(viewModel.modelStateProperty().isEqualTo(LiveViewModel.ModelState.FAILED));
        model.managedProperty().bind(model.visibleProperty());
        model.setId("modelError");

        Message notice = new Message("Note", "");
        notice.getStyleClass().add(Styles.ACCENT);
        notice.descriptionProperty().bind(viewModel.noticeProperty());
        notice.visibleProperty().bind(viewModel.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());
        notice.setOnClose(e -> viewModel.dismissNotice());
        notice.setId("notice");

        VBox banners = new VBox(8, reconnecting, model, notice);
        banners.setPickOnBounds(false);
        banners.setPadding(new Insets(12));
        banners.setMaxHeight(Double.MAX_VALUE);
        banners.setAlignment(Pos.TOP_CENTER);
        stack.getChildren().add(banners);
        return stack;
    }

    private Node emptyState() {
        Label title = new Label();
        title.getStyleClass().addAll(Styles.TITLE_2, "empty-title");
        title.setId("emptyTitle");
        title.textProperty().bind(Bindings.createStringBinding(() -> switch (viewModel.sourceStateProperty().get()) {
            case NO_CAMERA -> "No camera";
            case NOT_FOUND -> "Nothing to show";
            case FAILED -> "The source cannot be read";
            case ENDED -> "End of the recording";
            default -> "";
        }, viewModel.sourceStateProperty()));
        Label message = new Label();
        message.setWrapText(true);
        message.setMaxWidth(460);
        message.getStyleClass().add(Styles.TEXT_MUTED);
        message.textProperty().bind(viewModel.sourceMessageProperty());
        message.setId("emptyMessage");

        Button retry = new Button("Retry");
        retry.setId("retry");
        retry.textProperty().bind(Bindings.createStringBinding(() ->
                viewModel.sourceStateProperty().get() == LiveViewModel.SourceState.ENDED ? "Play again" : "Retry",
                viewModel.sourceStateProperty()));
        retry.getStyleClass().add(Styles.ACCENT);
        retry.setDefaultButton(false);
        retry.setOnAction(e -> viewModel.retry());
        Button video = new Button("Open video file…");
        video.setId("openVideo");
        video.setOnAction(e -> chooseVideo());
        Button folder = new Button("Open image folder…");
        folder.setId("openFolder");
        folder.setOnAction(e -> chooseFolder());
        HBox buttons = new HBox(8, retry, video, folder);
        buttons.setAlignment(Pos.CENTER);

        VBox box = new VBox(12, title, message, buttons);
        box.setAlignment(Pos.CENTER);
        box.getStyleClass().add("empty-state");
        box.setId("emptyState");
        box.setMaxSize(560, 260);
        box.visibleProperty().bind(Bindings.createBooleanBinding(() -> switch (viewModel.sourceStateProperty().get()) {
            case NO_CAMERA, NOT_FOUND, FAILED, ENDED -> true;
            default -> false;
        }, viewModel.sourceStateProperty()));
        return box;
    }

    private Node startingState() {
        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setMaxSize(48, 48);
        Label label = new Label();
        label.textProperty().bind(viewModel.sourceMessageProperty());
        VBox box = new VBox(12, spinner, label);
        box.setAlignment(Pos.CENTER);
        box.setMouseTransparent(true);
        box.visibleProperty().bind(viewModel.sourceStateProperty().isEqualTo(LiveViewModel.SourceState.STARTING));
        return box;
    }

    private Node readingPanel() {
        Label caption = new Label("Reading");
        caption.getStyleClass().addAll("caption");

        Label letter = new Label();
        letter.setId("letter");
        letter.getStyleClass().add("letter");
        letter.textProperty().bind(Bindings.createStringBinding(() -> shownLetter(viewModel.letterProperty().get(),
                viewModel.handStateProperty().get()), viewModel.letterProperty(), viewModel.handStateProperty()));
        letter.styleProperty().bind(Bindings.createStringBinding(() -> letter.getText().length() > 2
                ? "-fx-font-size: 44px;" : "", letter.textProperty()));

        RingProgressIndicator ring = new RingProgressIndicator(0, false);
        ring.setId("hold");
        ring.getStyleClass().add("hold-ring");
        ring.setStringConverter(new StringConverter<>() {
            @Override
            public String toString(Double value) {
                return "";
            }

            @Override
            public Double fromString(String value) {
                return 0.0;
            }
        });
        ring.progressProperty().bind(viewModel.holdProgressProperty());
        ring.setMinSize(200, 200);
        ring.setPrefSize(200, 200);
        StackPane dial = new StackPane(ring, letter);
        dial.setAlignment(Pos.CENTER);

        Label state = new Label();
        state.setId("handState");
        state.getStyleClass().add("state-chip");
        state.textProperty().bind(Bindings.createStringBinding(this::stateText, viewModel.handStateProperty(),
                viewModel.modelStateProperty(), viewModel.sourceStateProperty()));
        javafx.beans.binding.BooleanBinding warning = Bindings.createBooleanBinding(() ->
                        viewModel.modelStateProperty().get() == LiveViewModel.ModelState.FAILED
                                || viewModel.handStateProperty().get() == LiveViewModel.HandState.LOW_CONFIDENCE
                                || viewModel.handStateProperty().get() == LiveViewModel.HandState.NO_HAND,
                viewModel.modelStateProperty(), viewModel.handStateProperty());
        keepAlive.add(warning); // a binding only listened to is weakly held by its sources: keep it
        warning.addListener((obs, was, now) -> state.pseudoClassStateChanged(WARNING, now));
        state.pseudoClassStateChanged(WARNING, warning.get());
        viewModel.handStateProperty().addListener((obs, was, now) -> state.pseudoClassStateChanged(TYPED,
                now == LiveViewModel.HandState.TYPED));
        letter.textProperty().addListener((obs, was, now) -> letter.pseudoClassStateChanged(IDLE, "–".equals(now)));
        letter.pseudoClassStateChanged(IDLE, "–".equals(letter.getText()));
        viewModel.handStateProperty().addListener((obs, was, now) -> letter.pseudoClassStateChanged(UNSURE,
                now == LiveViewModel.HandState.LOW_CONFIDENCE));

        ProgressBar bar = new ProgressBar();
        bar.setId("confidenceBar");
        bar.getStyleClass().add("confidence-bar");
        bar.progressProperty().bind(viewModel.confidenceProperty());
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label percent = new Label();
        percent.setId("confidence");
        percent.getStyleClass().add("percent");
        percent.textProperty().bind(Bindings.createStringBinding(() -> viewModel.letterProperty().get().isEmpty()
                ? "" : percent(viewModel.confidenceProperty().get()), viewModel.confidenceProperty(),
                viewModel.letterProperty()));
        HBox confidence = new HBox(10, bar, percent);
        confidence.setAlignment(Pos.CENTER_LEFT);

        Label next = new Label("Next candidates");
        next.getStyleClass().add("caption");
        VBox panel = new VBox(10, caption, dial, state, confidence, new Separator(), next,
                candidate("second", viewModel.secondLabelProperty(), viewModel.secondConfidenceProperty()),
                candidate("third", viewModel.thirdLabelProperty(), viewModel.thirdConfidenceProperty()));
        panel.getStyleClass().add("reading-panel");
        panel.setAlignment(Pos.TOP_CENTER);
        panel.setMinWidth(300);
        panel.setPrefWidth(320);
        panel.setMaxWidth(340);
        return panel;
    }

    private Node candidate(String id, javafx.beans.value.ObservableStringValue label,
                           javafx.beans.value.ObservableDoubleValue probability) {
        Label name = new Label();
        name.setId(id);
        name.getStyleClass().add("candidate-label");
        name.textProperty().bind(Bindings.createStringBinding(() -> displayLabel(label.get()), label));
        ProgressBar bar = new ProgressBar();
        bar.getStyleClass().addAll("candidate-bar", Styles.SMALL);
        bar.progressProperty().bind(probability);
        bar.setMaxWidth(Double.MAX_VALUE);
        HBox.setHgrow(bar, Priority.ALWAYS);
        Label value = new Label();
        value.getStyleClass().add("candidate-percent");
        value.textProperty().bind(Bindings.createStringBinding(() -> label.get().isEmpty() ? ""
                : percent(probability.get()), probability, label));
        HBox row = new HBox(10, name, bar, value);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private Node textPanel() {
        Label caption = new Label("Spelled text");
        caption.getStyleClass().add("caption");
        Label text = new Label();
        text.setId("spelledText");
        text.getStyleClass().add("spelled-text");
        text.setWrapText(true);
        text.setMaxWidth(Double.MAX_VALUE);
        text.textProperty().bind(Bindings.createStringBinding(() -> viewModel.textProperty().get() + "▏",
                viewModel.textProperty()));
        VBox words = new VBox(4, caption, text);
        HBox.setHgrow(words, Priority.ALWAYS);

        Button copy = new Button("Copy");
        copy.setId("copy");
        copy.setTooltip(new Tooltip("Copy the text (Ctrl+C)"));
        copy.setOnAction(e -> viewModel.copy());
        Button backspace = new Button("Backspace");
        backspace.setId("backspace");
        backspace.setTooltip(new Tooltip("Delete the last character (Backspace)"));
        backspace.setOnAction(e -> viewModel.backspace());
        Button clear = new Button("Clear");
        clear.setId("clear");
        clear.getStyleClass().add(Styles.DANGER);
        clear.setTooltip(new Tooltip("Clear all text (Ctrl+L)"));
        clear.setOnAction(e -> viewModel.clear());
        for (Button button : new Button[] {copy, backspace, clear}) {
            button.setFocusTraversable(false);
        }
        HBox buttons = new HBox(8, copy, backspace, clear);
        buttons.setAlignment(Pos.CENTER_RIGHT);

        HBox panel = new HBox(16, words, buttons);
        panel.setAlignment(Pos.CENTER_LEFT);
        panel.getStyleClass().add("text-panel");
        VBox.setMargin(panel, new Insets(0, 16, 12, 16));
        return panel;
    }

    private Node statusBar() {
        Label source = statusLabel("statusSource");
        source.setMinWidth(0);
        source.textProperty().bind(Bindings.createStringBinding(() -> {
            String description = viewModel.sourceDescriptionProperty().get();
            return switch (viewModel.sourceStateProperty().get()) {
                case LIVE -> description;
                case STARTING -> "Opening…";
                case RECONNECTING -> "Reconnecting…";
                case NO_CAMERA -> "No camera";
                case NOT_FOUND, FAILED -> "Source unavailable";
                case ENDED -> "Ended: " + description;
            };
        }, viewModel.sourceStateProperty(), viewModel.sourceDescriptionProperty()));
        Label display = statusLabel("statusDisplayFps");
        display.textProperty().bind(Bindings.concat("Display ", viewModel.displayFpsProperty(), " fps"));
        Label inference = statusLabel("statusInferenceFps");
        inference.textProperty().bind(Bindings.concat("Inference ", viewModel.inferenceFpsProperty(), " fps"));
        Label latency = statusLabel("statusLatency");
        latency.textProperty().bind(Bindings.concat("Latency ", viewModel.latencyProperty()));
        Label device = statusLabel("statusDevice");
        device.textProperty().bind(Bindings.createStringBinding(() -> switch (viewModel.modelStateProperty().get()) {
            case LOADING -> "Loading model…";
            case FAILED -> "No model";
            case READY -> "Device " + viewModel.deviceProperty().get();
        }, viewModel.modelStateProperty(), viewModel.deviceProperty()));
        Label hand = statusLabel("statusHand");
        hand.textProperty().bind(Bindings.createStringBinding(() -> "Hand: "
                + shortDescription(viewModel.handFinderProperty().get()), viewModel.handFinderProperty()));
        Tooltip handTip = new Tooltip();
        handTip.textProperty().bind(viewModel.handFinderProperty());
        hand.setTooltip(handTip);
        hand.visibleProperty().bind(viewModel.handFinderProperty().isNotEmpty());
        Label leftHand = statusLabel("statusLeftHand");
        leftHand.setText("Left hand: read mirrored");
        leftHand.setTooltip(new Tooltip("Settings, Signing hand: each frame is mirrored before the hand is looked for, "
                + "so the model reads a right hand"));
        leftHand.visibleProperty().bind(viewModel.leftHandedProperty());
        leftHand.managedProperty().bind(leftHand.visibleProperty());
        HBox bar = new HBox(20, source, new Spacer(), display, inference, latency, device, hand, leftHand);
        bar.getStyleClass().add("status-bar");
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    /** "palm detector palm_detection_full.tflite, margin 0.25, …" → "palm detector" for the status bar. */
    static String shortDescription(String description) {
        String text = description == null ? "" : description;
        int cut = text.length();
        for (char stop : new char[] {',', '(', '['}) {
            int at = text.indexOf(stop);
            if (at > 0) {
                cut = Math.min(cut, at);
            }
        }
        String head = text.substring(0, cut).trim();
        if (head.startsWith("palm detector")) {
            return "palm detector";
        }
        return head;
    }

    private static Label statusLabel(String id) {

        Label label = new Label();
        label.setId(id);
        return label;
    }

    private String stateText() {
        if (viewModel.modelStateProperty().get() == LiveViewModel.ModelState.LOADING) {
            return "Loading model…";
        }
        if (viewModel.modelStateProperty().get() == LiveViewModel.ModelState.FAILED) {
            return "No model";
        }
        if (viewModel.sourceStateProperty().get() != LiveViewModel.SourceState.LIVE
                && viewModel.handStateProperty().get() == LiveViewModel.HandState.WAITING) {
            return "Waiting for video";
        }
        return switch (viewModel.handStateProperty().get()) {
            case WAITING -> "Waiting for video";
            case NO_HAND -> "No hand";
            case LOW_CONFIDENCE -> "Low confidence";
            case HOLDING -> "Hold it…";
            case TYPED -> "Typed";
        };
    }

    private static String shownLetter(String label, LiveViewModel.HandState state) {
        if (label == null || label.isEmpty() || state == LiveViewModel.HandState.NO_HAND
                || Labels.NOTHING.equals(label)) {
            return "–";
        }
        return displayLabel(label);
    }

    private static String displayLabel(String label) {
        return switch (label) {
            case Labels.SPACE -> "SPACE";
            case Labels.DEL -> "DEL";
            case Labels.NOTHING -> "none";
            default -> label;
        };
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.0f%%", value * 100);
    }

    private void chooseVideo() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Open a video file");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Videos", "*.mp4", "*.avi", "*.mov", "*.mkv", "*.webm", "*.m4v"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        File file = chooser.showOpenDialog(root.getScene().getWindow());
        if (file != null) {
            viewModel.openVideo(file.toPath());
        }
    }

    private void chooseFolder() {
        DirectoryChooser chooser = new DirectoryChooser();
        chooser.setTitle("Open a folder of images");
        File folder = chooser.showDialog(root.getScene().getWindow());
        if (folder != null) {
            viewModel.openFolder(folder.toPath());
        }
    }
}
