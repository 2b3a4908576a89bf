package org.fingerspell.ui;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import javafx.scene.control.ComboBox;
import javafx.stage.Stage;
import org.fingerspell.TestData;
import org.fingerspell.cli.CliRun;
import org.fingerspell.dataset.CaptureStore;
import org.fingerspell.dataset.ManifestRow;
import org.fingerspell.dataset.StoreFileSystem;
import org.fingerspell.eval.EvaluationResult;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.evaluation.EvaluationViewModel;
import org.fingerspell.ui.live.LiveViewModel;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.SourceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * The whole loop a person follows: capture a labelled set through the Capture page from a folder source of real
 * photographs (phone-train held-out frames, the committed model finding the hands), then measure the committed
 * model on that captured set on the Evaluation page, and get the numbers {@code fingerspell eval} prints for the
 * same folder. Skips without the model or {@code ../shared/data}.
 */
@ExtendWith(ApplicationExtension.class)
class CapturedSetEvaluationTest {

    private static final List<String> CLASSES = List.of("B", "L");
    private static final int BURST = 2;

    @TempDir
    static Path temp;
    static Path model;
    private MainWindow window;

    @BeforeAll
    static void data() throws Exception {
        model = TestData.committedModel();
        Path phone = TestData.pack("phone-train");
        for (String label : CLASSES) {
            List<Path> files;
            try (Stream<Path> list = Files.list(phone.resolve(label))) {
                files = list.filter(f -> f.toString().endsWith(".jpg")).sorted().toList();
            }
            Path folder = Files.createDirectories(temp.resolve("frames").resolve(label));
            // The last files: the end of the file-number range, the held-out block.
            for (Path file : files.subList(files.size() - 6, files.size())) {
                Files.copy(file, folder.resolve(file.getFileName()));
            }
        }
    }

    @Start
    void start(Stage stage) {
        LaunchOptions options = new LaunchOptions(SourceSpec.folder(temp.resolve("frames").resolve(CLASSES.get(0))),
                ModelLoader.onnx(model, DeviceChoice.CPU, 1), model.toString(), 10, true,
                new SettingsStore(temp.resolve("settings.json")));
        window = MainWindow.open(stage, options, AppSettings.DEFAULTS.withMirror(false), text -> { });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    private static void waitFor(String what, int seconds, Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void capturedSet_evaluatedOnThePage_givesTheNumbersOfFingerspellEval(FxRobot robot) throws Exception {
        Path root = temp.resolve("captured");
        robot.clickOn("#nav-capture");
        robot.interact(() -> {
            robot.lookup("#lighting").queryAs(ComboBox.class).setValue("indoor");
            window.capture().countdownSecondsProperty().set(0);
            window.capture().intervalMillisProperty().set(300);
            window.capture().openDataset(root, StoreFileSystem.DISK);
        });
        waitFor("the dataset to open", 30, () -> window.capture().folderProperty().get() != null);
        waitFor("the model", 120, () -> window.live().modelStateProperty().get() == LiveViewModel.ModelState.READY);
        for (String label : CLASSES) {
            robot.interact(() -> window.live().start(SourceSpec.folder(temp.resolve("frames").resolve(label))));
            Thread.sleep(1500); // the new source's frames reach the reader before the run starts
            robot.interact(() -> {
                window.capture().classesProperty().set(label);
                window.capture().burstProperty().set(BURST);
            });
            robot.clickOn("#startGuided");
            waitFor("the guided run of " + label + " to start", 20, () -> window.capture().guidedProperty().get());
            waitFor("the guided run of " + label, 120, () -> !window.capture().guidedProperty().get());
        }
        List<ManifestRow> rows = CaptureStore.open(root).rows();
        assertEquals(List.of("B", "B", "L", "L"), rows.stream().map(ManifestRow::label).toList());
        rows.forEach(row -> assertEquals("indoor", row.session().lighting()));

        Path report = temp.resolve("cli-report");
        CliRun cli = CliRun.of("eval", root.toString(), "--model", model.toString(), "--report", report.toString());
        assertEquals(0, cli.exitCode(), cli.err());
        JsonObject metrics = JsonParser.parseString(Files.readString(report.resolve("metrics.json")))
                .getAsJsonObject();

        robot.clickOn("#nav-evaluation");
        robot.interact(() -> {
            window.evaluation().modelProperty().set(model);
            window.evaluation().datasetProperty().set(root);
        });
        robot.clickOn("#evaluate");
        WaitForAsyncUtils.waitForFxEvents();
        waitFor("the click on Evaluate", 20,
                () -> window.evaluation().stateProperty().get() != EvaluationViewModel.State.IDLE);
        waitFor("the evaluation", 180,
                () -> window.evaluation().stateProperty().get() != EvaluationViewModel.State.RUNNING);
        assertEquals(EvaluationViewModel.State.DONE, window.evaluation().stateProperty().get(),
                window.evaluation().errorProperty().get());
        EvaluationResult shown = window.evaluation().resultProperty().get();
        assertEquals(metrics.get("n").getAsLong(), shown.records().size());
        assertEquals(rows.size(), shown.records().size());
        assertEquals(metrics.get("accuracy").getAsDouble(), shown.metrics().accuracy());
        assertEquals(metrics.get("macro_f1").getAsDouble(), shown.metrics().macroF1());
        System.out.printf(java.util.Locale.ROOT, "captured set: %d images, page accuracy %.4f macro-F1 %.4f,"
                        + " fingerspell eval %.4f / %.4f%n", shown.records().size(), shown.metrics().accuracy(),
                shown.metrics().macroF1(), metrics.get("accuracy").getAsDouble(),
                metrics.get("macro_f1").getAsDouble());
    }
}
