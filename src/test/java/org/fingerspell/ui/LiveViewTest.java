package org.fingerspell.ui;

import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.live.LiveViewModel;
import org.fingerspell.video.Cameras;
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

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Drives the real window headless (Monocle) with a synthetic classifier, so it runs on any machine: states,
 * spelling through the whole pipeline, the text panel's buttons and shortcuts, and the threads that do I/O.
 */
@ExtendWith(ApplicationExtension.class)
class LiveViewTest {

    @TempDir
    static Path temp;
    static Path word;
    static Path short_;
    private final List<String> clipboard = new CopyOnWriteArrayList<>();
    private MainWindow window;

    @BeforeAll
    static void frames() throws Exception {
        word = SyntheticModel.writeFrames(temp.resolve("word"),
                "nothing*10,H*36,nothing*8,I*36,X*36,del*36,space*36,Y*36,O*36,nothing*10");
        short_ = SyntheticModel.writeFrames(temp.resolve("ab"), "nothing*5,A*90,B*36,nothing*5");
    }

    @Start
    void start(Stage stage) {
        LaunchOptions options = new LaunchOptions(SourceSpec.camera(0), SyntheticModel.loader(), "synthetic",
                30, false, new SettingsStore(temp.resolve("settings.json")));
        window = MainWindow.open(stage, options, AppSettings.DEFAULTS.withMirror(false), clipboard::add);
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    private static void waitFor(String what, int seconds, BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition::getAsBoolean);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    private void play(FxRobot robot, Path folder) {
        robot.interact(() -> window.live().openFolder(folder));
        waitFor("the folder to play to its end", 30,
                () -> window.live().sourceStateProperty().get() == LiveViewModel.SourceState.ENDED);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static String text(FxRobot robot, String id) {
        return robot.lookup(id).queryAs(Label.class).getText();
    }

    @Test
    void start_noCamera_showsEmptyStateWithRetryAndOpenVideo(FxRobot robot) {
        Assumptions.assumeTrue(Cameras.list(1).isEmpty(), "this machine has a camera");
        waitFor("the no-camera state", 10,
                () -> window.live().sourceStateProperty().get() == LiveViewModel.SourceState.NO_CAMERA);
        WaitForAsyncUtils.waitForFxEvents();
        Node empty = robot.lookup("#emptyState").query();
        assertTrue(empty.isVisible());
        assertEquals("No camera", text(robot, "#emptyTitle"));
        assertTrue(text(robot, "#emptyMessage").contains("No camera was found"));
        assertTrue(robot.lookup("#openVideo").query().isVisible());
        assertTrue(robot.lookup("#openFolder").query().isVisible());
        robot.clickOn("#retry");
        waitFor("the no-camera state after Retry", 10,
                () -> window.live().sourceStateProperty().get() == LiveViewModel.SourceState.NO_CAMERA);
        assertTrue(robot.lookup("#emptyState").query().isVisible());
    }

    @Test
    void folderSource_spellsWordWithDelAndSpace(FxRobot robot) {
        play(robot, word);
        assertEquals("HI YO", window.live().textProperty().get());
        assertEquals("HI YO▏", text(robot, "#spelledText"));
    }

    @Test
    void folderSource_showsLetterConfidenceAndCandidates(FxRobot robot) {
        robot.interact(() -> window.live().openFolder(short_));
        // A is held for 3 s of frames: long enough to be seen even on a loaded machine.
        waitFor("the letter A", 30, () -> "A".equals(window.live().letterProperty().get()));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("A", text(robot, "#letter"));
        assertTrue(text(robot, "#confidence").endsWith("%"));
        assertFalse(text(robot, "#second").isEmpty());
        waitFor("the folder to end", 30,
                () -> window.live().sourceStateProperty().get() == LiveViewModel.SourceState.ENDED);
        assertTrue(text(robot, "#statusDevice").contains("CPU"));
    }

    @Test
    void textPanel_buttonsAndShortcutsEditText(FxRobot robot) {
        play(robot, short_);
        assertEquals("AB", window.live().textProperty().get());
        robot.clickOn("#backspace");
        assertEquals("A", window.live().textProperty().get());
        robot.clickOn("#copy");
        assertEquals(List.of("A"), clipboard);
        robot.press(KeyCode.CONTROL, KeyCode.L).release(KeyCode.L, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", window.live().textProperty().get());
    }

    @Test
    void about_showsModelDeviceLogsAndLicences_andCopiesThem(FxRobot robot) {
        robot.clickOn("#nav-about");
        javafx.scene.layout.VBox details = robot.lookup("#aboutDetails").queryAs(javafx.scene.layout.VBox.class);
        String shown = details.getChildren().stream().filter(n -> n instanceof javafx.scene.control.Label)
                .map(n -> ((javafx.scene.control.Label) n).getText())
                .collect(java.util.stream.Collectors.joining("\n"));
        for (String expected : List.of("Model", "Device: ", "Logs and crash reports: ", "Licences",
                "ONNX Runtime", "OpenCV", "MediaPipe palm detection model")) {
            assertTrue(shown.contains(expected), expected + " missing in:\n" + shown);
        }
        robot.clickOn("#copyAboutDetails");
        assertTrue(clipboard.get(clipboard.size() - 1).startsWith("Fingerspell "), clipboard.toString());
    }

    @Test
    void text_survivesSwitchingPagesAndSources(FxRobot robot) {
        play(robot, short_);
        robot.clickOn("#nav-about");
        assertTrue(robot.lookup("#aboutPage").query().isVisible());
        robot.clickOn("#nav-live");
        assertEquals("AB", window.live().textProperty().get());
        play(robot, short_);
        assertEquals("ABAB", window.live().textProperty().get());
    }

    @Test
    void pipeline_runsNoGrabInferenceOrFileIoOnFxThread(FxRobot robot) throws Exception {
        ThreadLog.shared().clear();
        play(robot, short_);
        String fxThread = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getName()).get();
        Map<String, Set<String>> threads = ThreadLog.shared().snapshot();
        for (String operation : List.of(ThreadLog.OPEN, ThreadLog.GRAB, ThreadLog.INFERENCE, ThreadLog.FILE_IO)) {
            assertTrue(threads.containsKey(operation), operation + " was never recorded: " + threads);
        }
        threads.forEach((operation, names) ->
                assertFalse(names.contains(fxThread), operation + " ran on the FX thread: " + threads));
    }

    @Test
    void noHand_showsWarningState_evenAfterGarbageCollection(FxRobot robot) {
        System.gc();
        play(robot, short_);
        assertEquals(LiveViewModel.HandState.NO_HAND, window.live().handStateProperty().get());
        Node state = robot.lookup("#handState").query();
        assertEquals("No hand", ((Label) state).getText());
        assertTrue(state.getPseudoClassStates().contains(javafx.css.PseudoClass.getPseudoClass("warning")));
        assertEquals("–", text(robot, "#letter"));
    }

    @Test
    void darkTheme_isSavedForTheNextRun(FxRobot robot) {
        robot.clickOn("#darkTheme");
        assertEquals(AppSettings.Theme.DARK, window.app().settings().theme());
        waitFor("the settings file", 10, () -> new SettingsStore(temp.resolve("settings.json")).load().theme()
                == AppSettings.Theme.DARK);
        robot.clickOn("#darkTheme");
        waitFor("the settings file", 10, () -> new SettingsStore(temp.resolve("settings.json")).load().theme()
                == AppSettings.Theme.LIGHT);
    }

    @Test
    void modelLoad_runsOffFxThread(FxRobot robot) throws Exception {
        waitFor("the model", 10, () -> window.live().modelStateProperty().get() == LiveViewModel.ModelState.READY);
        String fxThread = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getName()).get();
        Set<String> loaders = ThreadLog.shared().snapshot().get(ThreadLog.MODEL_LOAD);
        assertFalse(loaders.isEmpty());
        assertFalse(loaders.contains(fxThread));
    }
}
