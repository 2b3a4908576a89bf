package org.fingerspell.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.fingerspell.dataset.CaptureStore;
import org.fingerspell.dataset.ManifestRow;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.model.Labels;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.capture.CaptureView;
import org.fingerspell.ui.capture.CaptureViewModel;
import org.fingerspell.ui.live.LiveViewModel;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.SourceSpec;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * Builds a small real capture set through the app and takes the README's screenshots of the capture page
 * (the last argument: the folder the screenshot's live frame is played from).
 * Run under a real display (Xvfb), not Monocle: the committed model and palm detector find the hands in real
 * photos played as folder sources, one class folder per guided class, under three sessions' conditions.
 * <pre>
 *   java -cp target/test-classes:target/classes:DEPS org.fingerspell.ui.CaptureScreenshots \
 *       models/fingerspell.onnx ../shared/data/phone-train /tmp/capture-set assets ../shared/data/kaggle-train/W
 * </pre>
 * Prints how many images it took and how long, so the cost of a guided run is a measured number.
 */
public final class CaptureScreenshots {

    private record Session(String signer, String hand, String lighting, String background, List<String> classes,
                           int frames) {
    }

    private CaptureScreenshots() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path images = Path.of(args[1]);
        Path dataset = Path.of(args[2]);
        Path assets = Path.of(args[3]);
        Path shown = Path.of(args[4]);
        // A set captured by an earlier run is reused as it is: only the screenshots are taken again.
        boolean capturing = !Files.exists(dataset.resolve(CaptureStore.MANIFEST));
        Platform.startup(() -> { });
        MainWindow window = onFx(() -> {
            Stage stage = new Stage();
            LaunchOptions options = new LaunchOptions(SourceSpec.folder(images.resolve("A")),
                    ModelLoader.onnx(model, DeviceChoice.CPU, 1), model.toString(), 10, true,
                    new SettingsStore(dataset.resolveSibling("capture-screenshots-settings.json")));
            MainWindow opened = MainWindow.open(stage, options, AppSettings.DEFAULTS.withMirror(false));
            stage.setWidth(1400);
            stage.setHeight(900);
            return opened;
        });
        CaptureViewModel capture = window.capture();
        CaptureView page = window.shell().pages().stream().filter(CaptureView.class::isInstance)
                .map(CaptureView.class::cast).findFirst().orElseThrow();
        await("the model", 120, () -> window.live().modelStateProperty().get() == LiveViewModel.ModelState.READY);
        onFx(() -> {
            window.shell().select(page);
            capture.countdownSecondsProperty().set(1);
            capture.intervalMillisProperty().set(500);
            capture.cameraProperty().set("phone photos (phone-train), played as a folder");
            capture.openDataset(dataset);
            capture.chooseReferences(images.resolveSibling("kaggle-train"));
            return null;
        });
        await("the dataset", 30, () -> capture.folderProperty().get() != null);

        List<Session> sessions = !capturing ? List.of() : List.of(
                new Session("sam", "right", "daylight", "plain", Labels.ALL, 2),
                new Session("ana", "left", "indoor", "cluttered", Labels.ALL.subList(0, 18), 2),
                new Session("sam", "right", "dim", "plain", List.of("A", "B", "C", "E", "L", "O", "V"), 2));
        long started = System.nanoTime();
        for (Session session : sessions) {
            for (String label : session.classes()) {
                guided(window, capture, images, session, label);
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        List<ManifestRow> rows = CaptureStore.open(dataset).rows();
        long boxes = rows.stream().filter(row -> row.box() != null).count();
        System.out.printf(Locale.ROOT, "captured %d images in %.0f s (guided, 1 s countdown, 0.5 s apart); "
                + "%d with a detected hand box, %d near-duplicates%n", rows.size(), seconds, boxes,
                rows.stream().filter(ManifestRow::nearDuplicate).count());

        onFx(() -> {
            window.live().openFolder(shown);
            capture.countdownSecondsProperty().set(8);
            capture.classesProperty().set("W,X,Y");
            capture.signerProperty().set("sam");
            capture.lightingProperty().set("dim");
            capture.reviewLabelProperty().set("A");
            page.showTab("Session");
            return null;
        });
        await("the shown frames", 20, () -> window.live().handBoxProperty().get() != null);
        onFx(() -> {
            capture.startGuided();
            return null;
        });
        Thread.sleep(2500);
        // Stopped in the same FX call as the snapshot: writing the PNG can outlast the countdown on a busy machine.
        WritableImage during = onFx(() -> {
            WritableImage image = window.stage().getScene().snapshot(null);
            capture.stopGuided();
            page.showTab("Coverage");
            return image;
        });
        write(during, assets.resolve("capture-view.png"));
        Thread.sleep(1500);
        snapshot(window, assets.resolve("coverage-grid.png"));
        onFx(() -> {
            page.showTab("Review");
            return null;
        });
        Thread.sleep(2500);
        snapshot(window, dataset.resolveSibling("capture-review.png"));
        onFx(() -> {
            window.stage().close();
            return null;
        });
        Platform.exit();
        System.exit(0);
    }

    private static void guided(MainWindow window, CaptureViewModel capture, Path images, Session session,
                               String label) throws Exception {
        int before = capture.savedProperty().get();
        onFx(() -> {
            window.live().openFolder(images.resolve(label));
            capture.signerProperty().set(session.signer());
            capture.handednessProperty().set(session.hand());
            capture.lightingProperty().set(session.lighting());
            capture.backgroundProperty().set(session.background());
            capture.classesProperty().set(label);
            capture.burstProperty().set(session.frames());
            return null;
        });
        await("frames of " + label, 30, () -> window.live().sourceStateProperty().get() == LiveViewModel.SourceState.LIVE
                && window.live().readingsShown() > 0);
        onFx(() -> {
            capture.startGuided();
            return null;
        });
        await("the burst of " + label, 60, () -> !capture.guidedProperty().get()
                && capture.savedProperty().get() >= before + session.frames());
        if (!capture.stoppedProperty().get().isEmpty()) {
            throw new IllegalStateException(capture.stoppedProperty().get());
        }
    }

    private static void snapshot(MainWindow window, Path file) throws Exception {
        write(onFx(() -> window.stage().getScene().snapshot(null)), file);
    }

    private static void write(WritableImage image, Path file) throws Exception {
        Files.createDirectories(file.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", file.toFile());
        System.out.println("wrote " + file);
    }

    private static <T> T onFx(Supplier<T> work) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.get());
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(60, TimeUnit.SECONDS);
    }

    private static void await(String what, int seconds, BooleanSupplier condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        while (!onFx(condition::getAsBoolean)) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what);
            }
            Thread.sleep(100);
        }
    }
}
