package org.fingerspell.app;

import org.fingerspell.AppInfo;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CrashReporterTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-25T13:40:41.123Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private CrashReporter reporter(Path folder) {
        return new CrashReporter(folder, () -> List.of("13:40:40 INFO camera opened", "13:40:41 WARN frame late"),
                () -> Map.of(Diagnostics.MODEL, "/opt/fingerspell/lib/app/models/fingerspell.onnx (fingerspell 0.1.0)",
                        Diagnostics.DEVICE, "cpu()"),
                CLOCK, new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void write_namesTheFileByUtcTimestamp() throws IOException {
        Path file = reporter(dir).write(Thread.currentThread(), new IllegalStateException("boom"));

        assertEquals("crash-20261125-134041-123.txt", file.getFileName().toString());
    }

    @Test
    void write_holdsVersionJavaOsModelDeviceTraceAndLastLogLines() throws IOException {
        Path file = reporter(dir).write(new Thread("fx-worker"), new IllegalStateException("boom"));

        String text = Files.readString(file);
        assertField(text, "Fingerspell", AppInfo.version());
        assertField(text, "Java", System.getProperty("java.version"));
        assertField(text, "OS", System.getProperty("os.name"));
        assertField(text, "Model", "/opt/fingerspell/lib/app/models/fingerspell.onnx (fingerspell 0.1.0)");
        assertField(text, "Device", "cpu()");
        assertField(text, "Thread", "fx-worker");
        assertTrue(text.contains("java.lang.IllegalStateException: boom"), text);
        assertTrue(text.contains("\tat org.fingerspell.app.CrashReporterTest"), text);
        assertTrue(text.contains("--- Last 2 log lines ---") && text.contains("13:40:41 WARN frame late"), text);
    }

    private static void assertField(String text, String name, String value) {
        assertTrue(Pattern.compile("(?m)^" + name + ":\\s+" + Pattern.quote(value)).matcher(text).find(),
                name + " " + value + " missing in:\n" + text);
    }

    @Test
    void write_doesNotOverwrite_aReportFromTheSameMillisecond() throws IOException {
        CrashReporter reporter = reporter(dir);
        Path first = reporter.write(Thread.currentThread(), new RuntimeException("one"));
        Path second = reporter.write(Thread.currentThread(), new RuntimeException("two"));

        assertEquals("crash-20261125-134041-123-2.txt", second.getFileName().toString());
        assertTrue(Files.readString(first).contains("one"));
    }

    @Test
    void uncaughtException_onAnyThread_writesReportAndTellsTheUser() throws InterruptedException, IOException {
        CrashReporter reporter = reporter(dir.resolve("logs"));
        AtomicReference<Path> told = new AtomicReference<>();
        Consumer<Path> listener = told::set;
        CrashReporter.addListener(listener);
        try {
            Thread thread = new Thread(() -> {
                throw new IllegalArgumentException("worker failed");
            }, "pipeline");
            thread.setUncaughtExceptionHandler(reporter);
            thread.start();
            thread.join();
        } finally {
            CrashReporter.removeListener(listener);
        }

        assertNotNull(told.get());
        assertTrue(Files.readString(told.get()).contains("worker failed"));
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("a crash report was written to " + told.get()), message);
    }

    @Test
    void report_returnsNullAndPrintsTheTrace_whenTheFolderIsUnwritable() throws IOException {
        Path blocker = Files.writeString(dir.resolve("file"), "");

        Path report = reporter(blocker.resolve("logs")).report(Thread.currentThread(), new RuntimeException("lost"));

        assertNull(report);
        String message = err.toString(StandardCharsets.UTF_8);
        assertTrue(message.contains("could not be written") && message.contains("java.lang.RuntimeException: lost"),
                message);
    }
}
