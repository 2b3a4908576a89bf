package org.fingerspell.ui.capture;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.IntegerProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleIntegerProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.util.Duration;
import org.fingerspell.dataset.CaptureSession;
import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.dataset.CaptureStoppedException;
import org.fingerspell.dataset.CaptureStore;
import org.fingerspell.dataset.Conditions;
import org.fingerspell.dataset.Coverage;
import org.fingerspell.dataset.FrameSignature;
import org.fingerspell.dataset.GuidedRun;
import org.fingerspell.dataset.Handshapes;
import org.fingerspell.dataset.ImageEncoding;
import org.fingerspell.dataset.ManifestRow;
import org.fingerspell.dataset.Shot;
import org.fingerspell.dataset.StoreFileSystem;
import org.fingerspell.hand.Crop;
import org.fingerspell.hand.CropRegion;
import org.fingerspell.model.Labels;
import org.fingerspell.ui.Background;
import org.fingerspell.ui.live.LiveViewModel;
import org.fingerspell.video.FrameResult;
import org.fingerspell.video.FrameTap;
import org.fingerspell.video.ThreadLog;
import org.opencv.core.Mat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.LongSupplier;

/**
 * The capture page's state and commands. Shots come from the live pipeline's {@link FrameTap} (the frame as the
 * camera gave it, with the hand the detector found); encoding and every file operation run on the background
 * executor, results come back on the FX thread. The first failed write stops capture with the store's message.
 */
public final class CaptureViewModel {

    /** What the live frame looks like to capture: a hand or not, and whether it repeats the last saved image. */
    public record LiveCheck(boolean handFound, boolean nearDuplicate) {
    }

    private static final long FRAME_WAIT_MILLIS = 3000;

    // Properties: the dataset
    private final ReadOnlyObjectWrapper<Path> folder = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> recovery = FXCollections.observableArrayList();
    private final ObservableList<String> recoveryView = FXCollections.unmodifiableObservableList(recovery);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("Choose or create a dataset folder.");
    private final ReadOnlyStringWrapper stopped = new ReadOnlyStringWrapper("");
    private final ReadOnlyIntegerWrapper saved = new ReadOnlyIntegerWrapper();
    // Properties: the session form
    private final StringProperty signer = new SimpleStringProperty("");
    private final StringProperty handedness = new SimpleStringProperty("right");
    private final StringProperty lighting = new SimpleStringProperty("indoor");
    private final StringProperty background = new SimpleStringProperty("plain");
    private final StringProperty camera = new SimpleStringProperty("");
    private final StringProperty notes = new SimpleStringProperty("");
    private final ObjectProperty<ImageEncoding> encoding = new SimpleObjectProperty<>(ImageEncoding.PNG);
    // Properties: shooting
    private final StringProperty label = new SimpleStringProperty("A");
    private final StringProperty classes = new SimpleStringProperty("all");
    private final IntegerProperty burst = new SimpleIntegerProperty(5);
    private final IntegerProperty countdownSeconds = new SimpleIntegerProperty(3);
    private final IntegerProperty intervalMillis = new SimpleIntegerProperty(400);
    private final ReadOnlyBooleanWrapper guided = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper paused = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper prompt = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper promptDescription = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Path> promptPicture = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<Path> referenceFolder = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyStringWrapper countdown = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper progress = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<LiveCheck> liveCheck = new ReadOnlyObjectWrapper<>(new LiveCheck(false, false));
    // Properties: coverage and review
    private final ObjectProperty<Conditions.Dimension> dimension = new SimpleObjectProperty<>(Conditions.Dimension.LIGHTING);
    private final ReadOnlyObjectWrapper<Coverage> coverage = new ReadOnlyObjectWrapper<>(
            Coverage.of(List.of(), Conditions.Dimension.LIGHTING));
    private final StringProperty reviewLabel = new SimpleStringProperty("A");
    private final ObservableList<ManifestRow> reviewRows = FXCollections.observableArrayList();
    private final ObservableList<ManifestRow> reviewView = FXCollections.unmodifiableObservableList(reviewRows);
    private final ReadOnlyBooleanWrapper canUndo = new ReadOnlyBooleanWrapper();

