package org.fingerspell.ui.evaluation;

import javafx.application.Platform;
import org.fingerspell.cli.TinyModel;
import org.fingerspell.dataset.ClassFolderSet;
import org.fingerspell.eval.EvaluationListener;
import org.fingerspell.eval.EvaluationResult;
import org.fingerspell.eval.Evaluator;
import org.fingerspell.eval.ImageRecord;
import org.fingerspell.image.ImageLoader;
import org.fingerspell.image.OpenCv;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.Labels;
import org.fingerspell.model.OnnxClassifier;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.AppModel;
import org.fingerspell.ui.Background;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.opencv.core.CvType;
import org.opencv.core.Mat;
import org.opencv.core.Scalar;
import org.opencv.imgcodecs.Imgcodecs;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The view model without a screen (the FX toolkit only runs its callbacks): the kilobyte test model on synthetic
 * images, so it runs in a fresh clone. Its numbers are checked against {@link Evaluator} run directly.
 */
class EvaluationViewModelTest {

    @TempDir
    Path temp;
    private Path tiny;
    private Path set;
    private AppModel app;
    private EvaluationViewModel viewModel;

    @BeforeAll
    static void toolkit() {
        try {
            Platform.startup(() -> { });
        } catch (IllegalStateException e) {
            // already started by another test class in this JVM
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        tiny = TinyModel.install(Files.createDirectories(temp.resolve("model")));
        set = syntheticSet(temp.resolve("set"), 4);
        app = new AppModel(new SettingsStore(temp.resolve("settings.json")), AppSettings.DEFAULTS, new Background());
        viewModel = onFx(() -> new EvaluationViewModel(app, tiny));
    }

    @AfterEach
    void tearDown() {
        app.close();
    }

    /** {@code perClass} images of distinct colours in A/, B/ and del/. */
    private static Path syntheticSet(Path root, int perClass) throws IOException {
        OpenCv.load();
        int shade = 0;
        for (String folder : new String[] {"A", "B", "del"}) {
            Path target = Files.createDirectories(root.resolve(folder));
            for (int i = 0; i < perClass; i++) {
                Mat image = new Mat(48, 64, CvType.CV_8UC3, new Scalar(shade % 256, (shade * 7) % 256, 90));
                try {
                    Imgcodecs.imwrite(target.resolve(String.format("%03d.png", i)).toString(), image);
                } finally {
                    image.release();
                }
                shade += 29;
            }
        }
        return root;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(10, TimeUnit.SECONDS);
    }

    private void run(Path dataset, Path first, Path second) throws Exception {
        onFx(() -> {
            viewModel.modelProperty().set(first);
            viewModel.secondModelProperty().set(second);
            viewModel.datasetProperty().set(dataset);
            viewModel.evaluate();
            return null;
        });
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS,
                () -> onFx(() -> viewModel.stateProperty().get() != EvaluationViewModel.State.RUNNING));
    }

    private static EvaluationResult direct(Path dataset, Path model) throws Exception {
        try (OnnxClassifier classifier = OnnxClassifier.load(model, DeviceChoice.CPU, 1)) {
            return Evaluator.evaluate(classifier, new ImageLoader(), ClassFolderSet.scan(dataset), Labels.ALL,
                    image -> org.fingerspell.hand.SigningHand.RIGHT,
                    EvaluationListener.NONE, () -> false);
        }
    }

    private void assertSameNumbers(EvaluationResult expected, EvaluationResult actual) {
        assertEquals(expected.metrics().accuracy(), actual.metrics().accuracy());
        assertEquals(expected.metrics().macroF1(), actual.metrics().macroF1());
        for (String t : Labels.ALL) {
            for (String p : Labels.ALL) {
                assertEquals(expected.confusion().count(t, p), actual.confusion().count(t, p), t + "→" + p);
            }
        }
    }

    @Test
    void evaluate_numbersEqualEvaluator_tinyModel() throws Exception {
        run(set, tiny, null);
        assertEquals(EvaluationViewModel.State.DONE, viewModel.stateProperty().get(), viewModel.errorProperty().get());
        assertEquals(12, viewModel.resultProperty().get().records().size());
        assertSameNumbers(direct(set, tiny), viewModel.resultProperty().get());
        assertEquals(1.0, viewModel.progressProperty().get());
        assertNull(viewModel.comparisonProperty().get());
    }

    @Test
    void evaluate_failsWithMessage_noModelChosen() throws Exception {
        run(set, null, null);
        assertEquals(EvaluationViewModel.State.FAILED, viewModel.stateProperty().get());
        assertTrue(viewModel.errorProperty().get().startsWith("Choose a model"), viewModel.errorProperty().get());
    }

    @Test
    void evaluate_failsWithMessage_noDatasetChosen() throws Exception {
        run(null, tiny, null);
        assertEquals(EvaluationViewModel.State.FAILED, viewModel.stateProperty().get());
        assertTrue(viewModel.errorProperty().get().startsWith("Choose a dataset folder"));
    }

