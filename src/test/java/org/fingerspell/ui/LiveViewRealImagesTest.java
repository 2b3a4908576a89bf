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
import org.junit.jupiter.api.Assumptions;
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
 * (the split file's test block) of classes in {@code kaggle-train} and {@code phone-train}. These tests check
 * that the live pipeline and view show what the model reads; the model's own accuracy is measured by
 * {@code eval}. So they play the classes the committed model reads on at least 80% of those frames (found in
 * {@link #data()} with the same classifier code the CLI uses), and skip with a message when it reads too few.
 * Skips without the model or {@code ../shared/data}.
 */
@ExtendWith(ApplicationExtension.class)
class LiveViewRealImagesTest {

    private static final double COMPETENT = 0.8;
    private static final List<String> PACKS = List.of("phone-train", "kaggle-train");

    @TempDir
    static Path temp;
    static Path model;
    /** class → the test-block frames (of the first pack where the model reads that class well). */
    static final Map<String, List<Path>> competent = new java.util.LinkedHashMap<>();
    /** class → the model's mean probability for it on those frames. */
    static final Map<String, Double> meanProbability = new java.util.HashMap<>();
    private MainWindow window;

    @BeforeAll
    static void data() throws Exception {
        model = TestData.committedModel();
        Map<String, Set<String>> testBlock = new java.util.HashMap<>();
        for (String line : Files.readAllLines(TestData.repoRoot().resolve("training/splits/blocks_80_10_10.csv"))) {
            String[] f = line.split(",");
            if (f.length == 4 && f[3].equals("test")) {
                testBlock.computeIfAbsent(f[0], k -> new HashSet<>()).add(f[1]);
            }
        }
        org.fingerspell.image.ImageLoader loader = new org.fingerspell.image.ImageLoader();
        try (org.fingerspell.model.OnnxClassifier classifier = org.fingerspell.model.OnnxClassifier.load(model,
                DeviceChoice.CPU, 2);
             org.fingerspell.video.LandmarkModels landmarks = org.fingerspell.video.LandmarkModels.forModel(
                     classifier);
             org.fingerspell.video.FrameClassifier frames = org.fingerspell.video.FrameClassifier.forStills(
                     classifier, landmarks)) {
            for (String packName : PACKS) {
                Path pack = TestData.pack(packName);
                for (String label : Labels.ALL) {
                    if (competent.containsKey(label) || Labels.NOTHING.equals(label)
                            || !Files.isDirectory(pack.resolve(label))) {
                        continue;
                    }
                    List<Path> files;
                    try (Stream<Path> list = Files.list(pack.resolve(label))) {
                        files = list.filter(f -> testBlock.getOrDefault(packName, Set.of())
                                .contains(label + "/" + f.getFileName())).sorted(NaturalOrder.PATHS).toList();
                    }
                    int right = 0;
                    double probability = 0;
                    for (Path file : files) {
                        try (org.fingerspell.image.ImageLoader.LoadedImage image = loader.load(file)) {
                            var classification = frames.classify(image.bgr()).classification();
                            if (classification.label().equals(label)) {
                                right++;
                            }
                            probability += classification.probabilityOf(label);
                        }
                    }
                    if (!files.isEmpty() && right >= COMPETENT * files.size()) {
                        competent.put(label, files);
                        meanProbability.put(label, probability / files.size());
                    }
                }
            }
        }
        System.out.println("Classes the committed model reads on >= 80% of held-out frames (mean probability): "
                + meanProbability);
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

    /** Copies "H:31,del:31,..." (class:frame count, cycling through the class's test frames) into a folder. */
    static Path sequence(String name, String script) throws IOException {
        Path folder = Files.createDirectories(temp.resolve(name));
        int n = 0;
        for (String part : script.split(",")) {
            String[] labelAndCount = part.split(":");
            String label = Labels.parse(labelAndCount[0]).orElseThrow();
            List<Path> frames = competent.get(label);
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

    private static List<String> letters(int count) {
        List<String> letters = competent.keySet().stream().filter(Labels::isLetter).limit(count).toList();
        Assumptions.assumeTrue(letters.size() == count, "skipped: the committed model reads only "
                + competent.keySet() + " on >= 80% of held-out frames; this test needs " + count + " letters");
        return letters;
    }

    /** Letters read well and confidently enough to be typed with the default threshold. */
    private static List<String> spellable(int count) {
        double needed = org.fingerspell.spelling.SpellingSettings.DEFAULTS.threshold() + 0.05;
        List<String> letters = competent.keySet().stream().filter(Labels::isLetter)
                .filter(l -> meanProbability.get(l) >= needed).limit(count).toList();
        Assumptions.assumeTrue(letters.size() == count, "skipped: the committed model reads only "
                + meanProbability + " well; this test needs " + count + " letters at mean probability >= " + needed);
        return letters;
    }

    @Test
    void folderSource_letterShownMatchesFolderClass(FxRobot robot) throws IOException {
        for (String letter : letters(3)) {
            play(robot, sequence("class-" + letter, letter + ":31"));
            assertEquals(letter, robot.lookup("#letter").queryAs(Label.class).getText(), "letter for " + letter);
            assertEquals(String.format(Locale.ROOT, "%.0f%%", window.live().confidenceProperty().get() * 100),
                    robot.lookup("#confidence").queryAs(Label.class).getText());
        }
        assertTrue(robot.lookup("#statusDevice").queryAs(Label.class).getText().matches("Device (CPU|CUDA:\\d)"));
    }

    @Test
    void folderSequence_spellsLettersInOrder(FxRobot robot) throws IOException {
        List<String> l = spellable(2);
        // Two seconds a sign (the test block twice), so a slow CPU that infers 10 frames a second still holds it.
        play(robot, sequence("letters", String.format(Locale.ROOT, "%s:62,%s:62,%s:62",
                l.get(0), l.get(1), l.get(0))));
        assertEquals(l.get(0) + l.get(1) + l.get(0), window.live().textProperty().get());
    }

    @Test
    void folderSequence_spellsWordWithDelAndSpace(FxRobot robot) throws IOException {
        List<String> l = spellable(3);
        Assumptions.assumeTrue(competent.containsKey(Labels.DEL) && competent.containsKey(Labels.SPACE),
                "skipped: the committed model does not read del and space on >= 80% of held-out frames "
                        + "(it reads " + competent.keySet() + ")");
        // a, b, c (deleted), space, a: "ab a"
        String script = String.format(Locale.ROOT, "%s:62,%s:62,%s:62,del:62,space:62,%s:62",
                l.get(0), l.get(1), l.get(2), l.get(0));
        play(robot, sequence("word", script));
        String expected = l.get(0) + l.get(1) + " " + l.get(0);
        assertEquals(expected, window.live().textProperty().get());
        assertEquals(expected + "▏", robot.lookup("#spelledText").queryAs(Label.class).getText());
    }

    @Test
    void realPipeline_runsNoIoOrInferenceOnFxThread(FxRobot robot) throws Exception {
        Assumptions.assumeFalse(competent.isEmpty(), "skipped: the committed model reads no class well");
        ThreadLog.shared().clear();
        play(robot, sequence("io", competent.keySet().iterator().next() + ":31"));
        String fxThread = WaitForAsyncUtils.asyncFx(() -> Thread.currentThread().getName()).get();
        Map<String, Set<String>> threads = ThreadLog.shared().snapshot();
        assertTrue(threads.containsKey(ThreadLog.INFERENCE), threads.toString());
        threads.forEach((operation, names) ->
                assertFalse(names.contains(fxThread), operation + " ran on the FX thread: " + threads));
    }
}
