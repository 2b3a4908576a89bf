package org.fingerspell.ui.evaluation;

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
import javafx.collections.ObservableMap;
import javafx.concurrent.WorkerStateEvent;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.Image;
import org.fingerspell.dataset.ManifestConditions;
import org.fingerspell.eval.ConfusionMatrix;
import org.fingerspell.eval.EvaluationResult;
import org.fingerspell.eval.Formats;
import org.fingerspell.eval.ImageRecord;
import org.fingerspell.eval.ModelComparison;
import org.fingerspell.eval.ReportWriter;
import org.fingerspell.eval.Thumbnails;
import org.fingerspell.image.ImageLoadException;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.model.Labels;
import org.fingerspell.ui.AppModel;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

/**
 * The evaluation page's state and commands: which model(s) and set, the run in the background (progress, cancel),
 * and what it found, narrowed by the manifest's conditions. Holds no controls; every file read and every inference
 * runs on the app's background executor.
 */
public final class EvaluationViewModel {

    public enum State { IDLE, RUNNING, DONE, FAILED }

    /** Which classes are scored, as {@code fingerspell eval --classes} takes them. */
    public enum Scope {
        ALL("all", "All 29 classes"), LETTERS("letters", "Letters A–Z");

        private final String selection;
        private final String title;

        Scope(String selection, String title) {
            this.selection = selection;
            this.title = title;
        }

        public List<String> classes() {
            return Labels.parseSelection(selection);
        }

        @Override
        public String toString() {
            return title;
        }
    }

    /** One picture of the gallery: the image, or why it could not be shown. */
    public record Thumbnail(ImageRecord record, Image image, String problem) {
    }

    public static final int THUMBNAIL_SIDE = 112;
    public static final int TOP_CONFUSIONS = 10;

    // Properties: the choices
    private final ObjectProperty<Path> model = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> secondModel = new SimpleObjectProperty<>();
    private final ObjectProperty<Path> dataset = new SimpleObjectProperty<>();
    private final ObjectProperty<Scope> scope = new SimpleObjectProperty<>(Scope.ALL);

    // Properties: the run
    private final ReadOnlyObjectWrapper<State> state = new ReadOnlyObjectWrapper<>(State.IDLE);
    private final ReadOnlyDoubleWrapper progress = new ReadOnlyDoubleWrapper();
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper error = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper("");

    // Properties: what it found (after the condition filter)
    private final ReadOnlyObjectWrapper<EvaluationResult> result = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyObjectWrapper<ModelComparison> comparison = new ReadOnlyObjectWrapper<>();
    private final ObservableList<String> conditions = FXCollections.observableArrayList();
    private final ObservableList<String> conditionsView = FXCollections.unmodifiableObservableList(conditions);
    private final ObservableMap<String, String> filter = FXCollections.observableHashMap();
    private final ObservableMap<String, String> filterView = FXCollections.unmodifiableObservableMap(filter);
    private final ReadOnlyStringWrapper exportMessage = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper exporting = new ReadOnlyBooleanWrapper();

    private final AppModel app;
    private final ImageLoader loader = new ImageLoader();
    private AtomicBoolean cancelRequested = new AtomicBoolean();
    private ManifestConditions manifest;
    private List<EvaluationResult> fullResults = List.of();

    /** @param committedModel the model chosen at first (the committed one), or null */
    public EvaluationViewModel(AppModel app, Path committedModel) {
        this.app = Objects.requireNonNull(app, "app");
        model.set(committedModel);
    }

    public ObjectProperty<Path> modelProperty() {
        return model;
    }

    /** An optional second model, evaluated on the same images and shown beside the first; null for none. */
    public ObjectProperty<Path> secondModelProperty() {
        return secondModel;
    }

    public ObjectProperty<Path> datasetProperty() {
        return dataset;
    }

    public ObjectProperty<Scope> scopeProperty() {
        return scope;
    }

    public ReadOnlyObjectProperty<State> stateProperty() {
        return state.getReadOnlyProperty();
    }

