package org.fingerspell.ui;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.fingerspell.TestData;
import org.fingerspell.cli.CliRun;
import org.fingerspell.cli.TinyModel;
import org.fingerspell.eval.ConfusionMatrix;
import org.fingerspell.eval.EvaluationResult;
import org.fingerspell.eval.Formats;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.evaluation.EvaluationViewModel;
import org.fingerspell.ui.evaluation.PerClassTable;
import org.fingerspell.video.SourceSpec;
import org.fingerspell.video.ThreadLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The evaluation page on real photographs: 4 Massey letters × 3 hands copied into a temporary set (with a
 * {@code manifest.csv} naming each image's signer, the hand it came from), the committed model, and every number
 * checked against what {@code fingerspell eval} prints and writes for the same folder. Skips without the model or
 * {@code ../shared/data}.
 */
@ExtendWith(ApplicationExtension.class)
class EvaluationViewTest {

    private static final List<String> CLASSES = List.of("A", "B", "C", "L");
    private static final List<String> HANDS = List.of("hand1", "hand2", "hand3");
    private static final String SIGNER = "hand2";

    @TempDir
    static Path temp;
    static Path model;
    static Path set;
    /** The images of {@link #SIGNER} alone, in a folder of their own: what the signer filter should match. */
    static Path signerSet;
    private MainWindow window;

    @BeforeAll
    static void data() throws IOException {
        model = TestData.committedModel();
        Path massey = TestData.pack("massey");
        set = Files.createDirectories(temp.resolve("massey-small"));
        signerSet = Files.createDirectories(temp.resolve("massey-" + SIGNER));
        StringBuilder manifest = new StringBuilder("file,label,signer,lighting\n");
        for (String label : CLASSES) {
            for (String hand : HANDS) {
                Path source;
                try (Stream<Path> files = Files.list(massey.resolve(label))) {
                    source = files.filter(f -> f.getFileName().toString().startsWith(hand + "_")).sorted()
                            .findFirst().orElseThrow(() -> new AssertionError("no " + hand + " image of " + label));
                }
                String name = source.getFileName().toString();
                Files.copy(source, Files.createDirectories(set.resolve(label)).resolve(name));
                manifest.append(label).append('/').append(name).append(',').append(label).append(',').append(hand)
                        .append(",studio\n");
                if (hand.equals(SIGNER)) {
                    Files.copy(source, Files.createDirectories(signerSet.resolve(label)).resolve(name));
                }
            }
        }
        Files.writeString(set.resolve("manifest.csv"), manifest);
    }

    @Start
    void start(Stage stage) throws IOException {
        Path live = Files.createDirectories(temp.resolve("live-frames"));
        LaunchOptions options = new LaunchOptions(SourceSpec.folder(live), SyntheticModel.loader(), "synthetic", 30,
                false, new SettingsStore(temp.resolve("settings.json")));
        window = MainWindow.open(stage, options, AppSettings.DEFAULTS, text -> { });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    // ---- what the command line reports on a folder

    /** {@code fingerspell eval DIR --report OUT [--model FILE]}: its metrics.json and predictions. */
    record CliEval(JsonObject metrics, List<String[]> predictions, Path report) {

        static CliEval of(Path dataset, Path model, String name) throws IOException {
            Path report = temp.resolve("cli-report-" + name);
            CliRun run = CliRun.of("eval", dataset.toString(), "--model", model.toString(), "--report",
                    report.toString());
            assertEquals(0, run.exitCode(), run.err());
            JsonObject metrics = JsonParser.parseString(Files.readString(report.resolve("metrics.json")))
                    .getAsJsonObject();
            List<String[]> predictions = new ArrayList<>();
            List<String> lines = Files.readAllLines(report.resolve("predictions.csv"));
            for (String line : lines.subList(1, lines.size())) {
                predictions.add(line.split(","));
            }
            return new CliEval(metrics, predictions, report);
        }

        double accuracy() {
            return metrics.get("accuracy").getAsDouble();
        }

        double macroF1() {
            return metrics.get("macro_f1").getAsDouble();
        }

        String accuracyText() {
            return String.format(Locale.ROOT, "%s  (%d of %d)", Formats.percent(accuracy()),
                    metrics.get("correct").getAsLong(), metrics.get("n").getAsLong());
        }

        /** true label → predicted column label → count, from metrics.json's matrix. */
        long count(String trueLabel, String predicted) {
            JsonObject confusion = metrics.getAsJsonObject("confusion");
            JsonArray labels = confusion.getAsJsonArray("labels");
            JsonArray columns = confusion.getAsJsonArray("column_labels");
            for (int r = 0; r < labels.size(); r++) {
                if (labels.get(r).getAsString().equals(trueLabel)) {
                    for (int c = 0; c < columns.size(); c++) {
                        if (columns.get(c).getAsString().equals(predicted)) {
                            return confusion.getAsJsonArray("counts").get(r).getAsJsonArray().get(c).getAsLong();
                        }
                    }
                }
            }
            throw new AssertionError(trueLabel + "/" + predicted + " not in the CLI's matrix");
        }

        List<String> columnLabels() {
            List<String> columns = new ArrayList<>();
            metrics.getAsJsonObject("confusion").getAsJsonArray("column_labels")
                    .forEach(c -> columns.add(c.getAsString()));
            return columns;
        }

        /** The file names the CLI read as {@code predicted} among images of {@code trueLabel}. */
        Set<String> files(String trueLabel, String predicted) {
            Set<String> names = new HashSet<>();
            for (String[] row : predictions) {
                if (row[1].equals(trueLabel) && row[2].equals(predicted)) {
                    names.add(Path.of(row[0]).getFileName().toString());
                }
            }
            return names;
        }
    }

    // ---- driving the page

    private void evaluate(FxRobot robot, Path dataset, Path first, Path second) {
        robot.clickOn("#nav-evaluation");
        robot.interact(() -> {
            window.evaluation().modelProperty().set(first);
            window.evaluation().secondModelProperty().set(second);
            window.evaluation().datasetProperty().set(dataset);
        });
        clickEvaluate(robot);
        waitFor("the evaluation", 180,
                () -> window.evaluation().stateProperty().get() != EvaluationViewModel.State.RUNNING);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(EvaluationViewModel.State.DONE, window.evaluation().stateProperty().get(),
                window.evaluation().errorProperty().get());
    }

    /** Clicks Evaluate and waits until the click has reached the view model (the glass robot may lag). */
    private void clickEvaluate(FxRobot robot) {
        robot.clickOn("#evaluate");
        WaitForAsyncUtils.waitForFxEvents();
        waitFor("the click on Evaluate to start a run", 10,
                () -> window.evaluation().stateProperty().get() != EvaluationViewModel.State.IDLE);
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    private static void waitFor(String what, int seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private void assertMatrixEquals(CliEval cli, EvaluationResult shown, FxRobot robot) {
        ConfusionMatrix matrix = shown.confusion();
        for (String trueLabel : CLASSES) {
            for (String column : cli.columnLabels()) {
                assertEquals(cli.count(trueLabel, column), matrix.count(trueLabel, column), trueLabel + "→" + column);
                long count = cli.count(trueLabel, column);
                if (count > 0) {
                    assertEquals(Long.toString(count), text(robot, "#cell-" + trueLabel + "-" + column),
                            "heat map cell " + trueLabel + "→" + column);
                }
            }
        }
    }

    // ---- the tests

    @Test
    void evaluate_showsCliNumbersAndMatrix_committedModelOnMassey(FxRobot robot) throws IOException {
        CliEval cli = CliEval.of(set, model, "full");
        evaluate(robot, set, model, null);
        EvaluationResult shown = window.evaluation().resultProperty().get();
        assertEquals(cli.accuracy(), shown.metrics().accuracy());
        assertEquals(cli.macroF1(), shown.metrics().macroF1());
        assertEquals(cli.accuracyText(), text(robot, "#accuracy"));
        assertEquals(Formats.fraction(cli.macroF1()), text(robot, "#macroF1"));
        assertMatrixEquals(cli, shown, robot);
        TableView<?> table = robot.lookup("#perClass").queryAs(TableView.class);
        assertEquals(PerClassTable.of(shown).rows(), table.getItems());
        assertEquals(CLASSES.size(), table.getItems().size());
    }

    @Test
    void evaluate_runsNoInferenceOrFileIoOnFxThread(FxRobot robot) throws Exception {
        ThreadLog.shared().clear();
        evaluate(robot, set, model, null);
        robot.clickOn(robot.lookup(".confusion-cell.filled").queryAs(Label.class));
        waitFor("the gallery", 30, () -> !robot.lookup("#gallery").queryAs(FlowPane.class).getChildren().isEmpty());
        String fxThread = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getName()).get();
        Map<String, Set<String>> threads = ThreadLog.shared().snapshot();
        for (String operation : List.of(ThreadLog.INFERENCE, ThreadLog.FILE_IO, ThreadLog.MODEL_LOAD)) {
            assertTrue(threads.containsKey(operation), operation + " was never recorded: " + threads);
        }
        threads.forEach((operation, names) ->
                assertFalse(names.contains(fxThread), operation + " ran on the FX thread: " + threads));
    }

    @Test
    void clickCell_galleryShowsItsImages(FxRobot robot) throws IOException {
        CliEval cli = CliEval.of(set, model, "cells");
        evaluate(robot, set, model, null);
        // An error cell when the model made one (the interesting case), the first diagonal cell otherwise.
        String[] cell = null;
        for (String trueLabel : CLASSES) {
            for (String column : cli.columnLabels()) {
                long count = cli.count(trueLabel, column);
                if (count > 0 && (cell == null || (!trueLabel.equals(column) && cell[0].equals(cell[1])))) {
                    cell = new String[] {trueLabel, column};
                }
            }
        }
        Set<String> expected = cli.files(cell[0], cell[1]);
        robot.clickOn("#cell-" + cell[0] + "-" + cell[1]);
        FlowPane gallery = robot.lookup("#gallery").queryAs(FlowPane.class);
        waitFor("the gallery", 30, () -> gallery.getChildren().size() == expected.size());
        Set<String> shown = new HashSet<>();
        for (Node tile : gallery.getChildren()) {
            shown.add(((Path) tile.getUserData()).getFileName().toString());
            assertTrue(robot.from(tile).lookup(".image-view").tryQuery().isPresent(), "no picture in " + tile);
        }
        assertEquals(expected, shown);
        assertTrue(text(robot, "#galleryTitle").startsWith(cell[0] + " read as " + cell[1] + ": " + expected.size()));
    }

    @Test
    void filter_showsNumbersOfFilteredSubset_signerFromManifest(FxRobot robot) throws IOException {
        CliEval alone = CliEval.of(signerSet, model, "signer");
        evaluate(robot, set, model, null);
        assertTrue(robot.lookup("#conditionFilters").query().isVisible());
        @SuppressWarnings("unchecked")
        ComboBox<String> signer = robot.lookup("#filter-signer").queryAs(ComboBox.class);
        assertEquals(List.of("", "hand1", "hand2", "hand3"), signer.getItems());
        robot.interact(() -> signer.setValue(SIGNER));
        EvaluationResult shown = window.evaluation().resultProperty().get();
        assertEquals(CLASSES.size(), shown.records().size());
        assertEquals(alone.accuracy(), shown.metrics().accuracy());
        assertEquals(alone.macroF1(), shown.metrics().macroF1());
        assertEquals(alone.accuracyText(), text(robot, "#accuracy"));
        assertEquals(Formats.fraction(alone.macroF1()), text(robot, "#macroF1"));
        assertMatrixEquals(alone, shown, robot);
        robot.interact(() -> signer.setValue(""));
        assertEquals(CLASSES.size() * HANDS.size(), window.evaluation().resultProperty().get().records().size());
    }

    @Test
    void export_writesSameReportFilesAsCli(FxRobot robot) throws IOException {
        CliEval cli = CliEval.of(set, model, "export");
        evaluate(robot, set, model, null);
        Path out = temp.resolve("exported");
        robot.interact(() -> window.evaluation().export(out));
        waitFor("the report", 60, () -> !window.evaluation().exportingProperty().get());
        assertTrue(text(robot, "#exportMessage").startsWith("Report written"), text(robot, "#exportMessage"));
        try (Stream<Path> files = Files.list(cli.report())) {
            for (Path file : files.toList()) {
                assertTrue(Files.exists(out.resolve(file.getFileName())), "missing " + file.getFileName());
            }
        }
        JsonObject metrics = JsonParser.parseString(Files.readString(out.resolve("metrics.json"))).getAsJsonObject();
        assertEquals(cli.accuracy(), metrics.get("accuracy").getAsDouble());
        assertEquals(cli.macroF1(), metrics.get("macro_f1").getAsDouble());
        assertEquals(cli.metrics().get("confusion"), metrics.get("confusion"));
        assertEquals(Files.readString(cli.report().resolve("per_class.csv")),
                Files.readString(out.resolve("per_class.csv")));
    }

    @Test
    void twoModels_sideBySideWithCliNumbersOfEach(FxRobot robot) throws IOException {
        Path tiny = TinyModel.install(Files.createDirectories(temp.resolve("tiny-" + System.nanoTime())));
        CliEval first = CliEval.of(set, model, "first");
        CliEval second = CliEval.of(set, tiny, "second");
        evaluate(robot, set, model, tiny);
        assertTrue(robot.lookup("#comparison").tryQuery().isPresent());
        assertEquals(Formats.percent(first.accuracy()), text(robot, "#accuracy"));
        assertEquals(Formats.percent(second.accuracy()), text(robot, "#accuracyB"));
        assertEquals(Formats.fraction(first.macroF1()), text(robot, "#macroF1"));
        assertEquals(Formats.fraction(second.macroF1()), text(robot, "#macroF1B"));
        assertEquals(PerClassTable.signed(second.macroF1() - first.macroF1()), text(robot, "#macroF1Difference"));
        TableView<?> table = robot.lookup("#perClass").queryAs(TableView.class);
        assertEquals(CLASSES.size(), table.getItems().size());
        JsonArray f1A = first.metrics().getAsJsonArray("per_class");
        JsonArray f1B = second.metrics().getAsJsonArray("per_class");
        for (Object item : table.getItems()) {
            List<?> row = (List<?>) item;
            for (int i = 0; i < f1A.size(); i++) {
                JsonObject a = f1A.get(i).getAsJsonObject();
                if (a.get("label").getAsString().equals(row.get(0))) {
                    double b = f1B.get(i).getAsJsonObject().get("f1").getAsDouble();
                    assertEquals(Formats.fraction(a.get("f1").getAsDouble()), row.get(2), "F1 1 of " + row.get(0));
                    assertEquals(Formats.fraction(b), row.get(3), "F1 2 of " + row.get(0));
                    assertEquals(PerClassTable.signed(b - a.get("f1").getAsDouble()), row.get(4));
                }
            }
        }
    }

    @Test
    void cancel_stopsBeforeTheEndAndShowsPartialNumbers(FxRobot robot) throws IOException {
        Path big = Files.createDirectories(temp.resolve("repeated-" + System.nanoTime()));
        int copies = 6;
        try (Stream<Path> files = Files.walk(set)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".jpg")).toList()) {
                Path folder = Files.createDirectories(big.resolve(set.relativize(file.getParent())));
                for (int i = 0; i < copies; i++) {
                    Files.copy(file, folder.resolve(i + "-" + file.getFileName()));
                }
            }
        }
        int total = CLASSES.size() * HANDS.size() * copies;
        robot.clickOn("#nav-evaluation");
        robot.interact(() -> {
            window.evaluation().modelProperty().set(model);
            window.evaluation().datasetProperty().set(big);
        });
        clickEvaluate(robot);
        waitFor("the first images", 120, () -> window.evaluation().progressProperty().get() > 0);
        robot.clickOn("#cancelEvaluation");
        waitFor("the run to stop", 60,
                () -> window.evaluation().stateProperty().get() == EvaluationViewModel.State.DONE);
        WaitForAsyncUtils.waitForFxEvents();
        EvaluationResult shown = window.evaluation().resultProperty().get();
        assertTrue(shown.cancelled());
        assertTrue(shown.records().size() < total, shown.records().size() + " of " + total);
        assertTrue(text(robot, "#evaluationNotice").startsWith("Cancelled after " + shown.records().size() + " images"),
                text(robot, "#evaluationNotice"));
        assertFalse(robot.lookup("#conditionFilters").query().isVisible(), "no manifest, yet filters are shown");
        assertFalse(robot.lookup("#evaluate").query().isDisabled());
    }
}
