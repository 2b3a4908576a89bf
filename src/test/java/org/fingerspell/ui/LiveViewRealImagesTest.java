package org.fingerspell.ui;

import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.fingerspell.TestData;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.Labels;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.live.LiveViewModel;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.NaturalOrder;
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
 * The real window, the committed model and real photographs: folder sources built from the held-out frames
 * (the split file's test block) of Kaggle classes. Skips without the model or {@code ../shared/data}.
 */
@ExtendWith(ApplicationExtension.class)
class LiveViewRealImagesTest {

    /** Letters the tests show; chosen from the classes the model reads well on held-out frames. */
    static final List<String> LETTERS = List.of("B", "L", "V", "Y");

    @TempDir
    static Path temp;
    static Path model;
    static Path kaggle;
    static Set<String> testBlock;
    private MainWindow window;

    @BeforeAll
    static void data() throws IOException {
        model = TestData.committedModel();
        kaggle = TestData.pack("kaggle-train");
        testBlock = new HashSet<>();
        for (String line : Files.readAllLines(TestData.repoRoot().resolve("training/splits/blocks_80_10_10.csv"))) {
            String[] f = line.split(",");
            if (f.length == 4 && f[0].equals("kaggle-train") && f[3].equals("test")) {
                testBlock.add(f[1]);
            }
        }
    }

    @Start
    void start(Stage stage) {
        LaunchOptions options = new LaunchOptions(SourceSpec.folder(temp), ModelLoader.onnx(model, DeviceChoice.CPU, 0),
                model.toString(), 30, false, new SettingsStore(temp.resolve("settings.json")));
        window = MainWindow.open(stage, options, AppSettings.DEFAULTS.withMirror(false), text -> { });
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> window.stage().close());
    }

    /** The held-out frames of one class, in frame order. */
    static List<Path> frames(String label) throws IOException {
        try (Stream<Path> files = Files.list(kaggle.resolve(label))) {
            return files.filter(f -> testBlock.contains(label + "/" + f.getFileName()))
                    .sorted(NaturalOrder.PATHS).toList();
        }
    }

    /** Copies "H:31,nothing:15,..." (class:frame count, cycling through the class's test frames) into a folder. */
    static Path sequence(String name, String script) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        int n = 0;
        for (String part : script.split(",")) {
            String[] labelAndCount = part.split(":");
            String label = Labels.parse(labelAndCount[0]).orElseThrow();
            List<Path> frames = frames(label);
            int count = Integer.parseInt(labelAndCount[1]);
            for (int i = 0; i < count; i++) {
                Files.copy(frames.get(i % frames.size()),
                        folder.resolve(String.format(Locale.ROOT, "%05d.jpg", n++)));
            }
        }
        return folder;
    }

    private void play(FxRobot robot, Path folder) {
        robot.interact(() -> window.live().openFolder(folder));
        waitFor("the model", 60, () -> window.live().modelStateProperty().get() != LiveViewModel.ModelState.LOADING);
        assertEquals(LiveViewModel.ModelState.READY, window.live().modelStateProperty().get(),
                window.live().modelMessageProperty().get());
        waitFor("the folder to end", 60,
                () -> window.live().sourceStateProperty().get() == LiveViewModel.SourceState.ENDED);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitFor(String what, int seconds, java.util.concurrent.Callable<Boolean> condition) {
        try {
            WaitForAsyncUtils.waitFor(seconds, TimeUnit.SECONDS, condition);
        } catch (Exception e) {
            throw new AssertionError("timed out waiting for " + what, e);
        }
    }

    @Test
    void folderSource_letterShownMatchesFolderClass(FxRobot robot) throws IOException {
        for (String letter : LETTERS) {
            play(robot, sequence("class-" + letter, letter + ":31"));
            assertEquals(letter, robot.lookup("#letter").queryAs(Label.class).getText(), "letter for " + letter);
            assertTrue(window.live().confidenceProperty().get() >= 0.5);
        }
        assertTrue(robot.lookup("#statusDevice").queryAs(Label.class).getText().matches("Device (CPU|CUDA:\\d)"));
    }

    @Test
    void folderSequence_spellsWordWithDelAndSpace(FxRobot robot) throws IOException {
        // B, L, V (deleted), space, Y: "BL Y"
        play(robot, sequence("word", "nothing:15,B:31,L:31,V:31,del:31,space:31,Y:31,nothing:15"));
        assertEquals("BL Y", window.live().textProperty().get());
        assertEquals("BL Y▏", robot.lookup("#spelledText").queryAs(Label.class).getText());
    }

    @Test
    void realPipeline_runsNoIoOrInferenceOnFxThread(FxRobot robot) throws Exception {
        ThreadLog.shared().clear();
        play(robot, sequence("io", "B:31"));
        String fxThread = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getName()).get();
        Map<String, Set<String>> threads = ThreadLog.shared().snapshot();
        assertTrue(threads.containsKey(ThreadLog.INFERENCE), threads.toString());
        threads.forEach((operation, names) ->
                assertFalse(names.contains(fxThread), operation + " ran on the FX thread: " + threads));
    }
}
