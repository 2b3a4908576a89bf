package org.fingerspell.app;

import org.fingerspell.AppInfo;
import org.fingerspell.model.ModelLocator;

import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.logging.Logger;

/**
 * What every start of the app sets up before any command runs: logging to the console and to a rotated file in the
 * user's data folder, and the crash reporter on all threads. {@code cli.Main} calls {@link #install} once.
 */
public final class AppRuntime {

    private static volatile AppLogging.Installed logging;

    private AppRuntime() {
    }

    public static synchronized AppLogging.Installed install(String[] args) {
        if (logging != null) {
            return logging;
        }
        Path folder = DataFolders.logs();
        logging = AppLogging.install(folder, AppLogging.DEFAULT_LIMIT_BYTES, AppLogging.DEFAULT_COUNT);
        AppLogging.Installed installed = logging;
        CrashReporter.install(new CrashReporter(folder, installed.recent()::lines, AppRuntime::facts,
                Clock.systemUTC(), System.err));
        Diagnostics.put(Diagnostics.COMMAND, "fingerspell " + String.join(" ", args));
        Logger.getLogger(AppLogging.FILE_ONLY_LOGGER).info(() -> "Fingerspell " + AppInfo.version() + " started: "
                + Diagnostics.get(Diagnostics.COMMAND, "") + " (Java " + System.getProperty("java.version") + ", "
                + System.getProperty("os.name") + " " + System.getProperty("os.arch") + ", pid "
                + ProcessHandle.current().pid() + ")");
        return installed;
    }

    /** The log folder in use, or where it would be when {@link #install} has not run. */
    public static Path logFolder() {
        AppLogging.Installed installed = logging;
        return installed != null ? installed.logFolder() : DataFolders.logs();
    }

    /** The session facts, with the model the app would use when none has been loaded yet. */
    static Map<String, String> facts() {
        Map<String, String> facts = Diagnostics.snapshot();
        if (!facts.containsKey(Diagnostics.MODEL)) {
            try {
                facts.put(Diagnostics.MODEL, "not loaded (default " + ModelLocator.defaultModel().toAbsolutePath()
                        + ")");
            } catch (RuntimeException e) {
                facts.put(Diagnostics.MODEL, "not loaded");
            }
        }
        return facts;
    }
}
