package org.fingerspell.ui.files;

import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.control.TableView;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import javafx.util.Duration;
import org.fingerspell.model.DeviceChoice;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.settings.SettingsStore;
import org.fingerspell.ui.LaunchOptions;
import org.fingerspell.ui.MainWindow;
import org.fingerspell.ui.Page;
import org.fingerspell.video.ModelLoader;

import javax.imageio.ImageIO;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * Makes the README's screenshot of the Files page: the real window (run it under Xvfb, not Monocle) on a folder of
 * images, one row selected, saved with {@code Scene.snapshot}.
 * Arguments: MODEL FOLDER OUT.png [ROW-NAME-TO-SELECT]
 */
public final class FilesViewScreenshot {

    private FilesViewScreenshot() {
    }

    /** Launched through this plain class: a main class that is an Application needs JavaFX on the module path. */
    public static void main(String[] args) {
        Application.launch(Shot.class, args);
    }

    public static final class Shot extends Application {

        private MainWindow window;

        @Override
        public void start(Stage stage) throws Exception {
            List<String> args = getParameters().getRaw();
            Path model = Path.of(args.get(0));
            Path folder = Path.of(args.get(1));
            Path out = Path.of(args.get(2));
            String select = args.size() > 3 ? args.get(3) : null;
            Path settings = Files.createTempDirectory("fingerspell-shot").resolve("settings.json");
            LaunchOptions options = new LaunchOptions(null, ModelLoader.onnx(model, DeviceChoice.CPU, 0),
                    model.toString(), 30, false, new SettingsStore(settings));
            window = MainWindow.open(stage, options, AppSettings.DEFAULTS, text -> { }, FileDialogs.system());
            stage.setWidth(1400);
            stage.setHeight(900);
            Page files = window.shell().pages().stream().filter(p -> p.title().equals("Files")).findFirst()
                    .orElseThrow();
            window.shell().select(files);
            window.files().open(List.of(folder));
            when(() -> !window.files().runningProperty().get() && !window.files().rows().isEmpty(), () -> {
                @SuppressWarnings("unchecked")
                TableView<FileRow> table = (TableView<FileRow>) stage.getScene().lookup("#filesTable");
                FileRow row = table.getItems().stream().filter(r -> select == null ? !r.failed()
                        : r.name().equals(select)).findFirst().orElseThrow();
                table.getSelectionModel().select(row);
                table.scrollTo(Math.max(0, table.getItems().indexOf(row) - 6)); // some rows above it in view
                // Thumbnails and the preview load in the background: give them a moment after the preview arrives.
                when(() -> window.files().previewProperty().get() != null, () -> after(2500, () -> {
                    WritableImage shot = stage.getScene().snapshot(null);
                    try {
                        ImageIO.write(SwingFXUtils.fromFXImage(shot, null), "png", out.toFile());
                        System.out.println("Saved " + out + " (" + (int) shot.getWidth() + "x" + (int) shot.getHeight()
                                + "); " + window.files().summaryProperty().get());
                    } catch (Exception e) {
                        e.printStackTrace();
                    }
                    stage.close();
                    Platform.exit();
                }));
            });
        }

    }

    private static void when(BooleanSupplier condition, Runnable then) {
        Timeline poll = new Timeline();
        poll.getKeyFrames().add(new KeyFrame(Duration.millis(200), e -> {
            if (condition.getAsBoolean()) {
                poll.stop();
                then.run();
            }
        }));
        poll.setCycleCount(Timeline.INDEFINITE);
        poll.play();
    }

    private static void after(long millis, Runnable then) {
        new Timeline(new KeyFrame(Duration.millis(millis), e -> then.run())).play();
    }
}
