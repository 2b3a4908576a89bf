package org.fingerspell.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.logging.FileHandler;
import java.util.logging.Level;
import java.util.logging.LogManager;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class AppLoggingTest {

    @TempDir
    Path dir;

    @AfterEach
    void restoreDefaultLogging() throws IOException {
        LogManager.getLogManager().readConfiguration();
    }

    private static Logger privateLogger(String name, FileHandler handler) {
        Logger logger = Logger.getLogger("org.fingerspell.test." + name);
        logger.setUseParentHandlers(false);
        logger.addHandler(handler);
        return logger;
    }

    private List<String> logFiles() throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(f -> f.getFileName().toString()).filter(n -> n.endsWith(".log")).sorted().toList();
        }
    }

    @Test
    void fileHandler_rotatesBySize_keepingCountFiles() throws IOException {
        FileHandler handler = AppLogging.fileHandler(dir, 2_000, 3);
        Logger logger = privateLogger("rotation", handler);
        for (int i = 0; i < 200; i++) {
            logger.info(String.format("record %03d %s", i, "x".repeat(40)));
        }
        handler.close();
        logger.removeHandler(handler);

        assertEquals(List.of("fingerspell.0.log", "fingerspell.1.log", "fingerspell.2.log"), logFiles());
        for (String name : logFiles()) {
            assertTrue(Files.size(dir.resolve(name)) <= 2_000 + 200, name + " is " + Files.size(dir.resolve(name)));
        }
        String newest = Files.readString(dir.resolve("fingerspell.0.log"));
        assertTrue(newest.contains("record 199"), newest);
        String all = Files.readString(dir.resolve("fingerspell.1.log"))
                + Files.readString(dir.resolve("fingerspell.2.log")) + newest;
        assertFalse(all.contains("record 000"), "the oldest records rotate away");
    }

    @Test
    void fileHandler_appendsToTheCurrentFile_acrossSessions() throws IOException {
        FileHandler first = AppLogging.fileHandler(dir, 100_000, 3);
        privateLogger("first", first).info("first session");
        first.close();
        FileHandler second = AppLogging.fileHandler(dir, 100_000, 3);
        privateLogger("second", second).info("second session");
        second.close();

        String log = Files.readString(dir.resolve(AppLogging.CURRENT_FILE));
        assertTrue(log.contains("first session") && log.contains("second session"), log);
    }

    @Test
    void fileHandler_writesTimeLevelThreadAndLogger() throws IOException {
        FileHandler handler = AppLogging.fileHandler(dir, 100_000, 2);
        privateLogger("format", handler).warning("camera lost");
        handler.close();

        String line = Files.readString(dir.resolve(AppLogging.CURRENT_FILE)).strip();
        assertTrue(line.matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\\.\\d{3} WARN \\[.+] format - camera lost"),
                line);
    }

    @Test
    void install_sendsOwnAndLibraryRecordsToTheFile_andTheTail() throws IOException {
        Path logs = dir.resolve("logs");
        AppLogging.Installed installed = AppLogging.install(logs, 100_000, 2);
        Logger.getLogger("org.fingerspell.video.Camera").info("camera opened");
        Logger.getLogger("ai.djl.Engine").warning("library warning");
        Logger.getLogger(AppLogging.FILE_ONLY_LOGGER).info("session line");
        LogManager.getLogManager().reset();

        String log = Files.readString(installed.logFile());
        assertTrue(log.contains("camera opened") && log.contains("library warning") && log.contains("session line"),
                log);
        assertTrue(installed.recent().lines().stream().anyMatch(l -> l.contains("camera opened")));
    }

    @Test
    void install_fallsBackToConsole_whenTheFolderCannotBeCreated() throws IOException {
        Path blocker = Files.writeString(dir.resolve("not-a-folder"), "");
        AppLogging.Installed installed = AppLogging.install(blocker.resolve("logs"), 100_000, 2);

        assertFalse(installed.hasFile());
        assertFalse(installed.fileProblem().isEmpty());
    }

    @Test
    void showOnConsole_keepsLibraryInfoOff_andOwnInfoOn() {
        assertFalse(AppLogging.showOnConsole(record("ai.djl.Engine", Level.INFO)));
        assertTrue(AppLogging.showOnConsole(record("ai.djl.Engine", Level.WARNING)));
        assertTrue(AppLogging.showOnConsole(record("org.fingerspell.model.OnnxClassifier", Level.INFO)));
        assertFalse(AppLogging.showOnConsole(record(AppLogging.FILE_ONLY_LOGGER, Level.INFO)));
        assertFalse(AppLogging.showOnConsole(record("org.fingerspell.x", Level.FINE)));
    }

    private static LogRecord record(String logger, Level level) {
        LogRecord record = new LogRecord(level, "message");
        record.setLoggerName(logger);
        return record;
    }
}
