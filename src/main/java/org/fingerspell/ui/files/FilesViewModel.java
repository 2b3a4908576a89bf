package org.fingerspell.ui.files;

import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyDoubleProperty;
import javafx.beans.property.ReadOnlyDoubleWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import javafx.scene.image.Image;
import org.fingerspell.dataset.FileClassifier;
import org.fingerspell.dataset.FileReading;
import org.fingerspell.dataset.ImageFiles;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.image.BgraImage;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.ModelException;
import org.fingerspell.ui.AppModel;
import org.fingerspell.video.FrameReader;
import org.fingerspell.video.HandedReader;
import org.fingerspell.video.LoadedModel;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.ThreadLog;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The Files page's state and commands. Batches of files are read as {@link Task}s on one thread that owns the
 * model (loaded on first use, one classifier session); rows arrive in bulk on the FX thread, at most one pending
 * update on its queue however fast files are read. Previews, thumbnails and exports run on their own threads, so a
 * preview never waits behind a 10,000-file batch. The FX thread only adds rows and paints.
 */
public final class FilesViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FilesViewModel.class);

    public static final String IDLE_TEXT = "Open images or a folder, drop them here, or paste an image (Ctrl+V).";
    static final int THUMBNAIL_SIDE = 48;
    static final int THUMBNAILS_KEPT = 600;

    // Properties
    private final ObservableList<FileRow> rows = FXCollections.observableArrayList();
    private final FilteredList<FileRow> shown = new FilteredList<>(rows);
    private final ObjectProperty<RowFilter> filter = new SimpleObjectProperty<>(RowFilter.ALL);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper();
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper(0);
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(IDLE_TEXT);
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<Preview> preview = new ReadOnlyObjectWrapper<>();

    private final AppModel app;
    private final ModelLoader modelLoader;
    private final ImageLoader imageLoader = new ImageLoader();
    /** The settings' signing hand, for the reading thread (set on the FX thread). */
    private volatile SigningHand signingHand;
    private final PreviewLoader previewLoader = new PreviewLoader(imageLoader, () -> signingHand);
    private final ThumbnailCache thumbnails = new ThumbnailCache(imageLoader, THUMBNAIL_SIDE, THUMBNAILS_KEPT);
    private final ExecutorService batches = Executors.newSingleThreadExecutor(daemon("fingerspell-files"));
    private final ExecutorService previews = Executors.newSingleThreadExecutor(daemon("fingerspell-files-preview"));
    private final ConcurrentLinkedQueue<FileRow> arrived = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean drainPending = new AtomicBoolean();
    private final AtomicInteger nextIndex = new AtomicInteger();
    private final AtomicLong previewGeneration = new AtomicLong();
    private final List<Batch> queued = new ArrayList<>();
    private final FileCounts counts = new FileCounts();

    // Confined to the batch thread: one classifier session, on the thread that uses it.
    private LoadedModel model;
    private FileClassifier classifier;
    private Path pasteFolder;
    private int pasted;

    public FilesViewModel(AppModel app, ModelLoader modelLoader) {
        this.app = Objects.requireNonNull(app, "app");
        this.modelLoader = Objects.requireNonNull(modelLoader, "modelLoader");
        filter.addListener((obs, was, now) -> refilter());
        signingHand = app.settings().signingHand();
        app.settingsProperty().addListener((obs, was, now) -> {
            signingHand = now.signingHand();
            refilter();
        });
        refilter();
    }

    // Commands

    /** Reads {@code inputs} (files as given, folders walked recursively) and adds a row for each file. */
    public void open(List<Path> inputs) {
        if (!inputs.isEmpty()) {
            submit(new Batch(List.copyOf(inputs), null));
        }
    }

    /** Reads a pasted (or dropped) image that has no file: it is saved as a PNG first, so it reads like one. */
    public void paste(BgraImage image) {
        submit(new Batch(List.of(), Objects.requireNonNull(image, "image")));
    }

    /** A pasted image refused before its pixels were copied (beyond the pixel limit) still gets its row. */
    public void refusePaste(String reason) {
        arrived.add(FileRow.of(nextIndex.incrementAndGet(), FileReading.failed(Path.of("pasted image"), reason)));
        drain();
    }

    /** Paste found neither an image nor files on the clipboard. */
    public void nothingToPaste() {
        say("Nothing to paste: the clipboard holds no image and no files.");
    }

    /** Stops the running batch and drops the queued ones; rows already read stay. */
    public void cancel() {
        for (Batch batch : List.copyOf(queued)) {
            batch.cancel();
        }
    }

    /** Cancels and empties the table. */
    public void clear() {
        queued.forEach(batch -> batch.cleared = true);
        cancel();
        arrived.clear();
        rows.clear();
        counts.reset();
        thumbnails.clear();
        nextIndex.set(0);
        select(null);
        refreshSummary();
        say(IDLE_TEXT);
    }

    /** Shows {@code row} in the detail panel (null: nothing); its image is decoded again off the FX thread. */
    public void select(FileRow row) {
        long generation = previewGeneration.incrementAndGet();
        if (row == null) {
            preview.set(null);
            return;
        }
        previews.execute(() -> {
            if (generation != previewGeneration.get()) {
                return; // the user has moved on: skip the decode
            }
            PreviewLoader.Pixels pixels;
            try {
                pixels = previewLoader.load(row);
            } catch (RuntimeException e) {
                LOG.warn("Preview of {} failed", row.file(), e);
                pixels = PreviewLoader.Pixels.problem("cannot be shown (" + e.getMessage() + ")");
            }
            PreviewLoader.Pixels made = pixels;
            Platform.runLater(() -> {
                if (generation == previewGeneration.get()) {
                    preview.set(new Preview(row, image(made.image()), image(made.crop()), made.box(),
                            made.problem(), made.brightened()));
                }
            });
        });
    }

    /** Writes {@code table} (the rows as shown: filtered and sorted) to {@code target} in the background. */
    public void exportCsv(List<FileRow> table, Path target) {
        List<FileRow> snapshot = List.copyOf(table);
        say("Exporting " + snapshot.size() + " rows…");
        app.background().run(() -> {
            FilesCsv.write(snapshot, target);
            return target;
        }, done -> say(String.format(Locale.ROOT, "Exported %,d rows to %s", snapshot.size(), done)),
                error -> say("Export failed: " + message(error)));
    }

    /** A thumbnail for the table, later on the FX thread when it is not cached. */
    void thumbnail(Path file, java.util.function.Consumer<Image> whenReady) {
        thumbnails.request(file, whenReady);
    }

    /** Thumbnails held now (bounded by {@link #THUMBNAILS_KEPT}); FX thread. */
    public int thumbnailsCached() {
        return thumbnails.cachedCount();
    }

    @Override
    public void close() {
        cancel();
        thumbnails.close();
        previews.shutdownNow();
        batches.execute(() -> {
            if (classifier != null) {
                classifier.close();
            }
            if (model != null) {
                model.close();
            }
        });
        batches.shutdown();
    }

    // Internals

    private void submit(Batch batch) {
        queued.add(batch);
        running.set(true);
        batch.setOnRunning(e -> {
            status.bind(batch.messageProperty());
            progress.bind(batch.progressProperty());
        });
        batch.setOnSucceeded(e -> finished(batch, String.format(Locale.ROOT, "Read %,d files in %.1f s.",
                batch.getValue(), batch.seconds())));
        batch.setOnCancelled(e -> finished(batch, String.format(Locale.ROOT, "Cancelled: %,d of %,d files read.",
                batch.filesRead(), batch.total())));
        batch.setOnFailed(e -> {
            Throwable error = batch.getException();
            if (!(error instanceof ModelException)) {
                LOG.error("Reading files failed", error);
            }
            finished(batch, "Cannot read the files: " + message(error));
        });
        batches.execute(batch);
    }

    private void finished(Batch batch, String message) {
        queued.remove(batch);
        if (status.isBound() && queued.isEmpty()) {
            status.unbind();
            progress.unbind();
        }
        if (queued.isEmpty()) {
            running.set(false);
            progress.set(batch.isCancelled() ? 0 : 1);
            status.set(message);
        }
    }

    /** A message in the status line, unless a batch's progress is showing there. */
    private void say(String message) {
        if (!status.isBound()) {
            status.set(message);
        }
    }

    private void publish(Batch batch, FileRow row) {
        if (batch.isCancelled() && batch.cleared) {
            return;
        }
        arrived.add(row);
        if (drainPending.compareAndSet(false, true)) {
            Platform.runLater(this::drain);
        }
    }

    /** FX thread: every row that arrived since the last drain, in one change of the list. */
    private void drain() {
        drainPending.set(false);
        List<FileRow> batch = new ArrayList<>();
        for (FileRow row = arrived.poll(); row != null; row = arrived.poll()) {
            batch.add(row);
            counts.add(row);
        }
        if (!batch.isEmpty()) {
            rows.addAll(batch);
            refreshSummary();
        }
    }

    private void refilter() {
        RowFilter current = filter.get();
        double threshold = app.settings().spelling().threshold();
        shown.setPredicate(row -> current.shows(row, threshold));
    }

    private void refreshSummary() {
        summary.set(counts.describe());
    }

    private static Image image(BgraImage pixels) {
        return pixels == null ? null : FxImages.of(pixels);
    }

    private static String message(Throwable error) {
        return error.getMessage() == null ? error.toString() : error.getMessage();
    }

    private static java.util.concurrent.ThreadFactory daemon(String name) {
        return task -> {
            Thread thread = new Thread(task, name);
            thread.setDaemon(true);
            return thread;
        };
    }

    /** One open, paste or drop: its files listed, then read one by one, checking for cancel before each. */
    private final class Batch extends Task<Integer> {
        private final List<Path> inputs;
        private final BgraImage pastedImage;
        private volatile int done;
        private volatile int total;
        private volatile long started;
        private volatile long ended;
        volatile boolean cleared;

        Batch(List<Path> inputs, BgraImage pastedImage) {
            this.inputs = inputs;
            this.pastedImage = pastedImage;
        }

        @Override
        protected Integer call() throws Exception {
            started = System.nanoTime();
            updateProgress(-1, 1);
            updateMessage("Finding images…");
            List<Path> files = new ArrayList<>();
            if (pastedImage != null) {
                files.add(savePasted(pastedImage));
            }
            for (Path input : inputs) {
                if (isCancelled()) {
                    return 0;
                }
                ThreadLog.shared().record(ThreadLog.FILE_IO);
                try {
                    files.addAll(ImageFiles.expand(List.of(input)));
                } catch (IOException e) {
                    publish(this, FileRow.of(nextIndex.incrementAndGet(),
                            FileReading.failed(input, "cannot list the folder (" + message(e) + ")")));
                }
            }
            total = files.size();
            if (files.isEmpty()) {
                return 0;
            }
            FileClassifier reader = classifier();
            for (Path file : files) {
                if (isCancelled()) {
                    break;
                }
                publish(this, FileRow.of(nextIndex.incrementAndGet(), read(reader, file)));
                done++;
                updateProgress(done, total);
                updateMessage(String.format(Locale.ROOT, "Reading %,d of %,d files…", done, total));
            }
            ended = System.nanoTime();
            return done;
        }

        private FileClassifier classifier() throws ModelException {
            if (classifier == null) {
                updateMessage("Loading the model…");
                model = modelLoader.load();
                FrameReader reader = new HandedReader(model.stillReaders().get(), () -> signingHand);
                reader.modelInput().ifPresent(previewLoader::showAsSeenBy);
                classifier = new FileClassifier(imageLoader, reader);
            }
            return classifier;
        }

        private FileReading read(FileClassifier reader, Path file) {
            try {
                return reader.classify(file);
            } catch (ModelException e) {
                return FileReading.failed(file, "the classifier failed (" + message(e) + ")");
            } catch (RuntimeException e) {
                LOG.warn("Reading {} failed", file, e);
                return FileReading.failed(file, "unexpected error (" + e + ")");
            }
        }

        private Path savePasted(BgraImage image) throws IOException {
            ThreadLog.shared().record(ThreadLog.FILE_IO);
            if (pasteFolder == null) {
                pasteFolder = Files.createTempDirectory("fingerspell-pasted-");
                pasteFolder.toFile().deleteOnExit();
            }
            Path file = pasteFolder.resolve(String.format(Locale.ROOT, "pasted-%d.png", ++pasted));
            image.writePng(file);
            file.toFile().deleteOnExit();
            return file;
        }

        int filesRead() {
            return done;
        }

        int total() {
            return total;
        }

        double seconds() {
            return ((ended == 0 ? System.nanoTime() : ended) - started) / 1e9;
        }
    }

    // Property accessors

    /** The rows the filter lets through, in reading order (the view sorts them). */
    public ObservableList<FileRow> shownRows() {
        return shown;
    }

    /** Every row. */
    public ObservableList<FileRow> rows() {
        return FXCollections.unmodifiableObservableList(rows);
    }

    public ObjectProperty<RowFilter> filterProperty() {
        return filter;
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** 0..1, or −1 while the files are being listed. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyObjectProperty<Preview> previewProperty() {
        return preview.getReadOnlyProperty();
    }
}
