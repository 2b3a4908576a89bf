package org.fingerspell.ui;

import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.ListView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.evaluation.EvaluationViewModel;
import org.fingerspell.video.ModelLoader;
import org.fingerspell.video.SourceSpec;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Takes the README's picture of the evaluation page: the real window (run it under Xvfb or on a desktop), the
 * committed model evaluated on a real set, the worst confusion opened in the gallery.
 *
 * <pre>java -cp target/classes:target/test-classes:DEPS org.fingerspell.ui.EvaluationScreenshot \
 *     models/fingerspell.onnx DATASET letters|all assets/evaluation-view.png [SECOND_MODEL]</pre>
 * ({@code -Ddark=true} for the dark theme).
 */
public final class EvaluationScreenshot {

    private EvaluationScreenshot() {
    }

    public static void main(String[] args) throws Exception {
        Path model = Path.of(args[0]);
        Path dataset = Path.of(args[1]);
        EvaluationViewModel.Scope scope = args[2].equals("letters") ? EvaluationViewModel.Scope.LETTERS
                : EvaluationViewModel.Scope.ALL;
        Path png = Path.of(args[3]);
        Path second = args.length > 4 ? Path.of(args[4]) : null;
        Path config = Files.createTempDirectory("fingerspell-screenshot");
        Path noFrames = Files.createDirectories(config.resolve("frames"));
        AtomicReference<MainWindow> window = new AtomicReference<>();
        CountDownLatch shown = new CountDownLatch(1);
        Platform.startup(() -> {
            LaunchOptions options = new LaunchOptions(SourceSpec.folder(noFrames),
                    ModelLoader.onnx(model, DeviceChoice.CPU, 1), model.toString(), 30, false,
                    new SettingsStore(config.resolve("settings.json")));
            Stage stage = new Stage();
            AppSettings settings = AppSettings.DEFAULTS.withMirror(false).withTheme(
                    Boolean.getBoolean("dark") ? AppSettings.Theme.DARK : AppSettings.Theme.LIGHT);
            MainWindow opened = MainWindow.open(stage, options, settings, text -> { });
            stage.setWidth(1400);
            stage.setHeight(900);
            opened.shell().select(opened.shell().pages().stream().filter(p -> p.title().equals("Evaluation"))
                    .findFirst().orElseThrow());
            EvaluationViewModel evaluation = opened.evaluation();
            evaluation.modelProperty().set(model);
            evaluation.secondModelProperty().set(second);
            evaluation.datasetProperty().set(dataset);
            evaluation.scopeProperty().set(scope);
            evaluation.evaluate();
            window.set(opened);
            shown.countDown();
        });
        shown.await();
        EvaluationViewModel evaluation = window.get().evaluation();
        while (onFx(() -> evaluation.stateProperty().get()) == EvaluationViewModel.State.RUNNING) {
            Thread.sleep(500);
        }
        System.out.println("state " + onFx(() -> evaluation.stateProperty().get()) + " "
                + onFx(() -> evaluation.errorProperty().get()));
        onFx(() -> {
            ListView<?> pairs = (ListView<?>) window.get().stage().getScene().lookup("#confusedPairs");
            pairs.getSelectionModel().select(0);
            return null;
        });
        Thread.sleep(4000);
        WritableImage image = onFx(() -> window.get().stage().getScene().snapshot(null));
        Files.createDirectories(png.toAbsolutePath().getParent());
        ImageIO.write(SwingFXUtils.fromFXImage(image, null), "png", png.toFile());
        System.out.println("wrote " + png + " " + (int) image.getWidth() + "x" + (int) image.getHeight());
        Platform.runLater(() -> window.get().stage().close());
        Platform.exit();
        System.exit(0);
    }

    private static <T> T onFx(java.util.concurrent.Callable<T> work) throws Exception {
        java.util.concurrent.CompletableFuture<T> result = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Exception e) {
                result.completeExceptionally(e);
            }
        });
        return result.get();
    }
}
