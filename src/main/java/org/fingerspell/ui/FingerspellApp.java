package org.fingerspell.ui;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.stage.Stage;
import org.fingerspell.image.OpenCv;
import org.fingerspell.settings.AppSettings;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * The JavaFX application. Not the jar's main class: {@code fingerspell live} (cli.Main) sets the options and
 * calls {@link #launch(LaunchOptions)}.
 */
public final class FingerspellApp extends Application {

    private static final Logger LOG = LoggerFactory.getLogger(FingerspellApp.class);
    private static volatile LaunchOptions options;

    private AppSettings settings;
    private MainWindow window;
    private StatsLog statsLog;

    /** Opens the window and blocks until it closes. */
    public static void launch(LaunchOptions launchOptions) {
        options = Objects.requireNonNull(launchOptions, "launchOptions");
        Application.launch(FingerspellApp.class);
    }

    /** On the launcher thread, before the FX thread has work: file and native I/O belongs here. */
    @Override
    public void init() {
        if (options == null) {
            throw new IllegalStateException("start Fingerspell with `fingerspell live`");
        }
        settings = options.settings().load();
        OpenCv.load();
    }

    @Override
    public void start(Stage stage) {
        Thread.currentThread().setUncaughtExceptionHandler((thread, error) ->
                LOG.error("Uncaught exception on the FX thread", error));
        window = MainWindow.open(stage, options, settings);
        if (options.statsLog() != null) {
            try {
                statsLog = new StatsLog(options.statsLog(), window.live(), 10_000);
            } catch (java.io.IOException e) {
                LOG.warn("Cannot write the stats log {}: {}", options.statsLog(), e.getMessage());
            }
        }
    }

    @Override
    public void stop() {
        if (statsLog != null) {
            statsLog.close();
        }
        if (window != null) {
            window.close();
        }
        Platform.exit();
    }
}
