package org.fingerspell.ui;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.layout.FlowPane;
import javafx.stage.Stage;
import org.fingerspell.dataset.CaptureStore;
import org.fingerspell.dataset.FaultyFileSystem;
import org.fingerspell.dataset.ManifestRow;
import org.fingerspell.dataset.TestDisks;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.capture.CaptureView;
import org.fingerspell.ui.capture.CaptureViewModel;
import org.fingerspell.video.SourceSpec;
import org.fingerspell.video.ThreadLog;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
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
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.fingerspell.dataset.DatasetAssertions.assertConsistent;
import static org.fingerspell.dataset.DatasetAssertions.manifestRows;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The capture page in the real window, headless, fed by a looping folder of frames and the synthetic classifier:
 * guided runs, single shots, a disk that fails mid-run, review, and what it does on the threads.
 */
@ExtendWith(ApplicationExtension.class)
class CaptureViewTest {

    @TempDir
    static Path frames;
    @TempDir
    Path temp;
    private MainWindow window;

    @BeforeAll
    static void writeFrames() throws Exception {
        SyntheticModel.writeFrames(frames.resolve("abc"), "A*10,B*10,C*10");
    }

    @Start
    void start(Stage stage) {
        LaunchOptions options = new LaunchOptions(SourceSpec.folder(frames.resolve("abc")), SyntheticModel.loader(),
                "synthetic", 30, true, new SettingsStore(frames.resolve("settings.json")));
        window = MainWindow.open(stage, options, AppSettings.DEFAULTS.withMirror(false), text -> { });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    private CaptureViewModel capture() {
        return window.capture();
    }

    private CaptureView page() {
        return window.shell().pages().stream().filter(CaptureView.class::isInstance).map(CaptureView.class::cast)
                .findFirst().orElseThrow();
    }

    private static void waitFor(String what, int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens the capture page on {@code root} with the session form filled in, the way a person would. */
    private void open(FxRobot robot, Path root, org.fingerspell.dataset.StoreFileSystem files) {
        robot.clickOn("#nav-capture");
        robot.clickOn("#signer").write("tess");
        robot.interact(() -> {
            robot.lookup("#lighting").queryAs(ComboBox.class).setValue("dim");
            robot.lookup("#background").queryAs(ComboBox.class).setValue("cluttered");
            robot.lookup("#handedness").queryAs(ComboBox.class).setValue("left");
            capture().countdownSecondsProperty().set(0);
            capture().intervalMillisProperty().set(150);
            capture().openDataset(root, files);
        });
        waitFor("the dataset to open", 20, () -> capture().folderProperty().get() != null);
        waitFor("the model", 30, () -> window.live().modelStateProperty().get()
                == org.fingerspell.ui.live.LiveViewModel.ModelState.READY);
    }

    private void guided(FxRobot robot, String classes, int frames) {
        robot.interact(() -> {
            capture().classesProperty().set(classes);
            capture().burstProperty().set(frames);
        });
        robot.clickOn("#startGuided");
    }

    @Test
    void guidedRun_threeClassesTwoFrames_writesSixImagesAndSixRowsWithLabelsAndConditions(FxRobot robot)
            throws Exception {
        ThreadLog.shared().clear();
        Path root = temp.resolve("set");
        open(robot, root, org.fingerspell.dataset.StoreFileSystem.DISK);
        guided(robot, "A,B,C", 2);
        assertTrue(capture().guidedProperty().get());
        assertTrue(robot.lookup("#prompt").query().isVisible());

        waitFor("the guided run to finish", 60, () -> !capture().guidedProperty().get());

        assertEquals(6, capture().savedProperty().get());
        List<ManifestRow> rows = manifestRows(root);
        assertEquals(List.of("A", "A", "B", "B", "C", "C"), rows.stream().map(ManifestRow::label).toList());
        for (ManifestRow row : rows) {
            assertEquals("tess", row.session().signer());
            assertEquals("dim", row.session().lighting());
            assertEquals("cluttered", row.session().background());
            assertEquals("left", row.session().handedness());
            assertEquals("synthetic", row.model());
            assertTrue(row.box() != null, "the synthetic reader finds a hand: " + row.file());
        }
        try (var images = Files.walk(root)) {
            assertEquals(6, images.filter(p -> p.toString().endsWith(".png")).count());
        }
        assertConsistent(root);
        String fxThread = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getName()).get();
        Set<String> io = ThreadLog.shared().snapshot().get(ThreadLog.FILE_IO);
        assertTrue(io != null && !io.contains(fxThread), "file I/O threads: " + io);
    }

    @Test
    void guidedRun_diskFailsAtTheFourthImage_stopsWithTheMessageAndKeepsTheFirstThree(FxRobot robot)
            throws Exception {
        Path root = temp.resolve("set");
        open(robot, root, new FaultyFileSystem().failImagesAfter(3));
        guided(robot, "A,B,C", 2);

        waitFor("capture to stop", 60, () -> !capture().stoppedProperty().get().isEmpty());
        waitFor("the run to end", 10, () -> !capture().guidedProperty().get());

        assertTrue(capture().stoppedProperty().get().startsWith("Capture stopped: the disk is full"),
                capture().stoppedProperty().get());
        assertTrue(robot.lookup("#stoppedMessage").query().isVisible());
        assertEquals(List.of("A", "A", "B"), manifestRows(root).stream().map(ManifestRow::label).toList());
        assertConsistent(root);
        robot.clickOn("#shoot");
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(3, manifestRows(root).size(), "a stopped capture takes no more shots");
    }

    @Test
    void guidedRun_folderMadeReadOnlyForReal_stopsWithTheMessageAndKeepsEarlierImages(FxRobot robot)
            throws Exception {
        Optional<TestDisks.Tmpfs> mounted = TestDisks.isRoot() ? TestDisks.tmpfs(temp.resolve("disk"), 2048)
                : Optional.empty();
        Assumptions.assumeTrue(mounted.isPresent() || !TestDisks.isRoot(), TestDisks.CANNOT);
        Path root = mounted.map(disk -> disk.dir().resolve("set")).orElse(temp.resolve("set"));
        try {
            open(robot, root, org.fingerspell.dataset.StoreFileSystem.DISK);
            guided(robot, "A", 2);
            waitFor("two images", 60, () -> capture().savedProperty().get() == 2 && !capture().guidedProperty().get());
            List<ManifestRow> before = manifestRows(root);
            Optional<AutoCloseable> readOnly = TestDisks.makeReadOnly(root, mounted.orElse(null));
            Assumptions.assumeTrue(readOnly.isPresent(), TestDisks.CANNOT);
            try (AutoCloseable restore = readOnly.get()) {
                guided(robot, "B,C", 2);
                waitFor("capture to stop", 60, () -> !capture().stoppedProperty().get().isEmpty());
                assertTrue(capture().stoppedProperty().get().contains("cannot be written"),
                        capture().stoppedProperty().get());
                assertFalse(capture().guidedProperty().get());
                assertEquals(before, manifestRows(root));
            }
            assertConsistent(root);
            assertEquals(2, before.size());
        } finally {
            if (mounted.isPresent()) {
                mounted.get().close();
            }
        }
    }

    @Test
    void review_relabelDeleteAndUndo_keepFolderAndManifestConsistent(FxRobot robot) throws Exception {
        Path root = temp.resolve("set");
        open(robot, root, org.fingerspell.dataset.StoreFileSystem.DISK);
        robot.interact(() -> capture().labelProperty().set("M"));
        for (int i = 1; i <= 3; i++) {
            int expected = i;
            robot.clickOn("#shoot");
            waitFor("shot " + i, 20, () -> capture().savedProperty().get() == expected);
        }
        robot.interact(() -> {
            page().showTab("Review");
            capture().reviewLabelProperty().set("M");
        });
        waitFor("three thumbnails", 20, () -> thumbnails(robot).size() == 3);

        robot.clickOn(thumbnails(robot).get(0));
        robot.interact(() -> robot.lookup("#relabelTarget").queryAs(ComboBox.class).setValue("N"));
        robot.clickOn("#reviewRelabel");
        waitFor("two M images left", 20, () -> thumbnails(robot).size() == 2);
        assertEquals(List.of("N", "M", "M"), manifestRows(root).stream().map(ManifestRow::label).toList());
        assertConsistent(root);

        robot.clickOn(thumbnails(robot).get(1));
        robot.clickOn("#reviewDelete");
        waitFor("one M image left", 20, () -> thumbnails(robot).size() == 1);
        assertEquals(2, manifestRows(root).size());
        try (var trash = Files.list(root.resolve(CaptureStore.DELETED).resolve("M"))) {
            assertEquals(1, trash.count());
        }
        assertConsistent(root);

        robot.clickOn("#reviewUndo");
        waitFor("the image back", 20, () -> thumbnails(robot).size() == 2);
        assertEquals(3, manifestRows(root).size());
        assertConsistent(root);
    }

    @Test
    void openDataset_afterACrashLeftAnImageWithoutRow_reportsAndAdoptsIt(FxRobot robot) throws Exception {
        Path root = temp.resolve("set");
        Files.createDirectories(root.resolve("Q"));
        Files.write(root.resolve("Q/left-by-a-crash.png"), new byte[] {1, 2, 3});

        open(robot, root, org.fingerspell.dataset.StoreFileSystem.DISK);

        assertTrue(robot.lookup("#recoveryMessage").query().isVisible());
        assertTrue(capture().recoveryLines().get(0).contains("Q/left-by-a-crash.png"), capture().recoveryLines().toString());
        assertEquals(List.of("Q/left-by-a-crash.png"), manifestRows(root).stream().map(ManifestRow::file).toList());
        assertConsistent(root);
    }

    @Test
    void guidedRun_withReferenceFolder_promptsEachClassWithItsPicture(FxRobot robot) throws Exception {
        Path references = temp.resolve("references");
        SyntheticModel.writeFrames(references.resolve("B"), "B*2");
        SyntheticModel.writeFrames(references.resolve("C"), "C*1");
        open(robot, temp.resolve("set"), org.fingerspell.dataset.StoreFileSystem.DISK);
        robot.interact(() -> {
            capture().countdownSecondsProperty().set(5);
            capture().chooseReferences(references);
        });
        waitFor("the reference folder", 20, () -> capture().referenceFolderProperty().get() != null);

        guided(robot, "B,C", 1);

        assertEquals("B", capture().promptProperty().get());
        assertEquals(references.resolve("B/00000.png"), capture().promptPictureProperty().get());
        assertTrue(robot.lookup("#promptPicture").query().isVisible());
        robot.clickOn("#skipGuided");
        assertEquals(references.resolve("C/00000.png"), capture().promptPictureProperty().get());
        robot.clickOn("#stopGuided");
        assertEquals(0, capture().savedProperty().get(), "skipped before its countdown ended");
    }

    @Test
    void coverage_countsTheSavedImagesAndListsWhatIsMissing(FxRobot robot) {
        Path root = temp.resolve("set");
        open(robot, root, org.fingerspell.dataset.StoreFileSystem.DISK);
        robot.interact(() -> capture().labelProperty().set("B"));
        robot.clickOn("#shoot");
        waitFor("the shot", 20, () -> capture().savedProperty().get() == 1);
        robot.interact(() -> page().showTab("Coverage"));
        waitFor("the coverage", 20, () -> capture().coverageProperty().get().count("B", "dim") == 1);

        String missing = robot.lookup("#coverageMissing").queryAs(javafx.scene.control.Label.class).getText();
        assertTrue(missing.contains("B: no daylight images yet"), missing);
        assertTrue(missing.contains("A: no images yet"), missing);
    }

    private static List<Node> thumbnails(FxRobot robot) {
        FlowPane pane = robot.lookup("#thumbnails").queryAs(FlowPane.class);
        return List.copyOf(pane.getChildren());
    }
}
