package org.fingerspell.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.fingerspell.hand.SigningHand;
import org.fingerspell.image.OpenCv;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.Labels;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.live.LiveViewModel;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.NaturalOrder;
import org.fingerspell.video.SourceSpec;
import org.opencv.core.Core;
import org.opencv.core.Mat;
import org.opencv.imgcodecs.Imgcodecs;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/**
 * Takes the README's picture of the live page: the real window, the committed model and palm detector, reading a
 * folder source made of a pack's held-out photos (the split file's test block), one letter after another, so a
 * word is spelled. The picture is taken once the word is typed, while its last letter is still shown with the
 * hand's box and skeleton. The word has no double letter (the speller needs a break between two of the same sign)
 * and only letters the model reads.
 * Run under a real display (Xvfb), at the window's own size (1280×800):
 * <pre>
 *   java -cp target/classes:target/test-classes:DEPS org.fingerspell.ui.LiveViewScreenshot \
 *       models/fingerspell.onnx training/splits/blocks_80_10_10.csv ../shared/data/phone-train WORD assets/live-view.png [left]
 * </pre>
 * With {@code left} every photo is mirrored (a left-handed signer) and the window runs with Signing hand: Left.
 */
public final class LiveViewScreenshot {

    /** Each letter is held 3 s at 30 fps (its test frames in turn), the last one 6 s so the picture catches it. */
    private static final int FRAMES_PER_LETTER = 90;
    private static final int FRAMES_LAST_LETTER = 180;

    private LiveViewScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        try {
            take(args);
        } catch (Exception e) {
            // The FX thread keeps the JVM alive: a failed run has to end it, with a status that says so.
            e.printStackTrace();
            System.exit(1);
        }
        System.exit(0);
    }

    private static void take(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path splits = Path.of(args[1]);
        Path pack = Path.of(args[2]);
        String word = args[3].toUpperCase(Locale.ROOT);
        Path png = Path.of(args[4]);
        SigningHand hand = args.length > 5 ? SigningHand.parse(args[5]) : SigningHand.RIGHT;
        OpenCv.load();
        Path work = Files.createTempDirectory("fingerspell-live-screenshot");
        Path frames = sequence(splits, pack, word, work.resolve("frames"), hand);
        Path noFrames = Files.createDirectories(work.resolve("empty"));

        Platform.startup(() -> { });
        MainWindow window = onFx(() -> MainWindow.open(new Stage(), new LaunchOptions(SourceSpec.folder(noFrames),
                ModelLoader.onnx(model, DeviceChoice.CPU, 0), model.toString(), 30, false,
                new SettingsStore(work.resolve("settings.json"))), AppSettings.DEFAULTS.withSigningHand(hand), text -> { }));
        LiveViewModel live = window.live();
        await("the model", 120, () -> live.modelStateProperty().get() != LiveViewModel.ModelState.LOADING);
        if (live.modelStateProperty().get() != LiveViewModel.ModelState.READY) {
            throw new IllegalStateException(onFx(() -> live.modelMessageProperty().get()));
        }
        // Played only once the model is ready, so every letter gets its whole hold.
        onFx(() -> {
            live.openFolder(frames);
            return null;
        });
        String last = word.substring(word.length() - 1);
        await("\"" + word + "\" to be spelled", 90, () -> {
            if (live.sourceStateProperty().get() == LiveViewModel.SourceState.ENDED) {
                throw new IllegalStateException("the folder ended with \"" + live.textProperty().get()
                        + "\" spelled, not \"" + word + "\"");
            }
            return live.textProperty().get().equals(word) && live.letterProperty().get().equals(last)
                    && live.handBoxProperty().get() != null && live.handSkeletonProperty().get() != null;
        });
        WritableImage image = onFx(() -> window.stage().getScene().snapshot(null));
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
        System.out.printf(Locale.ROOT, "wrote %s %dx%d: letter %s at %.0f%%, text \"%s\", %s, %s, %s%n", png,
                (int) image.getWidth(), (int) image.getHeight(), onFx(() -> live.letterProperty().get()),
                onFx(() -> live.confidenceProperty().get()) * 100, onFx(() -> live.textProperty().get()),
                onFx(() -> live.displayFpsProperty().get()), onFx(() -> live.inferenceFpsProperty().get()),
                onFx(() -> live.deviceProperty().get()));
        onFx(() -> {
            window.stage().close();
            return null;
        });
        Platform.exit();
    }

    /** The word's letters as numbered frames: each letter's test-block photos of the pack, there and back. */
    private static Path sequence(Path splits, Path pack, String word, Path folder, SigningHand hand)
            throws Exception {
        Files.createDirectories(folder);
        int n = 0;
        for (int i = 0; i < word.length(); i++) {
            String letter = Labels.parse(word.substring(i, i + 1)).orElseThrow(
                    () -> new IllegalArgumentException("not a letter in " + word));
            List<Path> photos = testBlock(splits, pack, letter);
            int count = i == word.length() - 1 ? FRAMES_LAST_LETTER : FRAMES_PER_LETTER;
            for (int f = 0; f < count; f++) {
                Path photo = photos.get(pingPong(f, photos.size()));
                Path frame = folder.resolve(String.format(Locale.ROOT, "%05d.jpg", n++));
                if (hand.mirrors()) {
                    Mat image = Imgcodecs.imread(photo.toString());
                    Core.flip(image, image, 1);
                    Imgcodecs.imwrite(frame.toString(), image);
                    image.release();
                } else {
                    Files.copy(photo, frame);
                }
            }
        }
        return folder;
    }

    /**
     * The {@code f}-th frame of a run through {@code n} photos forwards, then backwards, and so on: a longer hold
     * than the block has frames, without the jump from its last photo back to its first (a break that can type
     * the letter twice).
     */
    private static int pingPong(int f, int n) {
        if (n == 1) {
            return 0;
        }
        int i = f % (2 * (n - 1));
        return i < n ? i : 2 * (n - 1) - i;
    }

    private static List<Path> testBlock(Path splits, Path pack, String label) throws Exception {
        List<Path> photos = new ArrayList<>();
        String packName = pack.getFileName().toString();
        for (String line : Files.readAllLines(splits)) {
            String[] f = line.split(",");
            if (f.length == 4 && f[0].equals(packName) && f[2].equals(label) && f[3].equals("test")) {
                photos.add(pack.resolve(f[1]));
            }
        }
        if (photos.isEmpty()) {
            throw new IllegalArgumentException("no test-block photos of " + label + " from " + packName + " in " + splits);
        }
        photos.sort(NaturalOrder.PATHS);
        return photos;
    }

    private static <T> T onFx(Callable<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void await(String what, int seconds, Callable<Boolean> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFx(condition)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
