package org.fingerspell.ui;

import javafx.stage.Stage;
import org.fingerspell.hand.Crop;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.live.HandBox;
import org.fingerspell.ui.live.LiveViewModel;
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

import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A build without the hand detector: the guide box is drawn and the user is told once. */
@ExtendWith(ApplicationExtension.class)
class LiveViewFallbackTest {

    @TempDir
    static Path temp;
    static Path folder;
    private MainWindow window;

    @BeforeAll
    static void frames() throws Exception {
        folder = SyntheticModel.writeFrames(temp.resolve("frames"), "A*30");
    }

    @Start
    void start(Stage stage) {
        LaunchOptions options = new LaunchOptions(SourceSpec.folder(folder), SyntheticModel.loader(Crop.Source.FALLBACK),
                "synthetic", 30, false, new SettingsStore(temp.resolve("settings.json")));
        window = MainWindow.open(stage, options, AppSettings.DEFAULTS, text -> { });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    @Test
    void noDetector_showsGuideBoxAndSaysSoOnce(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !window.live().noticeProperty().get().isEmpty());
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(window.live().noticeProperty().get().contains("guide box"));
        assertTrue(robot.lookup("#notice").query().isVisible());
        HandBox box = window.live().handBoxProperty().get();
        assertTrue(box != null && box.guide());
        assertTrue(robot.lookup("#handBox").query().isVisible());
        robot.interact(() -> window.live().dismissNotice());
        robot.interact(() -> window.live().retry());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.live().sourceStateProperty().get() == LiveViewModel.SourceState.ENDED);
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals("", window.live().noticeProperty().get());
        assertFalse(robot.lookup("#notice").query().isVisible());
    }
}
