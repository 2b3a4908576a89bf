package org.fingerspell.ui;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.stage.Stage;
import org.fingerspell.app.AboutInfo;
import org.fingerspell.app.Startup;
import org.fingerspell.settings.AppSettings;
import org.fingerspell.model.ModelLocator;
import org.fingerspell.ui.about.AboutView;
import org.fingerspell.ui.files.FileDialogs;
import org.fingerspell.ui.files.FilesView;
import org.fingerspell.ui.files.FilesViewModel;
import org.fingerspell.ui.capture.CaptureView;
import org.fingerspell.ui.capture.CaptureViewModel;
import org.fingerspell.ui.evaluation.EvaluationView;
import org.fingerspell.ui.evaluation.EvaluationViewModel;
import org.fingerspell.ui.live.LiveView;
import org.fingerspell.ui.live.LiveViewModel;
import org.fingerspell.ui.shell.AppShell;
import org.fingerspell.video.SourceSpec;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/**
 * Builds the window on a stage: the shell and its pages, wired to one {@link AppModel}. The app and the UI
 * tests both open it this way. Settings must already be loaded (off the FX thread).
 */
public final class MainWindow {

    private final AppModel app;
    private final LiveViewModel live;
    private final FilesViewModel files;
    private final CaptureViewModel capture;
    private final EvaluationViewModel evaluation;
    private final AppShell shell;
    private final Stage stage;

    private MainWindow(Stage stage, AppModel app, LiveViewModel live, FilesViewModel files,
                       CaptureViewModel capture, EvaluationViewModel evaluation, AppShell shell) {
        this.stage = stage;
        this.app = app;
        this.live = live;
        this.files = files;
        this.capture = capture;
        this.evaluation = evaluation;
        this.shell = shell;
    }

    public static MainWindow open(Stage stage, LaunchOptions options, AppSettings settings) {
        return open(stage, options, settings, MainWindow::toSystemClipboard);
    }

    public static MainWindow open(Stage stage, LaunchOptions options, AppSettings settings,
                                  Consumer<String> clipboard) {
        return open(stage, options, settings, clipboard, FileDialogs.system());
    }

    /** With the Files page's dialogs given (tests answer them). */
    public static MainWindow open(Stage stage, LaunchOptions options, AppSettings settings,
                                  Consumer<String> clipboard, FileDialogs dialogs) {
        Themes.apply(settings.theme());
        AppModel app = new AppModel(options.settings(), settings, new Background());
        LiveViewModel live = new LiveViewModel(app, options.model(), options.fps(), options.loop(), clipboard);
        FilesViewModel files = new FilesViewModel(app, options.model());
        CaptureViewModel capture = new CaptureViewModel(app.background(), live);
        // The committed model is the one to measure first, whatever model the live page runs.
        Path committedModel = ModelLocator.defaultModel();
        EvaluationViewModel evaluation = new EvaluationViewModel(app, committedModel);
        AppShell shell = new AppShell(app, List.of(new LiveView(live), new FilesView(files, dialogs),
                new CaptureView(capture), new EvaluationView(evaluation, committedModel),
                new AboutView(() -> about(options, live), clipboard)));
        Scene scene = new Scene(shell.root(), 1280, 800);
        stage.setScene(scene);
        stage.setTitle("Fingerspell");
        stage.setMinWidth(900);
        stage.setMinHeight(600);
        MainWindow window = new MainWindow(stage, app, live, files, capture, evaluation, shell);
        stage.setOnHidden(e -> window.close());
        stage.show();
        Startup.milestone("main window shown");
        SourceSpec source = options.source();
        if (source != null) {
            live.start(source);
        } else {
            live.startCamera();
        }
        return window;
    }

    private static void toSystemClipboard(String text) {
        ClipboardContent content = new ClipboardContent();
        content.putString(text);
        Clipboard.getSystemClipboard().setContent(content);
    }

    public LiveViewModel live() {
        return live;
    }

    public FilesViewModel files() {
        return files;
    }

    public CaptureViewModel capture() {
        return capture;
    }

    public EvaluationViewModel evaluation() {
        return evaluation;
    }

    public AppModel app() {
        return app;
    }

    public AppShell shell() {
        return shell;
    }

    public Stage stage() {
        return stage;
    }

    private boolean closed;

    /** Stops the pipeline, closes the model and the background executor. */
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        shell.close();
        app.close();
    }

    static void exit() {
        Platform.exit();
    }

    /** The About page's facts: the model this window runs and the device it reports. */
    private static AboutInfo about(LaunchOptions options, LiveViewModel live) {
        AboutInfo.Builder about = AboutInfo.builder().device(live.deviceProperty().get());
        if (options.modelDescription() != null && !options.modelDescription().isBlank()) {
            try {
                about.model(Path.of(options.modelDescription()));
            } catch (java.nio.file.InvalidPathException e) {
                // Not a file name (a test's description): the About page shows the default model's facts.
            }
        }
        return about.build();
    }
}
