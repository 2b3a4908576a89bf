package org.fingerspell.ui.files;

import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.image.ImageView;
import javafx.stage.Stage;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.LaunchOptions;
import org.fingerspell.ui.MainWindow;
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

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.fingerspell.ui.files.FilesUi.table;
import static org.fingerspell.ui.files.FilesUi.waitFor;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The Files page in the real window, headless, with a stand-in classifier so it runs on any machine: the dialogs,
 * error rows, drag and drop, the filter, the detail panel, export, and the threads that do the work.
 */
@ExtendWith(ApplicationExtension.class)
class FilesViewTest {

    @TempDir
    static Path temp;
    static Path set;
    private final TestDialogs dialogs = new TestDialogs();
    private MainWindow window;

    @BeforeAll
    static void images() throws Exception {
        set = temp.resolve("set");
        ColourModel.write(set.resolve("A/a1.png"), "A", 0.9, true);
        ColourModel.write(set.resolve("B/b1.png"), "A", 0.7, true);
        ColourModel.write(set.resolve("B/b2.png"), "B", 0.2, true); // below the default threshold (0.25)
        Files.write(set.resolve("B/corrupt.jpg"), new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x01, 0x02});
        Files.writeString(set.resolve("B/readme.dat"), "this is text, not an image");
    }

    @Start
    void start(Stage stage) {
        LaunchOptions options = new LaunchOptions(SourceSpec.camera(0), ColourModel.loader(), "colour", 30, false,
                new SettingsStore(temp.resolve("settings.json")));
        window = MainWindow.open(stage, options, AppSettings.DEFAULTS.withMirror(false), text -> { }, dialogs);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    private void openSet(FxRobot robot) {
        robot.clickOn("#nav-files");
        dialogs.folder = set;
        robot.clickOn("#filesOpenFolder");
        waitFor("five rows", 30, () -> table(robot).getItems().size() == 5
                && !window.files().runningProperty().get());
    }

    private static FileRow row(TableView<FileRow> table, String name) {
        return table.getItems().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void openFolder_fillsTableWithReadingsAndErrorRows(FxRobot robot) {
        openSet(robot);
        TableView<FileRow> table = table(robot);
        assertEquals(1, dialogs.opened);
        assertEquals("A", row(table, "a1.png").label());
        assertEquals("A", row(table, "a1.png").trueLabel());
        assertTrue(row(table, "b1.png").wrong(), "B/b1.png read as A is wrong");

        FileRow corrupt = row(table, "corrupt.jpg");
        FileRow text = row(table, "readme.dat");
        assertTrue(corrupt.failed() && text.failed());
        assertTrue(corrupt.error().contains("JPEG"), corrupt.error());
        assertTrue(text.error().startsWith("not an image"), text.error());
        @SuppressWarnings("unchecked")
        TableColumn<FileRow, String> problem = (TableColumn<FileRow, String>) table.getColumns().stream()
                .filter(c -> c.getId().equals("columnProblem")).findFirst().orElseThrow();
        assertEquals(text.error(), problem.getCellData(text), "the reason is in the table");
        assertTrue(robot.lookup("#filesSummary").queryAs(Label.class).getText().startsWith("5 files · 2 errors"));
    }

    @Test
    void dropFile_classifiesIt(FxRobot robot) throws Exception {
        robot.clickOn("#nav-files");
        Path dropped = ColourModel.write(temp.resolve("drop/Y/dropped.png"), "Y", 0.8, true);
        assertTrue(FilesUi.drop(robot, robot.lookup("#filesTable").query(), List.of(dropped.toFile())),
                "the view accepts a dragged file and completes the drop");
        waitFor("the dropped file's row", 30, () -> table(robot).getItems().size() == 1);
        FileRow row = table(robot).getItems().get(0);
        assertEquals(dropped, row.file());
        assertEquals("Y", row.label());
        assertEquals("Y", row.trueLabel());
        assertEquals(0, dialogs.opened, "no dialog for a drop");
    }

    @Test
    void pasteButton_readsTheClipboardImage(FxRobot robot) throws Exception {
        robot.clickOn("#nav-files");
        Path source = ColourModel.write(temp.resolve("paste/k.png"), "K", 0.75, true);
        javafx.scene.image.Image image = new javafx.scene.image.Image(source.toUri().toString());
        robot.interact(() -> javafx.scene.input.Clipboard.getSystemClipboard()
                .setContent(java.util.Map.of(javafx.scene.input.DataFormat.IMAGE, image)));
        robot.clickOn("#filesPaste");
        waitFor("the pasted image's row", 30, () -> table(robot).getItems().size() == 1
                && !window.files().runningProperty().get());
        FileRow row = table(robot).getItems().get(0);
        assertEquals("K", row.label());
        assertEquals(0.75, row.confidence(), 0.01);

        robot.interact(() -> javafx.scene.input.Clipboard.getSystemClipboard().clear());
        robot.clickOn("#filesPaste");
        assertTrue(window.files().statusProperty().get().startsWith("Nothing to paste"));
        assertEquals(1, table(robot).getItems().size());
    }

    @Test
    void filterErrors_showsOnlyFailedFiles(FxRobot robot) {
        openSet(robot);
        @SuppressWarnings("unchecked")
        ComboBox<RowFilter> filter = robot.lookup("#filesFilter").queryAs(ComboBox.class);
        robot.interact(() -> filter.setValue(RowFilter.ERRORS));
        assertEquals(List.of("corrupt.jpg", "readme.dat"),
                table(robot).getItems().stream().map(FileRow::name).sorted().toList());
        robot.interact(() -> filter.setValue(RowFilter.LOW_CONFIDENCE));
        assertEquals(List.of("b2.png"), table(robot).getItems().stream().map(FileRow::name).toList());
    }

    @Test
    void sortByConfidence_ordersRows(FxRobot robot) {
        openSet(robot);
        TableView<FileRow> table = table(robot);
        TableColumn<FileRow, ?> confidence = table.getColumns().stream()
                .filter(c -> c.getId().equals("columnConfidence")).findFirst().orElseThrow();
        robot.interact(() -> {
            confidence.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(confidence));
        });
        List<String> read = table.getItems().stream().filter(r -> !r.failed()).map(FileRow::name).toList();
        assertEquals(List.of("a1.png", "b1.png", "b2.png"), read);
    }

    @Test
    void selectRow_showsImageBoxCropAndTopFive(FxRobot robot) {
        openSet(robot);
        TableView<FileRow> table = table(robot);
        robot.interact(() -> table.getSelectionModel().select(row(table, "a1.png")));
        waitFor("the preview", 10, () -> window.files().previewProperty().get() != null);
        assertEquals("A", robot.lookup("#filesPreviewLetter").queryAs(Label.class).getText());
        assertEquals("90.0%", robot.lookup("#filesPreviewConfidence").queryAs(Label.class).getText());
        assertNotNull(robot.lookup("#filesPreviewCrop").queryAs(ImageView.class).getImage());
        assertNotNull(robot.lookup("#previewImage").queryAs(ImageView.class).getImage());
        assertTrue(robot.lookup("#previewBox").query().isVisible(), "the hand box is drawn");
        assertEquals(FileRow.TOP, robot.lookup("#filesPreviewTop").queryAs(javafx.scene.layout.VBox.class)
                .getChildren().size());

        robot.interact(() -> table.getSelectionModel().select(row(table, "corrupt.jpg")));
        waitFor("the error preview", 10, () -> window.files().previewProperty().get().row().failed());
        Label problem = robot.lookup("#filesPreviewProblem").queryAs(Label.class);
        assertTrue(problem.isVisible() && problem.getText().contains("JPEG"), problem.getText());
    }

    @Test
    void exportButton_writesCsvOfTheRowsShown(FxRobot robot) throws Exception {
        openSet(robot);
        Path csv = temp.resolve("export.csv");
        dialogs.csv = csv;
        robot.clickOn("#filesExport");
        waitFor("the export", 10, () -> Files.exists(csv)
                && window.files().statusProperty().get().startsWith("Exported"));
        List<String> lines = Files.readAllLines(csv);
        assertEquals(6, lines.size(), String.join("\n", lines));
        assertEquals(FilesCsv.HEADER, lines.get(0));
    }

    @Test
    void batch_readsFilesAndThumbnailsOffTheFxThread(FxRobot robot) throws Exception {
        ThreadLog.shared().clear();
        openSet(robot);
        // Thumbnails load for the visible rows: wait until the table's cells show them.
        waitFor("thumbnails", 10, () -> robot.lookup(".table-cell").queryAll().stream()
                .anyMatch(cell -> cell instanceof javafx.scene.control.TableCell<?, ?> c
                        && c.getGraphic() instanceof ImageView view && view.getImage() != null));
        FilesUi.assertNothingBlockingOnFxThread(List.of(ThreadLog.FILE_IO, ThreadLog.INFERENCE,
                ThreadLog.MODEL_LOAD));
        assertTrue(ThreadLog.shared().snapshot().get(ThreadLog.INFERENCE).contains("fingerspell-files"));
        assertTrue(ThreadLog.shared().snapshot().get(ThreadLog.FILE_IO).contains("fingerspell-thumbnails"));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(window.files().runningProperty().get());
    }
}
