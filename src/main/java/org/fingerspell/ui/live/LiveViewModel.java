package org.fingerspell.ui.live;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.scene.image.Image;
import javafx.scene.image.PixelFormat;
import javafx.scene.image.WritableImage;
import javafx.util.Duration;
import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.model.Labels;
import org.fingerspell.model.ModelException;
import org.fingerspell.model.Score;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.spelling.Edit;
import org.fingerspell.spelling.SpellStep;
import org.fingerspell.spelling.SpelledText;
import org.fingerspell.spelling.Speller;
import org.fingerspell.ui.AppModel;
import org.fingerspell.video.DisplayBuffer;
import org.fingerspell.video.FrameReader;
import org.fingerspell.video.FrameResult;
import org.fingerspell.video.FrameTap;
import org.fingerspell.video.HandedReader;
import org.fingerspell.video.LivePipeline;
import org.fingerspell.video.LoadedModel;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.PipelineStats;
import org.fingerspell.video.RateMeter;
import org.fingerspell.video.Reading;
import org.fingerspell.video.SourceSpec;
import org.fingerspell.video.SourceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The live page's state and commands. Frames and readings arrive on the pipeline's threads; they are coalesced
 * (at most one pending update of each kind on the FX queue) and applied on the FX thread, which only paints.
 * Typed edits are queued, never coalesced, so no letter is lost when the FX thread is busy.
 */
public final class LiveViewModel {

    private static final Logger LOG = LoggerFactory.getLogger(LiveViewModel.class);

    public enum SourceState { STARTING, LIVE, RECONNECTING, NO_CAMERA, NOT_FOUND, FAILED, ENDED }

    public enum ModelState { LOADING, READY, FAILED }

    public enum HandState { WAITING, NO_HAND, LOW_CONFIDENCE, HOLDING, TYPED }

    // Properties
    private final ReadOnlyObjectWrapper<Image> frame = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<SourceState> sourceState = new ReadOnlyObjectWrapper<>(SourceState.STARTING);
    private final ReadOnlyStringWrapper sourceMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper sourceDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<ModelState> modelState = new ReadOnlyObjectWrapper<>(ModelState.LOADING);
    private final ReadOnlyStringWrapper modelMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper device = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper handFinder = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper leftHanded = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper letter = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper confidence = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper secondLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper secondConfidence = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper thirdLabel = new ReadOnlyStringWrapper("");
    private final ReadOnlyDoubleWrapper thirdConfidence = new ReadOnlyDoubleWrapper();
    private final ReadOnlyObjectWrapper<HandState> handState = new ReadOnlyObjectWrapper<>(HandState.WAITING);
    private final ReadOnlyDoubleWrapper holdProgress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyObjectWrapper<HandBox> handBox = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<HandSkeleton> handSkeleton = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper text = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper displayFps = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper inferenceFps = new ReadOnlyStringWrapper("—");
    private final ReadOnlyStringWrapper latency = new ReadOnlyStringWrapper("—");
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final BooleanProperty mirror = new SimpleBooleanProperty();

    private final AppModel app;
    private final ModelLoader loader;
    private final double fps;
    private final boolean loop;
    private final Consumer<String> clipboard;
    private final Speller speller;
    private final SpelledText spelled = new SpelledText();
    private final RateMeter displayRate = new RateMeter();
    private final Queue<Edit> edits = new ConcurrentLinkedQueue<>();
    private final Timeline statsTimer;
    private final FrameTap tap = new FrameTap();

    private LoadedModel model;
    private volatile LivePipeline pipeline;
    /** The settings' signing hand, for the inference thread (set on the FX thread). */
    private volatile SigningHand signingHand;
    private SourceSpec source;
    private WritableImage image;
    private boolean noticeGiven;
    private long readingsShown;
    private long framesPainted;

    public LiveViewModel(AppModel app, ModelLoader loader, double fps, boolean loop, Consumer<String> clipboard) {
        this.app = Objects.requireNonNull(app, "app");
        this.loader = Objects.requireNonNull(loader, "loader");
        this.fps = fps;
        this.loop = loop;
        this.clipboard = Objects.requireNonNull(clipboard, "clipboard");
        this.speller = new Speller(app.settings().spelling());
        mirror.set(app.settings().mirror());
        signingHand = app.settings().signingHand();
        leftHanded.set(signingHand.mirrors());
        mirror.addListener((obs, was, now) -> {
            if (pipeline != null) {
                pipeline.setMirror(now);
            }
            app.update(app.settings().withMirror(now));
        });
        app.settingsProperty().addListener((obs, was, now) -> settingsChanged(was, now));
        statsTimer = new Timeline(new KeyFrame(Duration.millis(500), e -> refreshStats()));
        statsTimer.setCycleCount(Timeline.INDEFINITE);
        statsTimer.play();
        loadModel();
    }