    private final Background work;
    private final LiveViewModel live;
    private final FrameTap tap;
    private final LongSupplier clock;
    private final Timeline ticker;
    private final Deque<ManifestRow> undo = new ArrayDeque<>();
    private final AtomicReference<LiveCheck> pendingCheck = new AtomicReference<>();

    private Map<String, Path> references = Map.of();
    private CaptureStore store;
    private CaptureSession session;
    private GuidedRun run;
    private boolean shotInFlight;
    private volatile FrameSignature lastSaved;

    public CaptureViewModel(Background work, LiveViewModel live) {
        this(work, live, live.tap(), System::currentTimeMillis);
    }

    CaptureViewModel(Background work, LiveViewModel live, FrameTap tap, LongSupplier clock) {
        this.work = Objects.requireNonNull(work, "work");
        this.live = Objects.requireNonNull(live, "live");
        this.tap = Objects.requireNonNull(tap, "tap");
        this.clock = Objects.requireNonNull(clock, "clock");
        // A left-handed signer set Signing hand once; the shots' hand starts from it.
        handedness.set(live.leftHandedProperty().get() ? "left" : "right");
        ticker = new Timeline(new KeyFrame(Duration.millis(100), e -> tick()));
        ticker.setCycleCount(Timeline.INDEFINITE);
        dimension.addListener((obs, was, now) -> refresh());
        reviewLabel.addListener((obs, was, now) -> refresh());
        List.of(signer, handedness, lighting, background, camera, notes)
                .forEach(field -> field.addListener((obs, was, now) -> session = null));
    }

    // Commands: the dataset

    /** Opens (or creates) the dataset at {@code root}, repairing what an earlier crash left; off the FX thread. */
    public void openDataset(Path root) {
        openDataset(root, StoreFileSystem.DISK);
    }

    /** Opens the dataset writing through {@code files} (the real disk, or one that fails on purpose). */
    public void openDataset(Path root, StoreFileSystem files) {
        Objects.requireNonNull(root, "root");
        stopGuided();
        status.set("Opening " + root + "…");
        work.run(() -> {
            ThreadLog.shared().record(ThreadLog.FILE_IO);
            return CaptureStore.open(root, files);
        }, opened -> {
            store = opened;
            session = null;
            lastSaved = null;
            undo.clear();
            canUndo.set(false);
            folder.set(opened.root());
            stopped.set("");
            recovery.setAll(opened.recovery().lines());
            status.set("Saving to " + opened.root() + " (" + opened.rows().size() + " images so far).");
            refresh();
        }, error -> status.set("Cannot open " + root + ": " + message(error)));
    }

    /**
     * Shows each prompted class with a picture from {@code root} (a folder-per-class set such as the one a model
     * was trained on); scanned off the FX thread.
     */
    public void chooseReferences(Path root) {
        Objects.requireNonNull(root, "root");
        work.run(() -> {
            ThreadLog.shared().record(ThreadLog.FILE_IO);
            return ClassFolderSet.scan(root).firstImagePerClass();
        }, found -> {
            references = Map.copyOf(found);
            referenceFolder.set(root);
            status.set("Reference pictures for " + found.size() + " classes from " + root + ".");
            showRun();
        }, error -> status.set("Cannot read reference pictures from " + root + ": " + message(error)));
    }

    // Commands: shooting

    /** One shot of the chosen label from the next frame; ignored while a guided run takes its own. */
    public void shoot() {
        if (guided.get()) {
            return;
        }
        String chosen = Labels.parse(label.get()).orElse(null);
        if (chosen == null) {
            status.set("Choose a class to label the shot with.");
            return;
        }
        if (ready() && !shotInFlight) {
            take(chosen, row -> { }, () -> { });
        }
    }

