package org.fingerspell.app;

import org.fingerspell.AppInfo;

import java.io.IOException;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns an uncaught exception on any thread into {@code crash-<timestamp>.txt} in the log folder (version, Java,
 * OS, model, device, the stack trace and the last log lines), and tells the user where it is: on stderr, in the
 * log, and through listeners (the UI shows a dialog). It never throws: a failure to write is itself reported.
 */
public final class CrashReporter implements Thread.UncaughtExceptionHandler {

    private static final Logger LOG = Logger.getLogger(CrashReporter.class.getName());
    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);
    private static final List<Consumer<Path>> LISTENERS = new CopyOnWriteArrayList<>();
    private static volatile CrashReporter installed;

    private final Path folder;
    private final Supplier<List<String>> recentLines;
    private final Supplier<Map<String, String>> facts;
    private final Clock clock;
    private final PrintStream err;

    public CrashReporter(Path folder, Supplier<List<String>> recentLines, Supplier<Map<String, String>> facts,
                         Clock clock, PrintStream err) {
        this.folder = Objects.requireNonNull(folder, "folder");
        this.recentLines = Objects.requireNonNull(recentLines, "recentLines");
        this.facts = Objects.requireNonNull(facts, "facts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.err = Objects.requireNonNull(err, "err");
    }

    /** Makes this the handler of every thread that has none of its own (the FX thread included). */
    public static void install(CrashReporter reporter) {
        installed = reporter;
        Thread.setDefaultUncaughtExceptionHandler(reporter);
    }

    /** Reports a throwable that was caught but is a bug (e.g. a command's internal error); empty if not installed. */
    public static java.util.Optional<Path> reportIfInstalled(Throwable thrown) {
        CrashReporter reporter = installed;
        return reporter == null ? java.util.Optional.empty()
                : java.util.Optional.ofNullable(reporter.report(Thread.currentThread(), thrown));
    }

    /** Called with the report's path after each crash report is written (on the crashing thread). */
    public static void addListener(Consumer<Path> listener) {
        LISTENERS.add(Objects.requireNonNull(listener, "listener"));
    }

    public static void removeListener(Consumer<Path> listener) {
        LISTENERS.remove(listener);
    }

    @Override
    public void uncaughtException(Thread thread, Throwable thrown) {
        report(thread, thrown);
    }

    /** Writes the report and tells the user; returns its path, or null when it could not be written. */
    public Path report(Thread thread, Throwable thrown) {
        try {
            Path file = write(thread, thrown);
            LOG.log(Level.SEVERE, "Unexpected error on thread " + thread.getName() + "; crash report: " + file, thrown);
            err.println("fingerspell: unexpected error (" + thrown + ").");
            err.println("fingerspell: a crash report was written to " + file);
            err.println("fingerspell: please attach it when you report this bug.");
            for (Consumer<Path> listener : LISTENERS) {
                try {
                    listener.accept(file);
                } catch (RuntimeException e) {
                    LOG.log(Level.WARNING, "crash listener failed", e);
                }
            }
            return file;
        } catch (IOException | RuntimeException e) {
            err.println("fingerspell: unexpected error on thread " + thread.getName()
                    + ", and the crash report could not be written to " + folder + ": " + e);
            thrown.printStackTrace(err);
            return null;
        }
    }

    /** Writes {@code crash-<UTC timestamp>.txt} in the folder and returns it. */
    public Path write(Thread thread, Throwable thrown) throws IOException {
        Files.createDirectories(folder);
        String stamp = FILE_TIME.format(clock.instant());
        Path file = folder.resolve("crash-" + stamp + ".txt");
        for (int n = 2; Files.exists(file); n++) {
            file = folder.resolve("crash-" + stamp + "-" + n + ".txt");
        }
        Files.writeString(file, text(thread, thrown), StandardCharsets.UTF_8);
        return file;
    }

    String text(Thread thread, Throwable thrown) {
        StringBuilder out = new StringBuilder();
        String nl = System.lineSeparator();
        out.append("Fingerspell crash report").append(nl);
        out.append("Please attach this file to your bug report. It holds no images, only the facts below.").append(nl)
                .append(nl);
        field(out, "Time", clock.instant().toString());
        field(out, "Thread", thread.getName());
        field(out, "Fingerspell", AppInfo.version());
        field(out, "Java", System.getProperty("java.version") + " (" + System.getProperty("java.vendor") + ", "
                + System.getProperty("java.vm.name") + ")");
        field(out, "OS", System.getProperty("os.name") + " " + System.getProperty("os.version") + " "
                + System.getProperty("os.arch"));
        Runtime runtime = Runtime.getRuntime();
        field(out, "CPU/memory", runtime.availableProcessors() + " cores, " + runtime.maxMemory() / (1024 * 1024)
                + " MiB max heap, " + runtime.freeMemory() / (1024 * 1024) + " MiB free");
        Map<String, String> known = facts.get();
        field(out, "Model", known.getOrDefault(Diagnostics.MODEL, "not loaded"));
        field(out, "Device", known.getOrDefault(Diagnostics.DEVICE, "not chosen"));
        known.forEach((key, value) -> {
            if (!key.equals(Diagnostics.MODEL) && !key.equals(Diagnostics.DEVICE)) {
                field(out, capitalise(key), value);
            }
        });
        out.append(nl).append("--- Error ---").append(nl);
        StringWriter trace = new StringWriter();
        thrown.printStackTrace(new PrintWriter(trace));
        out.append(trace);
        List<String> lines = recentLines.get();
        out.append(nl).append("--- Last ").append(lines.size()).append(" log lines ---").append(nl);
        lines.forEach(line -> out.append(line).append(nl));
        return out.toString();
    }

    private static void field(StringBuilder out, String name, String value) {
        out.append(String.format("%-12s %s%n", name + ":", value));
    }

    private static String capitalise(String key) {
        return key.isEmpty() ? key : Character.toUpperCase(key.charAt(0)) + key.substring(1);
    }
}