    // Commands

    /** Starts reading from {@code spec}, replacing the current source. The text is kept. */
    public void start(SourceSpec spec) {
        Objects.requireNonNull(spec, "spec");
        stopPipeline();
        source = spec;
        synchronized (speller) {
            speller.reset();
        }
        edits.clear();
        clearReading();
        handBox.set(null);
        handSkeleton.set(null);
        sourceState.set(SourceState.STARTING);
        sourceMessage.set("Opening " + describe(spec) + "…");
        AppSettings settings = app.settings();
        Listener listener = new Listener();
        LivePipeline next = new LivePipeline(() -> spec.create(settings.cameraResolution(), fps, loop), listener);
        listener.owner = next;
        next.setMirror(mirror.get());
        pipeline = next;
        if (model != null) {
            next.attachReaders(tap.wrap(handed(model)));
        }
        next.start();
        running.set(true);
    }

    /** Starts the camera chosen in the settings. */
    public void startCamera() {
        start(SourceSpec.camera(app.settings().cameraIndex()));
    }

    /** Opens the current source again (after "no camera", an error, or the end of a file). */
    public void retry() {
        start(source != null ? source : SourceSpec.camera(app.settings().cameraIndex()));
    }

    public void openVideo(Path file) {
        start(SourceSpec.video(file));
    }

    public void openFolder(Path folder) {
        start(SourceSpec.folder(folder));
    }

    public void toggleMirror() {
        mirror.set(!mirror.get());
    }

    public void copy() {
        clipboard.accept(spelled.text());
    }

    public void backspace() {
        text.set(spelled.backspace());
    }

    public void clear() {
        text.set(spelled.clear());
    }

    public void dismissNotice() {
        notice.set("");
    }

    /** Stops the pipeline and closes the model. */
    public void shutdown() {
        statsTimer.stop();
        LivePipeline old = pipeline;
        pipeline = null;
        if (old != null) {
            old.close();
        }
        if (model != null) {
            model.close();
            model = null;
        }
        running.set(false);
    }

    // Internals

    private void loadModel() {
        modelState.set(ModelState.LOADING);
        modelMessage.set("Loading the model…");
        app.background().run(loader::load, loaded -> {
            model = loaded;
            device.set(loaded.device());
            handFinder.set(loaded.cropper());
            modelState.set(ModelState.READY);
            modelMessage.set("");
            if (pipeline != null) {
                pipeline.attachReaders(tap.wrap(handed(loaded)));
            }
        }, error -> {
            modelState.set(ModelState.FAILED);
            device.set("—");
            String message = error.getMessage() == null ? error.toString() : error.getMessage();
            if (!(error instanceof ModelException)) {
                LOG.error("Loading the model failed", error);
            }
            modelMessage.set(message + "\nStart with --model FILE, or put fingerspell.onnx and its .json in "
                    + "models/ (see the README).");
        });
    }

    private void stopPipeline() {
        LivePipeline old = pipeline;
        pipeline = null;
        if (old != null) {
            app.background().run("Stopping the previous source", old::close);
        }
        running.set(false);
    }

    private void settingsChanged(AppSettings was, AppSettings now) {
        synchronized (speller) {
            speller.setSettings(now.spelling());
        }
        mirror.set(now.mirror());
        signingHand = now.signingHand();
        leftHanded.set(signingHand.mirrors());
        boolean cameraChanged = was.cameraIndex() != now.cameraIndex() || !was.resolution().equals(now.resolution());
        if (cameraChanged && source != null && source.kind() == SourceSpec.Kind.CAMERA) {
            start(SourceSpec.camera(now.cameraIndex()));
        }
    }

    /** The model's readers, reading each frame for the signing hand of that moment. */
    private Supplier<FrameReader> handed(LoadedModel loaded) {
        return HandedReader.wrap(loaded.readers(), () -> signingHand);
    }

    private void clearReading() {
        letter.set("");
        confidence.set(0);
        secondLabel.set("");
        thirdLabel.set("");
        secondConfidence.set(0);
        thirdConfidence.set(0);
        holdProgress.set(0);
        handState.set(HandState.WAITING);
    }

    private void refreshStats() {
        displayFps.set(String.format(Locale.ROOT, "%.0f", displayRate.rate(System.nanoTime())));
        LivePipeline current = pipeline;
        if (current == null) {
            inferenceFps.set("—");
            latency.set("—");
            return;
        }
        PipelineStats stats = current.stats();
        inferenceFps.set(model == null ? "—" : String.format(Locale.ROOT, "%.0f", stats.inferenceFps()));
        latency.set(model == null || stats.inferred() == 0 ? "—"
                : String.format(Locale.ROOT, "%.0f ms", stats.latencyMillis()));
    }