    /** Guides through {@link #classesProperty()} ("all", "letters" or a list such as "A,B,del"). */
    public void startGuided() {
        List<String> selection;
        try {
            selection = Labels.parseSelection(classes.get());
        } catch (IllegalArgumentException e) {
            status.set(e.getMessage().replace("--classes", "the class list"));
            return;
        }
        if (!ready()) {
            return;
        }
        run = new GuidedRun(selection, Math.max(1, burst.get()), countdownSeconds.get() * 1000L,
                intervalMillis.get(), clock.getAsLong());
        guided.set(true);
        paused.set(false);
        status.set("Guided run: " + String.join(", ", selection) + ". Hold each sign when its countdown ends.");
        showRun();
        ticker.play();
    }

    public void pause() {
        if (run != null) {
            run.pause();
            paused.set(true);
            showRun();
        }
    }

    public void resume() {
        if (run != null && stopped.get().isEmpty()) {
            run.resume(clock.getAsLong());
            paused.set(false);
            showRun();
        }
    }

    public void skip() {
        if (run != null) {
            run.skip(clock.getAsLong());
            showRun();
        }
    }

    /** Takes the current class (or the one just finished) again; its shots go to {@code .deleted/}. */
    public void redo() {
        if (run == null) {
            return;
        }
        if (!stopped.get().isEmpty()) {
            status.set(stopped.get());
            return;
        }
        List<ManifestRow> discarded = run.redo(clock.getAsLong());
        guided.set(true);
        paused.set(false);
        ticker.play();
        showRun();
        CaptureStore current = store;
        if (!discarded.isEmpty()) {
            work.run(() -> {
                for (ManifestRow row : discarded) {
                    current.delete(row);
                }
                return discarded.size();
            }, count -> {
                status.set("Redo " + run.label() + ": " + count + " shot(s) moved to .deleted/.");
                refresh();
            }, error -> status.set("Redo failed: " + message(error)));
        }
    }

    public void stopGuided() {
        ticker.stop();
        if (run != null) {
            run.stop();
        }
        guided.set(false);
        paused.set(false);
        countdown.set("");
    }

    // Commands: review

    /** Moves the image to {@code .deleted/}; {@link #undoDelete()} brings it back. */
    public void delete(ManifestRow row) {
        CaptureStore current = requireStore();
        work.run(() -> current.delete(row), trashed -> {
            undo.push(trashed);
            canUndo.set(true);
            status.set("Deleted " + row.file() + " (Undo brings it back).");
            refresh();
        }, error -> status.set("Cannot delete " + row.file() + ": " + message(error)));
    }

    public void undoDelete() {
        if (undo.isEmpty()) {
            return;
        }
        ManifestRow trashed = undo.pop();
        canUndo.set(!undo.isEmpty());
        CaptureStore current = requireStore();
        work.run(() -> current.restore(trashed), restored -> {
            status.set("Restored " + restored.file() + ".");
            refresh();
        }, error -> status.set("Cannot restore " + trashed.file() + ": " + message(error)));
    }

    public void relabel(ManifestRow row, String newLabel) {
        CaptureStore current = requireStore();
        work.run(() -> current.relabel(row, newLabel), moved -> {
            status.set("Moved " + row.file() + " to " + moved.file() + ".");
            refresh();
        }, error -> status.set("Cannot relabel " + row.file() + ": " + message(error)));
    }

    /** Starts watching live frames for a hand and near-duplicates (the page is shown). */
    public void watch() {
        tap.setObserver(this::check);
    }

    /** Stops watching (the page is hidden); a guided run keeps its place but pauses. */
    public void unwatch() {
        tap.setObserver(null);
        if (guided.get() && !paused.get()) {
            pause();
        }
    }

    public void shutdown() {
        stopGuided();
        tap.setObserver(null);
        tap.cancel();
    }

    // Internals

    private boolean ready() {
        if (store == null) {
            status.set("Choose or create a dataset folder first.");
            return false;
        }
        if (!stopped.get().isEmpty()) {
            status.set(stopped.get());
            return false;
        }
        if (live.modelStateProperty().get() == LiveViewModel.ModelState.FAILED) {
            status.set("The model did not load (see the Live page): capture takes its frames from the hand finder.");
            return false;
        }
        if (live.modelStateProperty().get() != LiveViewModel.ModelState.READY) {
            status.set("Waiting for the hand finder to load; shots are taken from the frames it reads.");
            return false;
        }
        return true;
    }