    @Test
    void evaluate_failsNamingDescriptor_modelWithoutJson() throws Exception {
        Path lone = Files.copy(tiny, Files.createDirectories(temp.resolve("lone")).resolve("lone.onnx"));
        run(set, lone, null);
        assertEquals(EvaluationViewModel.State.FAILED, viewModel.stateProperty().get());
        assertTrue(viewModel.errorProperty().get().contains("lone.json: model descriptor not found"),
                viewModel.errorProperty().get());
    }

    @Test
    void evaluate_failsWithMessage_notAnOnnxFile() throws Exception {
        Path dir = Files.createDirectories(temp.resolve("broken"));
        Path broken = Files.writeString(dir.resolve("tiny.onnx"), "not a model");
        Files.copy(tiny.resolveSibling("tiny.json"), dir.resolve("tiny.json"));
        run(set, broken, null);
        assertEquals(EvaluationViewModel.State.FAILED, viewModel.stateProperty().get());
        assertTrue(viewModel.errorProperty().get().contains("not a valid ONNX model"), viewModel.errorProperty().get());
    }

    @Test
    void evaluate_failsBeforeFirstRun_wrongSecondModel() throws Exception {
        run(set, tiny, temp.resolve("missing.onnx"));
        assertEquals(EvaluationViewModel.State.FAILED, viewModel.stateProperty().get());
        assertTrue(viewModel.errorProperty().get().contains("missing.onnx: model file not found"),
                viewModel.errorProperty().get());
        assertNull(viewModel.resultProperty().get());
    }

    @Test
    void evaluate_failsWithMessage_folderWithoutClassFolders() throws Exception {
        Path empty = Files.createDirectories(temp.resolve("holiday-photos/2024"));
        run(empty.getParent(), tiny, null);
        assertEquals(EvaluationViewModel.State.FAILED, viewModel.stateProperty().get());
        assertTrue(viewModel.errorProperty().get().contains("no images in class folders"),
                viewModel.errorProperty().get());
        assertTrue(viewModel.noticeProperty().get().isEmpty());
    }

    @Test
    void evaluate_failsWithMessage_datasetFolderMissing() throws Exception {
        run(temp.resolve("nowhere"), tiny, null);
        assertEquals(EvaluationViewModel.State.FAILED, viewModel.stateProperty().get());
        assertTrue(viewModel.errorProperty().get().contains("dataset folder not found"),
                viewModel.errorProperty().get());
    }

    @Test
    void scope_letters_delNotScoredAndNoted() throws Exception {
        onFx(() -> {
            viewModel.scopeProperty().set(EvaluationViewModel.Scope.LETTERS);
            return null;
        });
        run(set, tiny, null);
        assertEquals(8, viewModel.resultProperty().get().records().size());
        assertTrue(viewModel.noticeProperty().get().contains("4 images of del not scored"),
                viewModel.noticeProperty().get());
    }

    @Test
    void conditions_empty_noManifest() throws Exception {
        run(set, tiny, null);
        assertTrue(viewModel.conditions().isEmpty());
    }

    @Test
    void choose_numbersOfMatchingImagesOnly_manifestCondition() throws Exception {
        Files.writeString(set.resolve("manifest.csv"), "file,label,lighting\nA/000.png,A,dim\nA/001.png,A,bright\n"
                + "B/000.png,B,dim\nB/002.png,B,dim\ndel/003.png,del,bright\n");
        Path dim = Files.createDirectories(temp.resolve("dim"));
        for (String file : List.of("A/000.png", "B/000.png", "B/002.png")) {
            Files.copy(set.resolve(file), Files.createDirectories(dim.resolve(file).getParent()).resolve(
                    Path.of(file).getFileName()));
        }
        run(set, tiny, null);
        assertEquals(List.of("lighting"), viewModel.conditions());
        assertTrue(viewModel.noticeProperty().get().contains("7 images are not in manifest.csv"),
                viewModel.noticeProperty().get());
        assertEquals(List.of("bright", "dim"), viewModel.values("lighting"));
        onFx(() -> {
            viewModel.choose("lighting", "dim");
            return null;
        });
        assertEquals(3, viewModel.resultProperty().get().records().size());
        assertSameNumbers(direct(dim, tiny), viewModel.resultProperty().get());
        onFx(() -> {
            viewModel.choose("lighting", null);
            return null;
        });
        assertEquals(12, viewModel.resultProperty().get().records().size());
    }

    @Test
    void evaluate_noticeNamesProblem_brokenManifest() throws Exception {
        Files.writeString(set.resolve("manifest.csv"), "path,lighting\nA/000.png,dim\n");
        run(set, tiny, null);
        assertEquals(EvaluationViewModel.State.DONE, viewModel.stateProperty().get());
        assertTrue(viewModel.noticeProperty().get().contains("no 'file' column"), viewModel.noticeProperty().get());
        assertTrue(viewModel.conditions().isEmpty());
    }