    /** The pipeline's callbacks, bound to one pipeline: updates from a replaced one are dropped. */
    private final class Listener implements LivePipeline.Listener {
        private final AtomicReference<Shown> pendingReading = new AtomicReference<>();
        private final AtomicBoolean failurePending = new AtomicBoolean();
        private volatile LivePipeline owner;

        private boolean current() {
            return owner != null && owner == pipeline;
        }

        @Override
        public void displayReady() {
            Platform.runLater(() -> {
                if (current()) {
                    paint(owner.display());
                }
            });
        }

        @Override
        public void reading(Reading reading) {
            if (!current()) {
                return;
            }
            FrameResult result = reading.result();
            SpellStep step;
            synchronized (speller) {
                step = speller.accept(result.classification().probabilities(), reading.captureNanos());
            }
            if (step.edit() != null) {
                edits.add(step.edit());
            }
            if (pendingReading.getAndSet(new Shown(reading, step)) == null) {
                Platform.runLater(() -> {
                    Shown shown = pendingReading.getAndSet(null);
                    if (shown != null && current()) {
                        show(shown);
                    }
                });
            }
        }

        @Override
        public void readingFailed(String message) {
            if (failurePending.compareAndSet(false, true)) {
                Platform.runLater(() -> {
                    failurePending.set(false);
                    if (current()) {
                        notice.set("The classifier failed on a frame: " + message);
                    }
                });
            }
        }

        @Override
        public void sourceStatus(SourceStatus status) {
            Platform.runLater(() -> {
                if (current()) {
                    applyStatus(status);
                }
            });
        }
    }

    private record Shown(Reading reading, SpellStep step) {
    }

    private void paint(DisplayBuffer display) {
        DisplayBuffer.Pixels pixels = display.acquire();
        if (pixels == null) {
            return;
        }
        if (image == null || (int) image.getWidth() != pixels.width() || (int) image.getHeight() != pixels.height()) {
            image = new WritableImage(pixels.width(), pixels.height());
            frame.set(image);
        }
        image.getPixelWriter().setPixels(0, 0, pixels.width(), pixels.height(),
                PixelFormat.getByteBgraPreInstance(), pixels.bgra(), 0, pixels.width() * 4);
        framesPainted++;
        displayRate.tick(System.nanoTime());
    }

    private void show(Shown shown) {
        for (Edit edit = edits.poll(); edit != null; edit = edits.poll()) {
            text.set(spelled.apply(edit));
        }
        readingsShown++;
        SpellStep step = shown.step();
        FrameResult result = shown.reading().result();
        List<Score> ranked = step.ranked();
        letter.set(step.label());
        confidence.set(step.confidence());
        secondLabel.set(ranked.size() > 1 ? ranked.get(1).label() : "");
        secondConfidence.set(ranked.size() > 1 ? ranked.get(1).probability() : 0);
        thirdLabel.set(ranked.size() > 2 ? ranked.get(2).label() : "");
        thirdConfidence.set(ranked.size() > 2 ? ranked.get(2).probability() : 0);
        holdProgress.set(step.holdProgress());
        handState.set(switch (step.state()) {
            case NO_HAND -> HandState.NO_HAND;
            case LOW_CONFIDENCE -> HandState.LOW_CONFIDENCE;
            case HOLDING -> HandState.HOLDING;
            case TYPED -> HandState.TYPED;
        });
        if (Labels.NOTHING.equals(step.label()) || !result.handFound() && result.source() == Crop.Source.NO_HAND) {
            handState.set(HandState.NO_HAND);
        }
        handBox.set(box(result, shown.reading()));
        handSkeleton.set(SkeletonPlacement.inFrame(result.landmarks(), shown.reading().frameWidth(),
                shown.reading().frameHeight(), mirror.get()).orElse(null));
        if (result.source() == Crop.Source.FALLBACK && !noticeGiven) {
            noticeGiven = true;
            notice.set("No hand detector in this build: hold your hand inside the guide box.");
        }
    }

    private HandBox box(FrameResult result, Reading reading) {
        CropRegion region = result.region();
        if (region == null || reading.frameWidth() <= 0 || reading.frameHeight() <= 0) {
            return null;
        }
        boolean found = result.source() == Crop.Source.DETECTED || result.source() == Crop.Source.TRACKED;
        // The guide box (no detector), or the square a whole-frame model reads when it is not the whole frame.
        boolean guide = result.source() == Crop.Source.FALLBACK || result.source() == Crop.Source.WHOLE_FRAME
                && Math.abs(reading.frameWidth() - reading.frameHeight()) > 2;
        if (!guide && !found) {
            return null;
        }
        return BoxPlacement.inFrame(region, reading.frameWidth(), reading.frameHeight(), mirror.get(), guide);
    }