    private CaptureStore requireStore() {
        if (store == null) {
            throw new IllegalStateException("no dataset is open");
        }
        return store;
    }

    private void tick() {
        if (run == null) {
            return;
        }
        long now = clock.getAsLong();
        if (!shotInFlight && run.tick(now)) {
            take(run.label(), row -> run.saved(row, clock.getAsLong()), () -> run.missed(clock.getAsLong()));
        }
        showRun();
        if (run.phase() == GuidedRun.Phase.DONE) {
            ticker.stop();
            guided.set(false);
            status.set("Guided capture done: " + run.labels().size() + " class(es).");
        }
    }

    private void take(String shotLabel, java.util.function.Consumer<ManifestRow> onSaved, Runnable onMissed) {
        CaptureStore current = store;
        CaptureSession shotSession = session();
        String model = live.modelName();
        ImageEncoding format = encoding.get();
        shotInFlight = true;
        tap.next().orTimeout(FRAME_WAIT_MILLIS, TimeUnit.MILLISECONDS).whenComplete((frame, timeout) -> {
            if (frame == null) {
                Platform.runLater(() -> {
                    shotInFlight = false;
                    status.set("No frame came from the source; is it running?");
                    onMissed.run();
                });
                return;
            }
            work.run(() -> save(current, frame, shotLabel, shotSession, model, format), row -> {
                shotInFlight = false;
                saved.set(saved.get() + 1);
                status.set("Saved " + row.file() + (row.box() == null ? " (no hand found)" : "")
                        + (row.nearDuplicate() ? " (nearly the same as the last image)" : "") + ".");
                onSaved.accept(row);
                refresh();
            }, error -> {
                shotInFlight = false;
                if (error instanceof CaptureStoppedException) {
                    stopped.set(error.getMessage());
                    stopGuided();
                }
                status.set(message(error));
                onMissed.run();
            });
        });
    }

    /** Background thread: encode and save one frame, which this method then releases. */
    private ManifestRow save(CaptureStore target, FrameTap.TappedFrame frame, String shotLabel,
                             CaptureSession shotSession, String model, ImageEncoding format) throws Exception {
        try (frame) {
            ThreadLog.shared().record(ThreadLog.FILE_IO);
            FrameSignature signature = FrameSignature.of(frame.bgr());
            boolean duplicate = signature.nearDuplicateOf(lastSaved);
            Shot shot = new Shot(shotLabel, format.encode(frame.bgr()), format.extension(), shotSession,
                    detected(frame.result()), Instant.now(), model, duplicate);
            ManifestRow row = target.save(shot);
            lastSaved = signature;
            return row;
        }
    }

    /** The box worth recording: a hand the detector found, not the guide box or the frame's centre. */
    private static CropRegion detected(FrameResult result) {
        boolean found = result.handFound()
                && (result.source() == Crop.Source.DETECTED || result.source() == Crop.Source.TRACKED);
        return found ? result.region() : null;
    }

    /** Inference thread: coalesced onto the FX thread. */
    private void check(Mat bgr, FrameResult result) {
        FrameSignature previous = lastSaved;
        boolean duplicate = previous != null && FrameSignature.of(bgr).nearDuplicateOf(previous);
        boolean hand = result.handFound() && result.source() != Crop.Source.NO_HAND;
        if (pendingCheck.getAndSet(new LiveCheck(hand, duplicate)) == null) {
            Platform.runLater(() -> liveCheck.set(pendingCheck.getAndSet(null)));
        }
    }

    private CaptureSession session() {
        if (session == null) {
            session = CaptureSession.start(Instant.ofEpochMilli(clock.getAsLong()), signer.get(), handedness.get(),
                    lighting.get(), background.get(), camera.get(), notes.get());
        }
        return session;
    }