    @Test
    void imagesAt_recordsOfThatCell() throws Exception {
        run(set, tiny, null);
        EvaluationResult result = viewModel.resultProperty().get();
        for (ImageRecord record : result.records()) {
            List<ImageRecord> cell = viewModel.imagesAt(record.trueLabel(), record.predicted());
            assertTrue(cell.contains(record));
            assertEquals(result.confusion().count(record.trueLabel(), record.predicted()), cell.size());
            assertTrue(cell.stream().allMatch(r -> r.trueLabel().equals(record.trueLabel())
                    && r.predicted().equals(record.predicted())));
        }
    }

    @Test
    void loadThumbnails_onePicturePerRecordOnFxThread() throws Exception {
        run(set, tiny, null);
        List<ImageRecord> records = viewModel.resultProperty().get().records().subList(0, 3);
        AtomicReference<List<EvaluationViewModel.Thumbnail>> got = new AtomicReference<>();
        AtomicReference<Boolean> onFx = new AtomicReference<>();
        onFx(() -> {
            viewModel.loadThumbnails(records, thumbnails -> {
                onFx.set(Platform.isFxApplicationThread());
                got.set(thumbnails);
            });
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> got.get() != null);
        assertTrue(onFx.get());
        assertEquals(records, got.get().stream().map(EvaluationViewModel.Thumbnail::record).toList());
        got.get().forEach(t -> assertEquals(64, t.image().getWidth()));
    }

    @Test
    void comparison_bothModelsOnSameImages_twoModels() throws Exception {
        run(set, tiny, tiny);
        assertNotNull(viewModel.comparisonProperty().get());
        assertEquals(viewModel.comparisonProperty().get().accuracyA(), viewModel.comparisonProperty().get().accuracyB());
        assertEquals(0.0, viewModel.comparisonProperty().get().macroF1Difference());
    }

    @Test
    void export_writesOneReportPerModel_twoModels() throws Exception {
        run(set, tiny, tiny);
        Path out = temp.resolve("report");
        onFx(() -> {
            viewModel.export(out);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !viewModel.exportingProperty().get()));
        assertTrue(Files.isRegularFile(out.resolve("1-tiny/metrics.json")));
        assertTrue(Files.isRegularFile(out.resolve("2-tiny/report.html")));
        assertTrue(viewModel.exportMessageProperty().get().startsWith("Report written"));
    }

    @Test
    void export_messageAndNothingLost_targetIsAFile() throws Exception {
        run(set, tiny, null);
        Path file = Files.writeString(temp.resolve("taken"), "keep me");
        onFx(() -> {
            viewModel.export(file);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !viewModel.exportingProperty().get()));
        assertTrue(viewModel.exportMessageProperty().get().startsWith("Could not write the report to " + file),
                viewModel.exportMessageProperty().get());
        assertEquals("keep me", Files.readString(file));
        assertNotNull(viewModel.resultProperty().get());
    }

    @Test
    void evaluate_clearsPreviousResult_newRunFails() throws Exception {
        run(set, tiny, null);
        assertNotNull(viewModel.resultProperty().get());
        run(temp.resolve("nowhere"), tiny, null);
        assertNull(viewModel.resultProperty().get());
        assertFalse(viewModel.errorProperty().get().isEmpty());
    }

    @Test
    void export_reportCoversFilteredImagesOnly_conditionChosen() throws Exception {
        Files.writeString(set.resolve("manifest.csv"), "file,lighting\nA/000.png,dim\nB/001.png,dim\nB/002.png,bright\n");
        run(set, tiny, null);
        Path out = temp.resolve("dim-report");
        onFx(() -> {
            viewModel.choose("lighting", "dim");
            viewModel.export(out);
            return null;
        });
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> onFx(() -> !viewModel.exportingProperty().get()));
        com.google.gson.JsonObject metrics = com.google.gson.JsonParser.parseString(
                Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
        assertEquals(2, metrics.get("n").getAsInt());
        assertEquals(viewModel.resultProperty().get().metrics().accuracy(), metrics.get("accuracy").getAsDouble());
    }

    @Test
    void evaluate_scoresTheRestAndSaysSo_unreadableImage() throws Exception {
        Files.write(set.resolve("B/broken.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, 2});
        run(set, tiny, null);
        assertEquals(EvaluationViewModel.State.DONE, viewModel.stateProperty().get());
        assertEquals(1, viewModel.resultProperty().get().errors().size());
        assertEquals(12, viewModel.resultProperty().get().metrics().n());
        assertTrue(viewModel.noticeProperty().get().contains("1 image could not be read and is not scored"),
                viewModel.noticeProperty().get());
    }
}
