package org.fingerspell.app;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.ConsoleHandler;
import java.util.logging.FileHandler;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Logging for the app, on java.util.logging (SLF4J reaches it through slf4j-jdk14): the console shows what
 * slf4j-simple showed (warnings and errors from everyone, Fingerspell's own info lines, as {@code [LEVEL] message});
 * a size-rotated file in the user's data folder keeps info and above from everyone, with time, thread and logger;
 * a small in-memory tail feeds crash reports.
 */
public final class AppLogging {

    /** {@code fingerspell.0.log} is the current file, {@code .1} the one before, up to {@link #DEFAULT_COUNT}. */
    public static final String FILE_PATTERN = "fingerspell.%g.log";
    public static final String CURRENT_FILE = "fingerspell.0.log";
    public static final int DEFAULT_LIMIT_BYTES = 2 * 1024 * 1024;
    public static final int DEFAULT_COUNT = 5;
    /** Records of this logger go to the file only (the session line each command writes). */
    public static final String FILE_ONLY_LOGGER = "org.fingerspell.session";

    private static final String OWN_LOGGERS = "org.fingerspell";
    /** JUL holds loggers weakly: keep every logger whose level is set here, or the setting is lost to the GC. */
    private static final List<Logger> CONFIGURED = List.of(
            Logger.getLogger(""),
            Logger.getLogger(OWN_LOGGERS),
            // It warns about every session option it ignores; slf4j-simple was told to keep it quiet as well.
            Logger.getLogger("ai.djl.onnxruntime.engine.OrtEngine"),
            // It warns that a plain .onnx path is "a non-archive file" on every load: true, and intended.
            Logger.getLogger("ai.djl.repository.SimpleRepository"));

    private AppLogging() {
    }

    /** What {@link #install} set up: the current log file (absent when it could not be opened) and the tail. */
    public record Installed(Path logFolder, Path logFile, RecentLog recent, String fileProblem) {
        public boolean hasFile() {
            return logFile != null;
        }
    }

    /**
     * Replaces the JUL configuration with console + rotating file + in-memory tail. When the folder cannot be
     * created or the file opened (read-only home, full disk) the app still runs and logs to the console only.
     */
    public static synchronized Installed install(Path logFolder, int limitBytes, int count) {
        LogManager.getLogManager().reset();
        Logger root = CONFIGURED.get(0);
        root.setLevel(Level.INFO);
        CONFIGURED.get(1).setLevel(Level.INFO);
        CONFIGURED.get(2).setLevel(Level.SEVERE);
        CONFIGURED.get(3).setLevel(Level.SEVERE);

        root.addHandler(consoleHandler());
        RecentLog recent = new RecentLog(200);
        root.addHandler(recent);
        Path logFile = null;
        String problem = null;
        try {
            root.addHandler(fileHandler(logFolder, limitBytes, count));
            logFile = logFolder.resolve(CURRENT_FILE);
        } catch (IOException | RuntimeException e) {
            problem = e.toString();
            root.warning("cannot write the log file in " + logFolder + " (" + e.getMessage()
                    + "); logging to the console only");
        }
        return new Installed(logFolder, logFile, recent, problem);
    }

    /** A file handler with this app's rotation: {@code count} files of at most about {@code limitBytes} each. */
    public static FileHandler fileHandler(Path folder, int limitBytes, int count) throws IOException {
        Files.createDirectories(folder);
        // append=true: a short command must not wipe the log of the session before it.
        FileHandler handler = new FileHandler(folder.resolve(FILE_PATTERN).toString(), limitBytes, count, true);
        handler.setEncoding(StandardCharsets.UTF_8.name());
        handler.setFormatter(new LogFormats.FileFormatter());
        handler.setLevel(Level.INFO);
        return handler;
    }

    static Handler consoleHandler() {
        ConsoleHandler console = new ConsoleHandler();
        console.setLevel(Level.ALL);
        console.setFormatter(new LogFormats.ConsoleFormatter());
        console.setFilter(AppLogging::showOnConsole);
        return console;
    }

    static boolean showOnConsole(LogRecord record) {
        if (record.getLevel().intValue() >= Level.WARNING.intValue()) {
            return true;
        }
        String name = record.getLoggerName() == null ? "" : record.getLoggerName();
        return record.getLevel().intValue() >= Level.INFO.intValue()
                && (name.equals(OWN_LOGGERS) || name.startsWith(OWN_LOGGERS + "."))
                && !name.equals(FILE_ONLY_LOGGER);
    }
}
