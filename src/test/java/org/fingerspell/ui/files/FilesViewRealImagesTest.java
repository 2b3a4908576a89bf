package org.fingerspell.ui.files;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.fingerspell.TestData;
import org.fingerspell.cli.CliRun;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.LaunchOptions;
import org.fingerspell.ui.MainWindow;
import org.fingerspell.video.ModelLoader;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.fingerspell.ui.files.FilesUi.table;
import static org.fingerspell.ui.files.FilesUi.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

/**
 * The Files page with the committed model on real photographs from {@code ../shared/data}: the table must hold
 * exactly what {@code fingerspell classify} prints for the same files. Skipped where the data or model is absent.
 */
@ExtendWith(ApplicationExtension.class)
class FilesViewRealImagesTest {

    /** Phone photos of other hands and rooms beside kaggle-test's 28: first files of a few classes. */
    private static final List<String> PHONE_CLASSES = List.of("A", "B", "L", "V", "Y", "nothing");
    private static final int PER_CLASS = 2;

    @TempDir
    static Path temp;
    static Path model;
    static Path folder;
    static Map<String, JsonObject> expected;
    private final TestDialogs dialogs = new TestDialogs();
    private MainWindow window;

    @BeforeAll
    static void classifyWithTheCli() throws Exception {
        model = TestData.committedModel();
        Path kaggle = TestData.pack("kaggle-test");
        Path phone = TestData.pack("phone-train");
        folder = temp.resolve("images");
        copyTree(kaggle, folder.resolve("kaggle-test"));
        for (String label : PHONE_CLASSES) {
            Path target = Files.createDirectories(folder.resolve("phone-train").resolve(label));
            try (Stream<Path> files = Files.list(phone.resolve(label))) {
                for (Path file : files.filter(f -> f.toString().endsWith(".jpg")).sorted().limit(PER_CLASS).toList()) {
                    Files.copy(file, target.resolve(file.getFileName()));
                }
            }
        }
        CliRun run = CliRun.of("classify", "--json", "--top", "5", "--device", "cpu", "--model", model.toString(),
                folder.toString());
        assertEquals(0, run.exitCode(), run.err());
        expected = new HashMap<>();
        for (JsonElement record : JsonParser.parseString(run.out()).getAsJsonArray()) {
            expected.put(record.getAsJsonObject().get("file").getAsString(), record.getAsJsonObject());
        }
        assertEquals(28 + PHONE_CLASSES.size() * PER_CLASS, expected.size(), "the CLI read every file");
    }

    private static void copyTree(Path from, Path to) throws Exception {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().endsWith(".jpg")).toList()) {
                Path target = to.resolve(from.relativize(file).toString());
                Files.createDirectories(target.getParent());
                Files.copy(file, target);
            }
        }
    }

    @Start
    void start(Stage stage) {
        LaunchOptions options = new LaunchOptions(SourceSpec.camera(0), ModelLoader.onnx(model, DeviceChoice.CPU, 0),
                model.toString(), 30, false, new SettingsStore(temp.resolve("settings.json")));
        window = MainWindow.open(stage, options, AppSettings.DEFAULTS.withMirror(false), text -> { }, dialogs);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    @Test
    void openFolder_fillsTableWithTheSamePredictionsAsClassifyCommand(FxRobot robot) throws Exception {
        ThreadLog.shared().clear();
        robot.clickOn("#nav-files");
        dialogs.folder = folder;
        robot.clickOn("#filesOpenFolder");
        waitFor("every file in the table", 300, () -> table(robot).getItems().size() == expected.size()
                && !window.files().runningProperty().get());
        TableView<FileRow> table = table(robot);
        @SuppressWarnings("unchecked")
        TableColumn<FileRow, String> prediction = (TableColumn<FileRow, String>) table.getColumns().stream()
                .filter(c -> c.getId().equals("columnPrediction")).findFirst().orElseThrow();
        int matched = 0;
        for (FileRow row : table.getItems()) {
            JsonObject cli = expected.get(row.file().toString());
            assertNotNull(cli, "the CLI read " + row.file());
            String name = row.file().toString();
            assertEquals(cli.get("label").getAsString(), prediction.getCellData(row), name);
            assertEquals(cli.get("confidence").getAsDouble(), row.confidence(), 1e-5, name);
            assertEquals(cli.getAsJsonObject("hand").get("found").getAsBoolean(), row.handFound(), name);
            List<String> cliTop = cli.getAsJsonArray("top").asList().stream()
                    .map(t -> t.getAsJsonObject().get("label").getAsString()).toList();
            assertEquals(cliTop, row.top().stream().map(org.fingerspell.model.Score::label).toList(), name);
            String folderName = row.file().getParent().getFileName().toString();
            assertEquals(org.fingerspell.model.Labels.parse(folderName).orElseThrow(), row.trueLabel(),
                    "the class folder's name is the true label of " + name);
            matched++;
        }
        System.out.printf("Files page vs fingerspell classify: %d/%d predictions matched%n", matched,
                expected.size());
        assertEquals(expected.size(), matched);
        FilesUi.assertNothingBlockingOnFxThread(List.of(ThreadLog.FILE_IO, ThreadLog.INFERENCE,
                ThreadLog.MODEL_LOAD));
    }
}