    private void showRun() {
        if (run == null) {
            return;
        }
        long now = clock.getAsLong();
        prompt.set(run.label());
        promptDescription.set(Handshapes.describe(run.label()));
        promptPicture.set(references.get(run.label()));
        countdown.set(switch (run.phase()) {
            case COUNTDOWN -> Integer.toString(run.secondsLeft(now));
            case BURST -> "●";
            case PAUSED -> "Paused";
            case DONE -> "Done";
        });
        progress.set(String.format(Locale.ROOT, "Class %d of %d · %d/%d frames", run.position() + 1,
                run.labels().size(), run.shotsTaken(), run.burst()));
    }

    /** Reloads coverage and the review gallery from the store (off the FX thread: the store's lock may wait on a write). */
    private void refresh() {
        CaptureStore current = store;
        if (current == null) {
            return;
        }
        Conditions.Dimension by = dimension.get();
        String reviewed = reviewLabel.get();
        work.run(() -> {
            List<ManifestRow> rows = current.rows();
            return new Refreshed(Coverage.of(rows, by), rows.stream().filter(r -> r.label().equals(reviewed)).toList());
        }, refreshed -> {
            coverage.set(refreshed.coverage());
            reviewRows.setAll(refreshed.review());
        }, error -> status.set("Cannot read the dataset: " + message(error)));
    }

    private record Refreshed(Coverage coverage, List<ManifestRow> review) {
    }

    private static String message(Exception error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    // Property accessors

    public ReadOnlyObjectProperty<Path> folderProperty() {
        return folder.getReadOnlyProperty();
    }

    public ObservableList<String> recoveryLines() {
        return recoveryView;
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** The message capture stopped with (a full or read-only disk), or "". */
    public ReadOnlyStringProperty stoppedProperty() {
        return stopped.getReadOnlyProperty();
    }

    /** Shots saved since the page opened. */
    public ReadOnlyIntegerProperty savedProperty() {
        return saved.getReadOnlyProperty();
    }

    public StringProperty signerProperty() {
        return signer;
    }

    public StringProperty handednessProperty() {
        return handedness;
    }

    public StringProperty lightingProperty() {
        return lighting;
    }

    public StringProperty backgroundProperty() {
        return background;
    }

    public StringProperty cameraProperty() {
        return camera;
    }

    public StringProperty notesProperty() {
        return notes;
    }

    public ObjectProperty<ImageEncoding> encodingProperty() {
        return encoding;
    }

    public StringProperty labelProperty() {
        return label;
    }

    public StringProperty classesProperty() {
        return classes;
    }

    public IntegerProperty burstProperty() {
        return burst;
    }

    public IntegerProperty countdownSecondsProperty() {
        return countdownSeconds;
    }

    public IntegerProperty intervalMillisProperty() {
        return intervalMillis;
    }

    public ReadOnlyBooleanProperty guidedProperty() {
        return guided.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty pausedProperty() {
        return paused.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty promptProperty() {
        return prompt.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty promptDescriptionProperty() {
        return promptDescription.getReadOnlyProperty();
    }

    /** A picture of the prompted sign from the reference folder, or null. */
    public ReadOnlyObjectProperty<Path> promptPictureProperty() {
        return promptPicture.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Path> referenceFolderProperty() {
        return referenceFolder.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countdownProperty() {
        return countdown.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<LiveCheck> liveCheckProperty() {
        return liveCheck.getReadOnlyProperty();
    }

    public ObjectProperty<Conditions.Dimension> dimensionProperty() {
        return dimension;
    }

    public ReadOnlyObjectProperty<Coverage> coverageProperty() {
        return coverage.getReadOnlyProperty();
    }

    public StringProperty reviewLabelProperty() {
        return reviewLabel;
    }

    public ObservableList<ManifestRow> reviewRows() {
        return reviewView;
    }

    public ReadOnlyBooleanProperty canUndoProperty() {
        return canUndo.getReadOnlyProperty();
    }

    /** The open dataset's image file for {@code row}. */
    public Path fileOf(ManifestRow row) {
        return requireStore().fileOf(row);
    }

    public LiveViewModel live() {
        return live;
    }
}
