package org.fingerspell.ui;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.fingerspell.cli.TinyModel;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.live.LiveViewModel;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.SourceSpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The model states a user meets, with real ONNX files: a working model, a missing one, a broken one. */
@ExtendWith(ApplicationExtension.class)
class LiveViewModelStatesTest {

    @TempDir
    Path temp;
    private Stage stage;
    private MainWindow window;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void close(FxRobot robot) {
        if (window != null) {
            robot.interact(() -> window.stage().close());
        }
    }

    private void open(FxRobot robot, Path model, Path frames) {
        open(robot, model, frames, AppSettings.DEFAULTS);
    }

    private void open(FxRobot robot, Path model, Path frames, AppSettings settings) {
        LaunchOptions options = new LaunchOptions(SourceSpec.folder(frames), ModelLoader.onnx(model, DeviceChoice.CPU, 1),
                model.toString(), 30, true, new SettingsStore(temp.resolve("settings.json")));
        robot.interact(() -> window = MainWindow.open(stage, options, settings, text -> { }));
    }

    private void waitForModel() throws Exception {
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                () -> window.live().modelStateProperty().get() != LiveViewModel.ModelState.LOADING);
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void onnxModel_readsFramesAndShowsDevice(FxRobot robot) throws Exception {
        Path model = TinyModel.install(Files.createDirectories(temp.resolve("model")));
        open(robot, model, SyntheticModel.writeFrames(temp.resolve("frames"), "A*10,B*10"));
        waitForModel();
        assertEquals(LiveViewModel.ModelState.READY, window.live().modelStateProperty().get());
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.live().readingsShown() > 5);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("Device CPU", robot.lookup("#statusDevice").queryAs(Label.class).getText());
        assertTrue(window.live().stats().inferred() > 5);
    }

    @Test
    void leftSigningHand_isShownInTheStatusBarAndFollowsTheSettings(FxRobot robot) throws Exception {
        Path model = TinyModel.install(Files.createDirectories(temp.resolve("model")));
        open(robot, model, SyntheticModel.writeFrames(temp.resolve("frames"), "A*10"),
                AppSettings.DEFAULTS.withSigningHand(SigningHand.LEFT));
        waitForModel();
        Label label = robot.lookup("#statusLeftHand").queryAs(Label.class);
        assertTrue(label.isVisible());
        assertEquals("Left hand: read mirrored", label.getText());
        assertEquals("left", window.capture().handednessProperty().get(), "capture's shots start as left-handed");
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.live().readingsShown() > 3);

        robot.interact(() -> window.app().update(window.app().settings().withSigningHand(SigningHand.RIGHT)));
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(label.isVisible());
        long shown = window.live().readingsShown();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> window.live().readingsShown() > shown + 3);
    }

    @Test
    void missingModel_saysWhatToDo(FxRobot robot) throws Exception {
        open(robot, temp.resolve("models/none.onnx"), SyntheticModel.writeFrames(temp.resolve("frames"), "A*10"));
        waitForModel();
        assertEquals(LiveViewModel.ModelState.FAILED, window.live().modelStateProperty().get());
        assertTrue(robot.lookup("#modelError").query().isVisible());
        String message = window.live().modelMessageProperty().get();
        assertTrue(message.contains("not found") && message.contains("--model"), message);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.live().framesPainted() > 3);
    }

    @Test
    void brokenModel_saysWhyAndKeepsVideo(FxRobot robot) throws Exception {
        Path dir = Files.createDirectories(temp.resolve("broken"));
        Path model = TinyModel.install(dir);
        Files.writeString(model, "not an onnx file");
        open(robot, model, SyntheticModel.writeFrames(temp.resolve("frames"), "A*10"));
        waitForModel();
        assertEquals(LiveViewModel.ModelState.FAILED, window.live().modelStateProperty().get());
        assertTrue(window.live().modelMessageProperty().get().contains("tiny.onnx"));
        assertEquals("No model", robot.lookup("#handState").queryAs(Label.class).getText());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> window.live().framesPainted() > 3);
    }
}