    private void applyStatus(SourceStatus status) {
        switch (status.state()) {
            case OPENING -> {
                sourceState.set(SourceState.STARTING);
                sourceMessage.set("Opening " + describe(source) + "…");
            }
            case RUNNING -> {
                sourceState.set(SourceState.LIVE);
                sourceMessage.set("");
                sourceDescription.set(status.description());
            }
            case RECONNECTING -> {
                sourceState.set(SourceState.RECONNECTING);
                sourceMessage.set(status.message());
            }
            case NOT_FOUND -> {
                boolean camera = source != null && source.kind() == SourceSpec.Kind.CAMERA;
                sourceState.set(camera ? SourceState.NO_CAMERA : SourceState.NOT_FOUND);
                sourceMessage.set(camera
                        ? "No camera was found. Connect a webcam and press Retry, or open a video file or an image "
                        + "folder instead."
                        : status.message());
                running.set(false);
                clearReading();
                handBox.set(null);
                handSkeleton.set(null);
            }
            case FAILED -> {
                sourceState.set(SourceState.FAILED);
                sourceMessage.set(status.message());
                running.set(false);
                handSkeleton.set(null);
            }
            case ENDED -> {
                sourceState.set(SourceState.ENDED);
                sourceMessage.set(status.message());
                running.set(false);
                handSkeleton.set(null);
            }
            case STOPPED -> {
                running.set(false);
                handSkeleton.set(null);
            }
        }
    }

    private static String describe(SourceSpec spec) {
        if (spec == null) {
            return "the source";
        }
        return switch (spec.kind()) {
            case CAMERA -> "camera " + spec.cameraIndex();
            case VIDEO -> spec.path().getFileName().toString();
            case FOLDER -> "folder " + spec.path().getFileName();
        };
    }

    // Property accessors

    public ReadOnlyObjectProperty<Image> frameProperty() {
        return frame.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<SourceState> sourceStateProperty() {
        return sourceState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceMessageProperty() {
        return sourceMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty sourceDescriptionProperty() {
        return sourceDescription.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<ModelState> modelStateProperty() {
        return modelState.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty modelMessageProperty() {
        return modelMessage.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty deviceProperty() {
        return device.getReadOnlyProperty();
    }

    /** Whether frames are read mirrored for a left-handed signer (Settings, Signing hand). */
    public ReadOnlyBooleanProperty leftHandedProperty() {
        return leftHanded.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty handFinderProperty() {
        return handFinder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty letterProperty() {
        return letter.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty confidenceProperty() {
        return confidence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty secondLabelProperty() {
        return secondLabel.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty secondConfidenceProperty() {
        return secondConfidence.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty thirdLabelProperty() {
        return thirdLabel.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty thirdConfidenceProperty() {
        return thirdConfidence.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HandState> handStateProperty() {
        return handState.getReadOnlyProperty();
    }

    public ReadOnlyDoubleProperty holdProgressProperty() {
        return holdProgress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<HandBox> handBoxProperty() {
        return handBox.getReadOnlyProperty();
    }

    /** The hand's landmarks of the latest reading, while the landmark model is sure it sees a hand; else null. */
    public ReadOnlyObjectProperty<HandSkeleton> handSkeletonProperty() {
        return handSkeleton.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty textProperty() {
        return text.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty displayFpsProperty() {
        return displayFps.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty inferenceFpsProperty() {
        return inferenceFps.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty latencyProperty() {
        return latency.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    public BooleanProperty mirrorProperty() {
        return mirror;
    }

    /** Every frame the classifier reads, for a page that takes pictures of them (capture). */
    public FrameTap tap() {
        return tap;
    }

    /** The loaded model's name and version, or "" while none is loaded. */
    public String modelName() {
        return model == null ? "" : model.name();
    }

    /** The pipeline now running (tests read its statistics), or null. */
    public PipelineStats stats() {
        LivePipeline current = pipeline;
        return current == null ? null : current.stats();
    }

    /** Readings applied on the FX thread so far. */
    public long readingsShown() {
        return readingsShown;
    }

    /** Frames painted in the last second; safe from any thread. */
    public double displayRate() {
        return displayRate.rate(System.nanoTime());
    }

    public long framesPainted() {
        return framesPainted;
    }

    public SourceSpec source() {
        return source;
    }
}