    /** 0..1 over all the images of all the models; -1 (indeterminate) while the set is scanned and models load. */
    public ReadOnlyDoubleProperty progressProperty() {
        return progress.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty statusProperty() {
        return status.getReadOnlyProperty();
    }

    /** Why the last run could not start or failed, in words a user can act on; empty when it did not. */
    public ReadOnlyStringProperty errorProperty() {
        return error.getReadOnlyProperty();
    }

    /** What the user should know about the numbers: a cancelled run, folders not read, a broken manifest. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** The first model's result on the images the filter keeps; null before a run. */
    public ReadOnlyObjectProperty<EvaluationResult> resultProperty() {
        return result.getReadOnlyProperty();
    }

    /** Both models side by side on the filtered images; null with one model or an unfinished run. */
    public ReadOnlyObjectProperty<ModelComparison> comparisonProperty() {
        return comparison.getReadOnlyProperty();
    }

    /** The manifest's condition columns; empty (no filters to show) when the set has no manifest. */
    public ObservableList<String> conditions() {
        return conditionsView;
    }

    /** Condition → the value chosen; a condition not in it is not filtered on. */
    public ObservableMap<String, String> filter() {
        return filterView;
    }

    public ReadOnlyStringProperty exportMessageProperty() {
        return exportMessage.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty exportingProperty() {
        return exporting.getReadOnlyProperty();
    }

    /** The values the manifest holds for {@code condition}, sorted. */
    public List<String> values(String condition) {
        return manifest == null ? List.of() : manifest.values(condition);
    }

    // Commands

    /** Starts a run with the current choices, or explains in {@link #errorProperty()} what is missing. */
    public void evaluate() {
        if (state.get() == State.RUNNING) {
            return;
        }
        if (model.get() == null) {
            fail("Choose a model: an .onnx file with its .json descriptor beside it.");
            return;
        }
        if (dataset.get() == null) {
            fail("Choose a dataset folder: one sub-folder of images per class (A/, B/, …, del/, space/).");
            return;
        }
        List<Path> models = new ArrayList<>(List.of(model.get()));
        if (secondModel.get() != null) {
            models.add(secondModel.get());
        }
        AtomicBoolean cancel = new AtomicBoolean();
        cancelRequested = cancel;
        EvaluationTask task = new EvaluationTask(models, dataset.get(), scope.get().classes(), cancel::get, loader,
                app.settings().signingHand());
        error.set("");
        notice.set("");
        exportMessage.set("");
        fullResults = List.of();
        manifest = null;
        filter.clear();
        conditions.clear();
        applyFilter();
        state.set(State.RUNNING);
        progress.bind(task.progressProperty());
        status.bind(task.messageProperty());
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_SUCCEEDED, e -> finished(task.getValue()));
        task.addEventHandler(WorkerStateEvent.WORKER_STATE_FAILED, e -> {
            unbind();
            Throwable cause = task.getException();
            fail(cause.getMessage() == null ? cause.toString() : cause.getMessage());
            status.set("");
        });
        app.background().submit(task);
    }

    /** Stops the run after the image being read; what was read so far is shown, marked as partial. */
    public void cancel() {
        cancelRequested.set(true);
    }

    /** Keeps only the images whose {@code condition} is {@code value}; null or empty shows all again. */
    public void choose(String condition, String value) {
        if (value == null || value.isEmpty()) {
            filter.remove(condition);
        } else {
            filter.put(condition, value);
        }
        applyFilter();
    }

    /**
     * The first model's images behind one confusion cell: true class {@code trueLabel}, predicted {@code predicted}
     * ({@link ConfusionMatrix#OTHER} for predictions outside the scored classes), in set order.
     */
    public List<ImageRecord> imagesAt(String trueLabel, String predicted) {
        EvaluationResult shown = result.get();
        if (shown == null) {
            return List.of();
        }
        ConfusionMatrix matrix = shown.confusion();
        boolean other = ConfusionMatrix.OTHER.equals(predicted);
        return shown.records().stream().filter(r -> !r.isError() && r.trueLabel().equals(trueLabel))
                .filter(r -> other ? !matrix.isScored(r.predicted()) : r.predicted().equals(predicted)).toList();
    }

    /** Decodes small pictures of {@code records} in the background; {@code done} gets them on the FX thread. */
    public void loadThumbnails(List<ImageRecord> records, Consumer<List<Thumbnail>> done) {
        List<ImageRecord> copy = List.copyOf(records);
        app.background().run(() -> {
            List<Thumbnail> thumbnails = new ArrayList<>();
            for (ImageRecord record : copy) {
                try {
                    thumbnails.add(new Thumbnail(record,
                            SwingFXUtils.toFXImage(Thumbnails.load(loader, record.file(), THUMBNAIL_SIDE), null), null));
                } catch (ImageLoadException e) {
                    thumbnails.add(new Thumbnail(record, null, e.reason()));
                }
            }
            return thumbnails;
        }, done, e -> done.accept(copy.stream().map(r -> new Thumbnail(r, null, e.getMessage())).toList()));
    }

    /**
     * Writes the report {@code fingerspell eval --report} writes, of the numbers shown (the filtered images), into
     * {@code dir}; with two models, one report each in {@code dir/1-NAME} and {@code dir/2-NAME}.
     */
    public void export(Path dir) {
        Objects.requireNonNull(dir, "dir");
        List<EvaluationResult> shown = shownResults();
        if (shown.isEmpty() || exporting.get()) {
            return;
        }
        exporting.set(true);
        exportMessage.set("Writing the report to " + dir + " …");
        app.background().run(() -> {
            ReportWriter writer = new ReportWriter(loader);
            List<Path> pages = new ArrayList<>();
            for (int i = 0; i < shown.size(); i++) {
                Path target = shown.size() == 1 ? dir
                        : dir.resolve((i + 1) + "-" + safeName(shown.get(i).model() == null ? "model"
                        : shown.get(i).model().name()));
                pages.add(writer.write(shown.get(i), target));
            }
            return pages;
        }, pages -> {
            exporting.set(false);
            exportMessage.set("Report written: " + pages.get(0) + (pages.size() > 1 ? " and " + pages.get(1) : ""));
        }, e -> {
            exporting.set(false);
            exportMessage.set("Could not write the report to " + dir + ": " + e.getMessage());
        });
    }

    // Text the view shows

    public static String accuracyText(EvaluationResult shown) {
        var metrics = shown.metrics();
        return String.format(Locale.ROOT, "%s  (%d of %d)", Formats.percent(metrics.accuracy()), metrics.correct(),
                metrics.n());
    }

    /** "260 images scored; macro-F1 over the 26 classes present (absent, not scored: del nothing space)". */
    public static String scopeText(EvaluationResult shown) {
        var metrics = shown.metrics();
        List<String> absent = metrics.classesAbsent();
        return String.format(Locale.ROOT, "%d images scored; macro-F1 over the %d classes present%s.", metrics.n(),
                metrics.classesPresent().size(),
                absent.isEmpty() ? "" : " (absent from the set, not scored: " + String.join(" ", absent) + ")");
    }

    public static String macroF1Text(EvaluationResult shown) {
        return Formats.fraction(shown.metrics().macroF1());
    }

    // Internals

    private void finished(EvaluationTask.Outcome outcome) {
        unbind();
        manifest = outcome.manifest();
        fullResults = outcome.results();
        filter.clear();
        conditions.setAll(manifest == null ? List.of() : manifest.conditions());
        List<String> notes = new ArrayList<>();
        EvaluationResult last = fullResults.get(fullResults.size() - 1);
        if (fullResults.size() == 1 && last.cancelled()) {
            notes.add(String.format(Locale.ROOT, "Cancelled after %d images: the numbers cover only those.",
                    last.records().size()));
        }
        if (fullResults.size() == 1 && secondModel.get() != null) {
            notes.add("The second model was not run.");
        }
        if (fullResults.size() == 2 && last.cancelled()) {
            notes.add("The second model's run was cancelled: only the first model's numbers are shown.");
        }
        if (!outcome.ignoredFolders().isEmpty()) {
            notes.add("Not read (not class folders): " + String.join(", ", outcome.ignoredFolders()) + ".");
        }
        if (!last.excludedClasses().isEmpty()) {
            notes.add(images(last.excludedImages()) + " of " + String.join(", ", last.excludedClasses())
                    + " not scored (outside the chosen classes).");
        }
        if (!fullResults.get(0).errors().isEmpty()) {
            int errors = fullResults.get(0).errors().size();
            notes.add(images(errors) + (errors == 1 ? " could not be read and is" : " could not be read and are")
                    + " not scored.");
        }
        if (outcome.manifestProblem() != null) {
            notes.add("Condition filters unavailable: " + outcome.manifestProblem());
        }
        if (manifest != null) {
            long unlisted = fullResults.get(0).records().stream().filter(r -> manifest.of(r.file()).isEmpty())
                    .count();
            if (unlisted > 0) {
                notes.add(images(unlisted) + (unlisted == 1 ? " is" : " are") + " not in "
                        + ManifestConditions.FILE_NAME + ": a condition filter leaves "
                        + (unlisted == 1 ? "it" : "them") + " out.");
            }
            if (manifest.tornLastRow()) {
                notes.add("The last row of " + ManifestConditions.FILE_NAME
                        + " is incomplete (an interrupted write) and was not read.");
            }
        }
        notice.set(String.join(" ", notes));
        status.set(last.cancelled() ? "Cancelled" : "Done: " + last.records().size() + " images");
        state.set(State.DONE);
        applyFilter();
    }

    private void applyFilter() {
        List<EvaluationResult> shown = shownResults();
        result.set(shown.isEmpty() ? null : shown.get(0));
        ModelComparison both = null;
        if (shown.size() == 2 && !shown.get(0).cancelled() && !shown.get(1).cancelled()) {
            both = new ModelComparison(shown.get(0), shown.get(1));
        }
        comparison.set(both);
    }

    /** Every model's result narrowed to the images the filter keeps. */
    private List<EvaluationResult> shownResults() {
        if (manifest == null || filter.isEmpty()) {
            return fullResults;
        }
        Map<String, String> chosen = new LinkedHashMap<>(filter);
        return fullResults.stream().map(r -> r.subset(record -> manifest.matches(record.file(), chosen))).toList();
    }

    private void unbind() {
        progress.unbind();
        status.unbind();
    }

    private void fail(String message) {
        error.set(message);
        state.set(State.FAILED);
    }

    private static String images(long count) {
        return count + (count == 1 ? " image" : " images");
    }

    private static String safeName(String name) {
        return name.replaceAll("[^A-Za-z0-9._-]", "_");
    }

    /** The window is closing: stop a run. */
    public void close() {
        cancel();
    }
}
